"""Reported speech read off the dependency parse: who said (or holds) what, and the cue.

A speech verb with a content clause ("X said (that) ...", "X told reporters ...", "...,
X said"), a stance verb whose object noun carries the clause ("X rejected the idea that
..."), a belief verb with a content clause ("officials believe ..."), a speech act whose
object or prepositional object is what was said ("X announced his resignation", "X called
for an inquiry", "X called the plan a fraud"), "according to SOURCE" attached to a clause,
and a headline line "Source: what they said". Each gives an Attribution with character offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from presslens.analyzers.quotes.marks import QUOTE_MARK
from presslens.analyzers.quotes.speech_verbs import (
    BELIEF_VERBS,
    HEADLINE_LABELS,
    IDEA_NOUNS,
    MESSAGE_NOUNS,
    NAMING_VERBS,
    OBJECT_SPEECH_VERBS,
    PHRASAL_SPEECH_VERBS,
    PREPOSITION_SPEECH_VERBS,
    SPEECH_VERBS,
    STANCE_VERBS,
    XCOMP_SPEECH_VERBS,
)

_SUBJECTS = ("nsubj", "nsubjpass")
_SPEAKER_STOP = frozenset({"appos", "relcl", "acl", "punct", "advcl", "parataxis", "cc", "conj", "prep"})
_EDGE_PUNCT = frozenset(",;:—–-")
_CLOCK = re.compile(r"\d:\d\d|\b[ap]\.m\.", re.IGNORECASE)
_RELATIVE = frozenset({"who", "which", "that"})
# How a speech verb hangs from the verb whose subject speaks: "and said", "adding", "by saying".
_CLIMB = frozenset({"conj", "advcl", "xcomp", "pcomp", "prep"})
_CUE_LEMMAS = (SPEECH_VERBS | BELIEF_VERBS | STANCE_VERBS | OBJECT_SPEECH_VERBS | NAMING_VERBS
               | {verb for verb, _ in PREPOSITION_SPEECH_VERBS})
# "Trump: Cruz Has a Long Way to Go": a headline line whose short lead names who said the rest.
_HEADLINE = re.compile(r"^[ \t]*(?P<source>[^\n:]{2,60}?)[ \t]*:[ \t]+(?P<content>[^\n]*\S)[ \t]*$", re.MULTILINE)
_HEADLINE_SOURCE_WORDS = 6
_HEADLINE_CONTENT_WORDS = 3


@dataclass(frozen=True)
class Attribution:
    content: tuple[int, int]
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    via: tuple[int, int] | None = None


def is_speech_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and (
        token.lemma_.lower() in SPEECH_VERBS
        or any((token.lemma_.lower(), c.lower_) in PHRASAL_SPEECH_VERBS for c in token.children if c.dep_ == "prt")
    )


def speaker_of(verb: Token) -> tuple[int, int] | None:
    """The subject of a speech verb as written; for "adding that", "and said", "began by
    saying" the subject of the verb it hangs from; for "Having said ..., X left" the
    subject after it; for the passive "was told by X" the agent."""
    if verb.dep_ == "acl":  # "a spokesman, speaking on condition of anonymity, said"
        return _author(verb.head) or noun_phrase(verb.head)
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if subjects:
        # "9:30 p.m. Donald Trump says": the clock can be parsed as a second subject
        named = [c for c in subjects if not _dateline_or_clock(c)]
        if len(named) == 1 and (author := _author(named[0])) is not None:
            return author
        return _nearest_subject(named, verb) if named else None
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return noun_phrase(objects[-1])
    below, head = verb, verb
    for _ in range(4):
        if head.dep_ not in _CLIMB or head.head.i == head.i:
            break
        below, head = head, head.head
        leading_participle = below.dep_ == "advcl" and below.tag_ in ("VBG", "VBN") and below.i < head.i
        subjects = [c for c in head.children if c.dep_ in _SUBJECTS and (c.i < verb.i or leading_participle)]
        if subjects:  # "Speaking in Salem, New Hampshire, Trump went ...": the nearest is the subject
            return _subject_phrase(min(subjects, key=lambda c: abs(head.i - c.i)), head)
    return None


def _author(noun: Token) -> tuple[int, int] | None:
    """Who wrote a message noun: its possessor ("Trump's post"), its source ("reporting from
    The New York Times", "a statement by the ministry"), or the subject of the verb it is the
    object of ("Mr Trump followed it up with another post saying", "the Department issued a
    statement suggesting"). None for any other noun, or where no author is written."""
    if noun.lower_ not in MESSAGE_NOUNS:
        return None
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "PRON") and child.lower_ not in ("its", "their"):
            return noun_phrase(child)
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            sources = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            if sources:
                return noun_phrase(sources[0])
    head = noun
    for _ in range(2):  # the noun, or the preposition it hangs from, is the verb's object
        if head.dep_ not in ("dobj", "pobj", "prep") or head.head.i == head.i:
            return None
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            subjects = [c for c in head.children if c.dep_ == "nsubj"]
            return noun_phrase(subjects[0]) if subjects and subjects[0].lower_ not in MESSAGE_NOUNS else None
    return None


def _nearest_subject(subjects: list[Token], verb: Token) -> tuple[int, int]:
    """The subject nearest the verb, joined with the subjects written right before it:
    "council chair Mira Holt said" can parse as two subjects, "chair" and "Holt"."""
    nearest = min(subjects, key=lambda c: abs(verb.i - c.i))
    start, end = _subject_phrase(nearest, verb)
    for other in sorted((c for c in subjects if c.i < nearest.i), key=lambda c: -c.i):
        left, right = _phrase_edges(other)
        if right.idx + len(right) + 1 < start or "\n" in right.whitespace_:
            break
        start = left.idx
    return start, end


def _subject_phrase(subject: Token, verb: Token) -> tuple[int, int]:
    """ "Smith, who said ...": the antecedent, not "who"; "a nurse, Ana Lind, said": the name."""
    if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
        return noun_phrase(verb.head)
    named = [c for c in subject.rights if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
    if subject.pos_ == "NOUN" and named:  # "a nurse, Ana Lind, told": the name, not "a nurse"
        return noun_phrase(named[0])
    return noun_phrase(subject)


def _dateline_or_clock(head: Token) -> bool:
    """ "CLEVELAND —" or "6:50 p.m.:" that the parser took for a subject."""
    left, right = _phrase_edges(head)
    phrase = head.doc[left.i : right.i + 1].text
    after = head.doc[right.i + 1 : right.i + 3].text.lstrip(" ,")
    dateline = phrase.isupper() and after.startswith(("—", "–", "-", "("))
    return dateline or bool(_CLOCK.search(phrase))


def noun_phrase(head: Token) -> tuple[int, int]:
    """A subject as it reads up to its first appositive, relative clause or comma:
    "Foreign Minister Irina Dross", "the head of the agency", "he"."""
    left, right = _phrase_edges(head)
    return left.idx, right.idx + len(right)


def _phrase_edges(head: Token) -> tuple[Token, Token]:
    left = head if head.dep_ == "prep" else head.left_edge
    for token in head.doc[left.i : head.i]:
        if "\n" in token.text_with_ws:  # a subject never runs over a paragraph break
            left = token.nbor()
    while left.i < head.i and (left.is_punct or left.is_space):
        left = left.nbor()
    while left.i >= 2 and _hyphen_joined(head.doc[left.i - 2], head.doc[left.i - 1]):
        left = head.doc[left.i - 2]  # "co-founder John Podhoretz", not "founder John Podhoretz"
    right = head
    for child in head.rights:
        if _title_then_name(child):  # "Speaker of the House Paul Ryan": the name ends it
            right = child
            break
        if child.dep_ in _SPEAKER_STOP and not (child.dep_ == "prep" and child.lower_ in ("of", "for", "at")):
            break
        right = child.right_edge
    while right.i > head.i and (right.is_punct or right.is_space):
        right = right.nbor(-1)
    return left, right


def _title_then_name(child: Token) -> bool:
    """A name parsed as the appositive of the title written right before it, no comma between."""
    before = child.doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
    return (child.dep_ == "appos" and child.ent_type_ == "PERSON" and before is not None
            and not before.is_punct and not before.is_space and "\n" not in before.whitespace_)


def _hyphen_joined(word: Token, hyphen: Token) -> bool:
    return hyphen.text == "-" and not hyphen.whitespace_ and not word.whitespace_ and word.is_alpha


def clause_span(head: Token, skip: Token | None = None) -> tuple[int, int] | None:
    """The subtree of `head` as characters, without a leading "that" and edge punctuation;
    tokens under `skip` (the speech verb of "..., X said") are left out of the edges."""
    tokens = [t for t in head.subtree if skip is None or not _under(t, skip)]
    while tokens and (tokens[0].dep_ == "mark" and tokens[0].lower_ == "that" or _edge(tokens[0])):
        tokens.pop(0)
    while tokens and _edge(tokens[-1]):
        tokens.pop()
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _edge(token: Token) -> bool:
    return token.is_space or (token.is_punct and (token.text in _EDGE_PUNCT or not token.is_quote))


def _under(token: Token, ancestor: Token) -> bool:
    return token.i == ancestor.i or any(a.i == ancestor.i for a in token.ancestors)


def cue_of(verb: Token, extra: Token | None = None) -> tuple[int, int]:
    end_token = verb
    for child in verb.rights:
        if child.dep_ == "prt":
            end_token = child
    if extra is not None and extra.i > end_token.i:
        end_token = extra
    return verb.idx, end_token.idx + len(end_token)


def reported_speech(doc: Doc) -> list[Attribution]:
    """Every reported-speech attribution in the Doc, in text order (may nest)."""
    found: list[Attribution] = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") and lemma in _CUE_LEMMAS:
            found.extend(_verb_attribution(token, lemma))
        elif is_speech_verb(token):  # "pointed out that ...": a phrasal verb reports as "say" does
            found.extend(_verb_attribution(token, "say"))
        elif token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            attribution = _according_to(token, doc[token.i + 1])
            if attribution:
                found.append(attribution)
    found.extend(_headlines(doc))
    return sorted(found, key=lambda a: a.content)


def _verb_attribution(verb: Token, lemma: str) -> list[Attribution]:
    """What a speech or stance verb reports, read in turn as: clausal complements, an object
    with a that-clause (or an xcomp), the verb's own object or a that-clause below it, and
    the verb hanging off the clause it reports. The first reading that finds content wins."""
    speaker = speaker_of(verb)
    clauses = [c for c in verb.children if c.dep_ == "ccomp"] if lemma not in STANCE_VERBS else []
    if clauses:
        return _complement_content(verb, clauses, speaker)
    found = _object_clause(verb, lemma, speaker)
    if found is not None:
        return found
    found = _own_object(verb, lemma, speaker)
    if found:
        return found
    if lemma in STANCE_VERBS:
        return []
    return _reported_clause(verb, lemma, speaker)


def _complement_content(verb: Token, clauses: list[Token], speaker) -> list[Attribution]:
    # "There is a risk, some said, that ...": a clause on each side of the verb is one
    # content; quoted clauses are left to the quotation marks ('"A," he said, "B."').
    text = verb.doc.text
    # a clause across a line break from its verb is another paragraph the parser ran on into
    spans = [span for span in (clause_span(c) for c in clauses)
             if span and "\n" not in text[min(span[0], verb.idx):max(span[1], verb.idx)]]
    if len(spans) > 1 and QUOTE_MARK.search(text, spans[0][0], spans[-1][1]):
        spans = spans[:1]
    content = (spans[0][0], spans[-1][1]) if spans else None
    return [Attribution(content, cue_of(verb), speaker)] if content else []


def _object_clause(verb: Token, lemma: str, speaker) -> list[Attribution] | None:
    """ "warned the council that ...", "told reporters that ...", "urged them to ...";
    None when the verb has no such object (the other readings are then tried)."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative"):
            clause = _that_clause(child)
            if clause is not None and (lemma not in STANCE_VERBS or child.lemma_.lower() in IDEA_NOUNS):
                content = clause_span(clause)
                extra = child if child.lemma_.lower() in IDEA_NOUNS else None
                return [Attribution(content, cue_of(verb, extra), speaker)] if content else []
        if child.dep_ == "xcomp" and lemma in XCOMP_SPEECH_VERBS and speaker:
            content = clause_span(child)
            return [Attribution(content, cue_of(verb), speaker)] if content else []
    return None


def _own_object(verb: Token, lemma: str, speaker) -> list[Attribution]:
    if not speaker or verb.sent.text.rstrip().endswith("?"):  # "What do you call a town ...?" reports nothing
        return []
    said = _object_content(verb, lemma)
    if said:
        return [Attribution(said[0], cue_of(verb, said[1]), speaker)]
    clause = _that_clause_below(verb) if lemma in SPEECH_VERBS else None
    content = clause_span(clause) if clause is not None else None
    return [Attribution(content, cue_of(verb), speaker)] if content else []


def _reported_clause(verb: Token, lemma: str, speaker) -> list[Attribution]:
    # "The plan will fail, he said." parses with the speech verb hanging off the clause, and
    # so does "The risk, he said, is a clash" with the verb set off by commas inside it.
    if not (lemma in SPEECH_VERBS and speaker and (verb.dep_ in ("parataxis", "ccomp") or _inverted_after_comma(verb))):
        return []
    content = clause_span(verb.head, skip=verb)
    if content and (content[1] <= verb.idx if verb.head.i < verb.i
                    else _set_off(verb) and "\n" not in verb.doc.text[content[0]:content[1]]):
        return [Attribution(content, cue_of(verb), speaker)]
    return []


def _inverted_after_comma(verb: Token) -> bool:
    """ "..., said the company's chief executive": parsed as a conjunct of the clause it
    reports, right after a comma, with its subject after it."""
    return (verb.dep_ == "conj" and verb.head.i < verb.i and verb.i > 0 and verb.doc[verb.i - 1].text == ","
            and any(c.dep_ in _SUBJECTS and c.i > verb.i for c in verb.children))


def _set_off(verb: Token) -> bool:
    """ ", he said,": the verb and its subject between two commas, inside the clause."""
    edges = list(verb.subtree)
    return len(edges) > 2 and edges[0].text == "," and edges[-1].text == ","


def _object_content(verb: Token, lemma: str) -> tuple[tuple[int, int], Token | None] | None:
    """What a speech act names as its object, and the preposition that joins the cue, if
    any: "announced [his resignation]", "called for [an inquiry]", "called [the plan a fraud]"."""
    children = list(verb.children)
    objects = [c for c in children if c.dep_ == "dobj"]
    complements = [c for c in children if c.dep_ == "oprd" and (not objects or c.i > objects[0].i)]
    if lemma in NAMING_VERBS and complements:  # "called [the plan] [a fraud]", "called [Trump a fascist]"
        start = clause_span(objects[0] if objects else complements[0])
        end = clause_span(complements[0])
        return ((start[0], end[1]), None) if start and end else None
    for child in children:
        if child.dep_ == "prep" and (lemma, child.lower_) in PREPOSITION_SPEECH_VERBS:
            tokens = [t for t in child.subtree if t.i > child.i]
            span = clause_span(tokens[0].doc[tokens[0].i : tokens[-1].i + 1].root) if tokens else None
            if span is None:
                return None
            # "accused [his rival of lying]": the object before the preposition is part of it
            before = [o for o in objects if o.i < child.i]
            start = clause_span(before[0]) if before else None
            return ((start[0], span[1]), None) if start else (span, child)
    for obj in objects:  # "accused [the contractor of fraud]": the parser may hang "of" from the object
        if any(c.dep_ == "prep" and (lemma, c.lower_) in PREPOSITION_SPEECH_VERBS for c in obj.children):
            span = clause_span(obj)
            return (span, None) if span else None
    if lemma in OBJECT_SPEECH_VERBS and objects and not _only_names(objects[0]):
        span = clause_span(objects[0])
        return (span, None) if span else None
    return None


def _only_names(head: Token) -> bool:
    """ "condemn [her]", "criticized [Mr. Trump]": a person, a group or a place is whom the
    act is aimed at, not something said ("criticized [Trump's comments]" is)."""
    return head.pos_ == "PRON" or (head.pos_ == "PROPN" and head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"))


def _headlines(doc: Doc) -> list[Attribution]:
    """ "Clinton camp: Trump's words threaten security": a line whose lead, a short name
    phrase before a colon, is the source of the rest. The lead must be a name phrase: a
    proper noun, no verb, comma, date or time, no label word ("Editor's note:", "Photo:";
    HEADLINE_LABELS), and not in capitals ("UPDATE:", a dateline)."""
    found = []
    for line in _HEADLINE.finditer(doc.text):
        source, content = line.span("source"), line.span("content")
        lead = doc.char_span(*source, alignment_mode="expand")
        if lead is None or len(lead) > _HEADLINE_SOURCE_WORDS or line["source"].isupper():
            continue
        if not any(t.pos_ == "PROPN" for t in lead) or any(
            t.ent_type_ in ("DATE", "TIME") or t.pos_ in ("VERB", "AUX") or t.text == "," for t in lead
        ):
            continue
        if len(line["content"].split()) < _HEADLINE_CONTENT_WORDS or _CLOCK.search(line["source"]):
            continue
        if any(t.lower_ in HEADLINE_LABELS for t in lead):  # "Editor's note:", "Related:"
            continue
        colon = doc.text.index(":", source[1])
        end = len(doc.text[:content[1]].rstrip(".,;!? "))
        found.append(Attribution((content[0], end), (colon, colon + 1), source))
    return found


def _that_clause_below(verb: Token) -> Token | None:
    """ "said earlier on Friday during a news conference that ...": a "that" clause the
    parser hung from a word after the speech verb rather than from the verb itself."""
    for token in verb.subtree:
        if token.i > verb.i and token.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "mark" and c.lower_ == "that" and c.i > verb.i for c in token.children
        ):
            return token
    return None


def _that_clause(noun: Token) -> Token | None:
    """A "that" clause hanging from the object of a speech verb: "told a gathering ...
    that ...", "rejected the idea that ..." (the parser often calls it a relative clause)."""
    for token in noun.subtree:
        if token.dep_ in ("acl", "relcl", "ccomp") and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in token.children
        ):
            return token
    return None


def _according_to(according: Token, to: Token) -> Attribution | None:
    objects = [c for c in to.children if c.dep_ == "pobj"] or [c for c in according.children if c.dep_ == "pobj"]
    if not objects:
        return None
    source = noun_phrase(objects[-1])  # "co-founder John Podhoretz" parses as three objects
    clause = according.head
    while clause.dep_ not in ("ROOT", "ccomp", "conj", "advcl") and clause.head.i != clause.i:
        clause = clause.head
    content = clause_span(clause, skip=according)
    if content is None:
        return None
    cue = (according.idx, to.idx + len(to))
    return Attribution(content, cue, source, via=source)

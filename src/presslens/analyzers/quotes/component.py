"""Quotes: direct, indirect and mixed quotations with their speakers and cues.

Direct quotations come from the quote marks (quote_marks.py), reported speech from the
dependency parse (reported_speech.py); this component joins the two:

- a marked quotation that is (nearly) all of a reported clause is direct, with that
  clause's cue and speaker ("X said: "...""); a marked fragment inside a longer reported
  clause makes the clause one mixed quote (X said the plan was "dead on arrival");
- any other marked quotation takes the nearest speech verb outside quote marks in its
  own sentence, looking after it first ("...," he added) and then before it;
- a quotation with no speaker of its own that opens a paragraph (or follows another
  quotation in the same paragraph) continues the speaker of the quotation before it,
  and shares its cue when that cue stands between them (a split quotation);
- a short marked phrase is a quotation when its cue is written right beside it ("Quiet,"
  he demanded) or names it (called the plan "a disgrace"); otherwise a short phrase
  outside a reported clause, or one in title case, is a scare quote or a title.

Spans: a direct quote spans the text inside its marks (marks excluded); a quotation over
several paragraphs is one Quote from its first word to its last. See docs/quotes.md.

It writes the `quotes` layer (`doc._.presslens_quotes`) and `doc.spans["presslens_quotes"]`
labelled by kind; speakers are resolved to entities through the entity index that
presslens_entities assigns, so that component must come first.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Token

from presslens.analysis import Cue, Quote, Speaker
from presslens.analyzers.entities.index import ENTITY_INDEX, entity_index, resolve_mention
from presslens.analyzers.layers import check_requires, get_layer, layer_attribute, outside_furniture, write_layer
from presslens.analyzers.quotes.marks import MarkedQuote, find_marked_quotes, paragraphs
from presslens.analyzers.quotes.reported_speech import (
    Attribution,
    cue_of,
    is_speech_verb,
    noun_phrase,
    reported_speech,
    speaker_of,
)
from presslens.analyzers.quotes.speaker_names import NOT_NAMES
from presslens.analyzers.quotes.speech_verbs import NAMING_VERBS, PRONOUNS, SPEAKER_NOUNS, UTTERANCE_NOUNS

SPANS_KEY = "presslens_quotes"
MIN_QUOTE_WORDS = 4  # shorter marked text outside a reported clause: a scare quote or a name
MIN_UNATTRIBUTED_WORDS = 6  # shorter marked text with no speaker: a title or scare quote
DIRECT_SHARE = 0.8  # a marked quote this much of a reported clause makes it direct
SPLIT_GAP_WORDS = 3  # words besides the speaker between a split quotation's cue and its second part: "told reporters"
_SENTENCE_ENDS = frozenset('.!?:"”')  # what may come before a quotation that opens its sentence
# A transcript's speaker label before a quotation that opens the paragraph: 'TRUMP: "..."',
# 'Sen. Warren: "..."'. One letter ("Q:", "A:") names no one.
_LABEL = re.compile(r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]*){0,2}")
# Verbs whose object is the one spoken to ('CY Chow told Bloomberg'), never the speaker.
_LISTENER_VERBS = frozenset({"tell", "ask", "inform", "assure", "warn", "remind", "urge", "promise"})


@Language.factory(
    "presslens_quotes",
    assigns=[layer_attribute("quotes"), "doc.spans"],
    # Token.pos_ is read too; it comes from the attribute_ruler, which declares nothing.
    requires=["token.dep", "token.lemma", "token.ent_type", "doc.sents", ENTITY_INDEX],
)
def make_quotes(nlp: Language, name: str) -> QuoteFinder:
    check_requires(nlp, name, "presslens_quotes")
    return QuoteFinder(name)


class QuoteFinder:
    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        entity_index(doc)  # fails now, not at the first speaker, when presslens_entities was skipped
        quotes = outside_furniture(doc, find_quotes(doc))  # a caption or link line quotes no one
        write_layer(doc, "quotes", SPANS_KEY, quotes, lambda quote: quote.kind)
        return doc


@dataclass
class _Found:
    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None
    via: tuple[int, int] | None = None
    marks: list[MarkedQuote] = field(default_factory=list)
    said_outright: bool = False  # the cue is written right beside the marks, or names the phrase


def find_quotes(doc: Doc) -> list[Quote]:
    """The quotes layer for a parsed Doc, sorted by start."""
    text = doc.text
    marked = find_marked_quotes(text)
    paras = paragraphs(text)
    outside_marks = [a for a in reported_speech(doc) if not _inside_any(a.cue, marked)]
    reported = _outermost(_with_via(text, outside_marks))
    found: list[_Found] = []
    used: set[int] = set()
    for mark in marked:
        index = _reported_overlapping(reported, mark)
        if index is None:
            found.append(_attribute_alone(doc, text, mark, marked, reported, paras))
            continue
        used.add(index)
        a = reported[index]
        if _introduced(text, a, mark):
            found.append(_attribute_alone(doc, text, mark, marked, reported, paras))
            continue
        names_it = _names_it(doc, text, a, mark)
        if names_it or _alnum(text, mark.start, mark.end) >= DIRECT_SHARE * _alnum(text, *a.content):
            speaker = a.speaker or _person_before_cue(doc, mark, a.cue)
            beside = names_it or (a.cue is not None and _beside(text, mark, a.cue, speaker))
            found.append(_Found(mark.start, mark.end, "direct", a.cue, speaker, a.via, [mark], beside))
        else:
            start, end = min(a.content[0], mark.start), max(a.content[1], mark.end)
            if mark.close_mark is not None and end == mark.end:  # the clause ends in the quotation: keep its mark
                end = mark.close_mark + 1
            found.append(_Found(start, end, "mixed", a.cue, a.speaker, a.via, [mark]))
    found = _merge_mixed(found)
    for index, a in enumerate(reported):
        if index not in used:
            found.append(_Found(a.content[0], a.content[1], "indirect", a.cue, a.speaker, a.via))
    found.sort(key=lambda f: (f.start, f.end))
    for f in found:
        if _inside_any(f.speaker, marked):  # "titled "The Worst Thing ...," which claims"
            f.speaker = None
    _continue_speakers(text, found, paras)
    return [_quote(doc, text, f) for f in found if _worth_reporting(text, f)]


def _inside_any(span: tuple[int, int] | None, marked: list[MarkedQuote]) -> bool:
    return span is not None and any(m.start <= span[0] and span[1] <= m.end for m in marked)


def _with_via(text: str, found: list[Attribution]) -> list[Attribution]:
    """ "X said ..., according to Y": Y becomes the via of X's attribution, and the
    "according to" phrase leaves X's content when it ends it."""
    according = [a for a in found if a.via is not None]
    result = [a for a in found if a.via is None]
    for acc in according:
        host = next((i for i, a in enumerate(result) if a.cue and (
            acc.content[0] <= a.cue[0] < acc.content[1] or a.content[0] <= acc.cue[0] < a.content[1]
        )), None)
        if host is None:
            result.append(acc)
            continue
        h = result[host]
        content = h.content
        if content[0] < acc.cue[0] < content[1] and not text[acc.via[1]:content[1]].strip(" ,;.\n"):
            content = (content[0], len(text[:acc.cue[0]].rstrip(" ,;—–-\n")))
        result[host] = Attribution(content, h.cue, h.speaker, via=acc.via)
    return sorted(result, key=lambda a: a.content)


def _outermost(found: list[Attribution]) -> list[Attribution]:
    """Drop an attribution whose content lies inside another's (reported speech within
    reported speech is part of the outer quote, as in PolNeAR's one-label-a-token scheme)."""
    by_size = sorted(found, key=lambda a: a.content[0] - a.content[1])
    kept: list[Attribution] = []
    for a in by_size:
        if not any(k.content[0] <= a.content[0] and a.content[1] <= k.content[1] for k in kept):
            kept.append(a)
    return sorted(kept, key=lambda a: a.content)


def _introduced(text: str, a: Attribution, mark: MarkedQuote) -> bool:
    """'Walker said, "I've had ..."', 'Sembler responded in a text message: "..."': a
    quotation after a comma or colon that ends the reported clause is quoted in full, not a
    fragment of the clause (the parser then hands the clause the whole sentence); so is each
    part of a quotation split by its cue, which the parser makes one clause around the cue."""
    if a.cue is not None and a.content[0] < a.cue[0] < a.content[1]:  # '"A," King said, "B."'
        return True
    before = text[a.content[0]:mark.open_mark].rstrip()
    return a.content[0] < mark.open_mark and before.endswith((":", ",")) and _ends_clause(text, a, mark)


def _ends_clause(text: str, a: Attribution, mark: MarkedQuote) -> bool:
    """Nothing but punctuation and closing marks follows the quotation in the reported clause."""
    return not text[mark.end:a.content[1]].strip(" ,;.!?\"'”’")


def _names_it(doc: Doc, text: str, a: Attribution, mark: MarkedQuote) -> bool:
    """'called the increase "a shameless tax"': a naming verb's quoted complement is what was
    said; the thing it names ("the increase") is not part of the quote."""
    if a.cue is None or not _ends_clause(text, a, mark):
        return False
    cue = doc.char_span(a.cue[0], a.cue[1], alignment_mode="expand")
    return cue is not None and any(t.lemma_ in NAMING_VERBS for t in cue) and mark.start > a.content[0]


def _reported_overlapping(reported: list[Attribution], mark: MarkedQuote) -> int | None:
    for index, a in enumerate(reported):
        if a.content[0] < mark.end and mark.start < a.content[1] and a.cue and not (
            mark.start <= a.cue[0] < mark.end
        ):
            return index
    return None


def _merge_mixed(found: list[_Found]) -> list[_Found]:
    """One mixed quote per reported clause, however many marked fragments it holds."""
    merged: list[_Found] = []
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        last = merged[-1] if merged else None
        if last and f.kind == "mixed" and last.kind == "mixed" and f.cue == last.cue and f.start < last.end:
            last.end = max(last.end, f.end)
            last.marks.extend(f.marks)
        else:
            merged.append(f)
    return merged


def _alnum(text: str, start: int, end: int) -> int:
    return sum(ch.isalnum() for ch in text[start:end])


def _attribute_alone(
    doc: Doc, text: str, mark: MarkedQuote, marked: list[MarkedQuote], reported: list[Attribution],
    paras: list[tuple[int, int]],
) -> _Found:
    """A marked quotation outside any reported clause: a speech verb in its sentence, an
    "according to" there, the sentence before when it ends with a colon, or else the
    verb of its sentence when that verb has a subject ("Smith called it "...""). """
    found = _Found(mark.start, mark.end, "direct", marks=[mark])
    label = _transcript_label(text, mark, paras) or _possessor(doc, mark)
    if label is not None:
        found.speaker, found.said_outright = label, True
        return found
    window = _window(doc, text, mark, marked, paras)
    verbs = _cue_candidates(doc, mark, marked, window)
    speech = [t for t in verbs if is_speech_verb(t)]
    if speech:
        found.cue = cue_of(speech[0])
        verb = speech[0]
        found.speaker = speaker_of(verb) or _inverted_speaker(verb) or _person_before_cue(doc, mark, found.cue)
        found.said_outright = _beside(text, mark, found.cue, found.speaker)
        return found
    for a in reported:
        if a.via and a.cue and window[0] <= a.cue[0] < window[1]:
            found.cue, found.speaker, found.via = a.cue, a.speaker, a.via
            return found
    introducer = _colon_introducer(doc, text, mark)
    if introducer is not None:
        found.cue, found.speaker = _token_chars(introducer), speaker_of(introducer)
        return found
    with_subject = [t for t in verbs if t.idx < mark.open_mark and _speaker_like(doc, speaker_of(t))]
    if with_subject:
        verb = with_subject[0]
        found.cue, found.speaker = _token_chars(verb), speaker_of(verb)
        found.said_outright = verb.lemma_.lower() in NAMING_VERBS and _governs(verb, doc, mark)
    return found


def _beside(text: str, mark: MarkedQuote, cue: tuple[int, int], speaker: tuple[int, int] | None) -> bool:
    """ ""Quiet," he demanded', 'a man yelled "Stay there!"', 'Devine responded: "..."':
    nothing but the speaker and punctuation between the marks and the cue, and a quotation
    before its cue opens its sentence (not 'on Fox's "Hannity," Gingrich said')."""
    end_at = mark.close_mark if mark.close_mark is not None else mark.end
    before = text[:mark.open_mark].rstrip()
    if cue[0] > end_at and not mark.opens_paragraph and before and before[-1] not in _SENTENCE_ENDS:
        return False
    gap = (end_at + 1, cue[0]) if cue[0] > end_at else (cue[1], mark.open_mark)
    between = text[gap[0]:gap[1]]
    if speaker is not None and gap[0] <= speaker[0] and speaker[1] <= gap[1]:
        between = text[gap[0]:speaker[0]] + text[speaker[1]:gap[1]]
    return "\n" not in between and not between.strip(" ,:—–-")


def _governs(verb: Token, doc: Doc, mark: MarkedQuote) -> bool:
    """The quoted phrase is part of what the verb names: 'called the plan "a disgrace"'."""
    inside = doc.char_span(mark.start, mark.end, alignment_mode="expand")
    if inside is None or not len(inside):
        return False
    path = [inside.root, *inside.root.ancestors]
    if not any(t.i == verb.i for t in path[1:]):
        return False
    # "called for more "flexibility"" asks for something; it names nothing
    return not any(t.lower_ == "for" and t.head.i == verb.i for t in path)


def _speaker_like(doc: Doc, span: tuple[int, int] | None) -> bool:
    """A subject that can speak: a name, a personal pronoun, or a noun like "officials"."""
    if span is None:
        return False
    phrase = doc.char_span(span[0], span[1], alignment_mode="expand")
    if phrase is None or not len(phrase):
        return False
    head = phrase.root
    return (
        head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or (head.pos_ == "PROPN" and not head.like_num)
        or head.lower_ in PRONOUNS
        or head.lower_ in SPEAKER_NOUNS
    )


def _token_chars(token: Token) -> tuple[int, int]:
    return token.idx, token.idx + len(token)


def _colon_introducer(doc: Doc, text: str, mark: MarkedQuote) -> Token | None:
    """ "Smith said in a statement:" closing the paragraph before a quotation."""
    if not mark.opens_paragraph:
        return None
    end = mark.open_mark
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if text[end - 1:end] != ":":
        return None
    colon = doc.char_span(end - 1, end, alignment_mode="expand")
    if colon is None or not len(colon):
        return None
    sentence = colon[0].sent
    verbs = [t for t in sentence if t.pos_ in ("VERB", "AUX") and _speaker_like(doc, speaker_of(t))]
    speech = [t for t in verbs if is_speech_verb(t)]
    return (speech or verbs or [None])[-1]


def _window(
    doc: Doc, text: str, mark: MarkedQuote, marked: list[MarkedQuote], paras: list[tuple[int, int]],
) -> tuple[int, int]:
    """Characters of the quotation's own sentences outside its marks, bounded by the
    neighbouring quotations and the paragraph."""
    p_first = paras[max(0, bisect_right([p[0] for p in paras], mark.open_mark) - 1)]
    end_at = mark.close_mark if mark.close_mark is not None else mark.end
    p_last = paras[max(0, bisect_right([p[0] for p in paras], end_at) - 1)]
    left = max(p_first[0], max((m.end for m in marked if m.end <= mark.open_mark), default=0))
    right = min(p_last[1], min((m.open_mark for m in marked if m.open_mark > end_at), default=len(text)))
    first_sent = _sentence_bounds(doc, len(text), mark.open_mark)
    last_sent = _sentence_bounds(doc, len(text), min(end_at + 1, len(text) - 1))
    return max(left, first_sent[0]), min(right, last_sent[1])


def _sentence_bounds(doc: Doc, length: int, char: int) -> tuple[int, int]:
    span = doc.char_span(char, min(char + 1, length), alignment_mode="expand")
    if span is None or not len(span):
        return 0, length
    sent = span[0].sent
    return sent.start_char, sent.end_char


def _cue_candidates(doc: Doc, mark: MarkedQuote, marked: list[MarkedQuote], window: tuple[int, int]) -> list[Token]:
    """Verbs in the window, outside every quotation: after the quote first (nearest
    first), then before it (nearest first)."""
    end_at = mark.close_mark if mark.close_mark is not None else mark.end
    span = doc.char_span(window[0], window[1], alignment_mode="contract")
    if span is None:
        return []
    verbs = [
        t for t in span
        if t.pos_ in ("VERB", "AUX") and not any(m.open_mark <= t.idx < (m.close_mark or m.end) for m in marked)
    ]
    after = [t for t in verbs if t.idx > end_at]
    before = [t for t in reversed(verbs) if t.idx < mark.open_mark]
    return after + before


def _transcript_label(text: str, mark: MarkedQuote, paras: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The label of a transcript line, 'TRUMP: "I won ..."': all the paragraph holds before
    the quotation is a name and a colon."""
    para_start = paras[max(0, bisect_right([p[0] for p in paras], mark.open_mark) - 1)][0]
    before = text[para_start:mark.open_mark].rstrip()
    if not before.endswith(":"):
        return None
    label = before[:-1].strip()
    if not _LABEL.fullmatch(label):
        return None
    start = text.index(label, para_start)
    return start, start + len(label)


def _possessor(doc: Doc, mark: MarkedQuote) -> tuple[int, int] | None:
    """'over her recent "Some people did something" reference', 'Trump's "very fine people"
    remark': words quoted between a possessive and a noun of speech are the possessor's
    (not "Schiff's "unprecedented" actions", a reporter's scare quote).
    Read from the tags, not the parse, which rarely gets such a phrase right."""
    if mark.close_mark is None:
        return None
    after = doc.char_span(mark.close_mark, mark.close_mark + 1, alignment_mode="expand")
    if after is None or after.end >= len(doc) or doc[after.end].lemma_.lower() not in UTTERANCE_NOUNS:
        return None
    opening = doc.char_span(mark.open_mark, mark.open_mark + 1, alignment_mode="expand")
    if opening is None:
        return None
    for back in range(opening.start - 1, max(-1, opening.start - 4), -1):
        token = doc[back]
        if token.tag_ == "PRP$" and token.lower_ in ("his", "her", "their"):
            return token.idx, token.idx + len(token)
        if token.tag_ == "POS" and back > 0 and doc[back - 1].pos_ == "PROPN":
            return noun_phrase(doc[back - 1])
        if token.pos_ not in ("ADJ", "ADV", "NOUN"):
            return None
    return None


def _person_before_cue(doc: Doc, mark: MarkedQuote, cue: tuple[int, int] | None) -> tuple[int, int] | None:
    """'"...," a social worker, CY Chow, told Bloomberg': the parser gave the verb no subject,
    and the one person named between the quotation and its verb is the speaker."""
    end_at = mark.close_mark if mark.close_mark is not None else mark.end
    if cue is None or cue[0] < end_at:
        return None
    people = [t for t in doc if end_at < t.idx < cue[0] and t.ent_type_ == "PERSON"]
    if sum(t.ent_iob_ == "B" for t in people) != 1:
        return None
    return people[0].idx, people[-1].idx + len(people[-1])


def _inverted_speaker(verb: Token) -> tuple[int, int] | None:
    """ "..., said Smith": the parser sometimes makes the speaker an object (never the
    object of "told", the one spoken to)."""
    if verb.lemma_.lower() in _LISTENER_VERBS:
        return None
    for child in verb.rights:
        if child.pos_ in ("PROPN", "NOUN", "PRON") and child.dep_ in ("dobj", "attr", "npadvmod", "dative", "oprd"):
            return noun_phrase(child)
    return None


def _continue_speakers(text: str, found: list[_Found], paras: list[tuple[int, int]]) -> None:
    """A direct quotation with no speaker that opens its paragraph, or follows another
    quote in its paragraph, belongs to the speaker of the quote before it. When that
    quote's cue stands between the two ('"A," she said. "B."') the two are one split
    quotation and share the cue as well, even where a verb after "B" looked like its cue."""
    starts = [p[0] for p in paras]

    def para_of(char: int) -> int:
        return bisect_right(starts, char) - 1

    previous: _Found | None = None
    for f in found:
        if previous is not None and _split_from(text, previous, f) and para_of(f.start) == para_of(previous.end):
            f.speaker, f.via, f.cue, f.said_outright = previous.speaker, previous.via, previous.cue, True
        elif f.kind == "direct" and f.speaker is None and f.cue is None and previous is not None and previous.speaker:
            mark = f.marks[0]
            gap = para_of(mark.open_mark) - para_of(previous.end)
            if gap == 0 or (gap == 1 and mark.opens_paragraph):
                f.speaker, f.via = previous.speaker, previous.via
            if gap == 0 and previous.kind == "direct" and previous.cue and previous.end <= previous.cue[0] < f.start:
                f.cue, f.said_outright = previous.cue, True
        previous = f


def _split_from(text: str, previous: _Found, f: _Found) -> bool:
    """ '"A," she said. "B."': `f` is the second part of a quotation split by the cue of the
    quotation before it, with nothing but the speaker, punctuation and at most a few words
    ("told reporters") between that cue and `f`; and `f` has no cue of its own beside it."""
    if f.kind != "direct" or previous.kind != "direct" or not previous.cue or not previous.speaker:
        return False
    if f.said_outright or not previous.end <= previous.cue[0] < f.start:
        return False
    left, right = previous.cue[1], f.marks[0].open_mark
    between = text[left:right]
    s, e = previous.speaker
    if left <= s and e <= right:
        between = text[left:s] + text[e:right]
    return "\n" not in between and len(between.strip(" ,.:;—–-").split()) <= SPLIT_GAP_WORDS


def _worth_reporting(text: str, f: _Found) -> bool:
    if f.kind != "direct":
        return True
    words = len(text[f.start:f.end].split())
    if _is_title(text[f.start:f.end]):
        return False
    if f.speaker is not None and f.said_outright:
        return True
    if f.speaker is not None or f.cue is not None:
        return words >= MIN_QUOTE_WORDS
    closed = all(m.close_mark is not None for m in f.marks)
    return closed and words >= MIN_UNATTRIBUTED_WORDS


def _is_title(quoted: str) -> bool:
    """ "Gone With the Wind": every longer word capitalised and no closing punctuation."""
    words = [w for w in quoted.split() if len(w) > 3 and w[0].isalpha()]
    return bool(words) and all(w[0].isupper() for w in words) and quoted[-1:] not in ".,!?"


def _speaker(doc: Doc, text: str, start: int, end: int) -> Speaker:
    """The speaker at text[start:end] and its entity. A pronoun or other word that names no one
    ("he", "It") is shown by the name of the entity it resolves to, else as "" (unnamed): a
    reader is never shown "he" as the one who said it."""
    entity = resolve_mention(doc, start, end)
    name = text[start:end]
    if " ".join(name.lower().split()) in NOT_NAMES:
        named = get_layer(doc, "entities", [])
        name = next((e.name for e in named if e.id == entity), "") if entity else ""
    return Speaker(entity=entity, name=name, start=start, end=end)


def _quote(doc: Doc, text: str, f: _Found) -> Quote:
    speaker = _speaker(doc, text, *f.speaker) if f.speaker is not None else None
    cue = Cue(text=text[f.cue[0]:f.cue[1]], start=f.cue[0], end=f.cue[1]) if f.cue else None
    via = text[f.via[0]:f.via[1]] if f.via else None
    return Quote(start=f.start, end=f.end, text=text[f.start:f.end], kind=f.kind, speaker=speaker, cue=cue, via=via)

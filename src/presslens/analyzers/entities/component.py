"""Entities: spaCy NER mentions grouped into one entity per real-world referent.

The steps, in order (docs/entities.md gives the reasons and the limits):
1. NER spans, minus the labels that belong to time refs or to nothing, are tidied
   (leading "the", trailing possessive), cut where the model ran on ("Obama Telling Jeb
   Bush"), and an ORG span that swallowed a titled name ("the National Council Marshal
   Teodor Valen") is split into the ORG and the person.
2. Country aliases ("US", "U.S.", "America", "the United States") found by NER or by
   exact token match become one country entity.
3. People: a full name and its short forms are one person ("Ayatollah Seyed Ali
   Khamenei", "Khamenei"); surnames must match exactly and given names must agree, so
   Khomeini is not Khamenei and Bill Clinton is not Hillary Clinton. A bare surname goes
   to the most recently mentioned person with it (gender from "Mrs." breaks ties).
4. Other spans merge by their tidied text and ORG acronyms; a span spaCy mislabels
   ("Khomeini" as GPE) joins the person whose name it is.
5. Untagged repeats of a known surname ("Valen said") become mentions.
6. Title phrases ("the Leader", "the minister") refer back to the person the title
   introduced (see entity_titles.py).
7. "the council" refers back to the organisation last named with that noun.

It writes the `entities` layer (`doc._.presslens_entities`), one span per mention in
`doc.spans["presslens_entities"]` labelled by entity id, and the entity index
(`doc._.presslens_entity_index`, see index.py), with which `resolve_mention` answers, for
any span, which entity it names, including pronouns.
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from presslens.analysis import Entity, Mention
from presslens.analyzers.entities.clusters import Cluster, FoundMention
from presslens.analyzers.entities.countries import ALIAS_TO_COUNTRY, NEEDS_GPE_TAG
from presslens.analyzers.entities.index import ENTITY_INDEX, EntityIndex, IndexedMention
from presslens.analyzers.entities.names import NAME_LEAD, given_compatible, parse_person
from presslens.analyzers.entities.people import absorb, choose_person, cluster_people
from presslens.analyzers.entities.retype import corrected, looks_like_name
from presslens.analyzers.entities.titles import TitleIntro, intros_for, norm, title_mentions
from presslens.analyzers.entities.words import (
    FEMALE_WORDS,
    HONORIFICS,
    MALE_WORDS,
    NAME_PARTICLES,
    ORGANISATION_WORDS,
    PLACE_NAMES_LIKE_SURNAMES,
    TITLE_QUALIFIERS,
    TITLES,
)
from presslens.analyzers.layers import layer_attribute, set_layer, tokens_in_furniture

SPAN_KEY = "presslens_entities"
SKIPPED_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "in", "on", "&"})
# Mentions we add where spaCy tagged nothing: "the minister", an untagged surname,
# "the council".
_REFERRING_LABELS = frozenset({"TITLE", "MATCH", "NOUN"})

@Language.factory(
    "presslens_entities",
    assigns=[layer_attribute("entities"), ENTITY_INDEX, "doc.spans"],
    # Token.pos_ is read too; it comes from the attribute_ruler, which declares nothing.
    requires=["doc.ents", "token.ent_type", "token.tag", "token.dep", "doc.sents"],
)
def make_entities(nlp: Language, name: str) -> EntityResolver:
    return EntityResolver(nlp, name)


def _tidy(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Without a leading "the", possessive or punctuation, nor a trailing one."""
    while start < end and (doc[start].lower_ == "the" or doc[start].text in _POSSESSIVE or doc[start].is_punct):
        start += 1  # "’s Question": spaCy starting a name at a possessive
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _split_titled_name(doc: Doc, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """Split "the National Council Marshal Teodor Valen" (one ORG span) into ORG + PERSON."""
    if label == "PERSON":
        return [(start, end, label)]
    for i in range(start, end - 1):
        if not doc[i].is_title or norm(doc[i].text) not in TITLES | HONORIFICS:
            continue
        if looks_like_name(doc[i + 1 : end]) and (i > start or end - i > 2):
            return ([(start, i, label)] if i > start else []) + [(i, end, "PERSON")]
    return [(start, end, label)]


def _split_run_on(doc: Doc, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """Split spans the small model runs on across a headline or a possessive:
    "Obama Telling Jeb Bush" (two people), "Donald Trump's Muslim Ban" (a person),
    "National Review's Jonah Goldberg" (an ORG, then a person); "Iran's Foreign Ministry"
    stays whole."""
    pieces: list[tuple[int, int, str]] = []
    piece_start, piece_label = start, label
    for i in range(start, end):
        is_possessive = doc[i].text in _POSSESSIVE
        if label == "PERSON" and doc[i].tag_.startswith("VB"):
            if i > piece_start:
                pieces.append((piece_start, i, piece_label))
            piece_start = i + 1
        elif is_possessive and i > piece_start and label == "PERSON":
            return pieces + [(piece_start, i, piece_label)]
        elif is_possessive and i > piece_start and looks_like_name(doc[i + 1 : end]) and end - i > 2:
            return pieces + [(piece_start, i, piece_label), (i + 1, end, "PERSON")]
    if piece_start < end:
        pieces.append((piece_start, end, piece_label))
    return pieces


def _honorific_gender(doc: Doc, start: int) -> str | None:
    if start == 0:
        return None
    word = norm(doc[start - 1].text)
    return "m" if word in MALE_WORDS else "f" if word in FEMALE_WORDS else None


def _is_office_word(doc: Doc, start: int, end: int) -> bool:
    """"State" in "Secretary of State": part of a title, not an organisation."""
    return (
        end - start == 1
        and start >= 2
        and doc[start].lower_ in TITLE_QUALIFIERS
        and doc[start - 1].lower_ == "of"
        and norm(doc[start - 2].text) in TITLES
    )


def _whole_name_end(doc: Doc, end: int) -> int:
    """Where a PERSON span cut at a particle really ends: spaCy tags "Caroline van der"
    and "Plas", or "Mark Van" and "Oever", as two spans."""
    while end < len(doc) and doc[end].lower_ in NAME_PARTICLES:
        end += 1
    if doc[end - 1].lower_ in NAME_PARTICLES and end < len(doc) and doc[end].is_title:
        end += 1
    return end


def _ner_spans(doc: Doc) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if spans and ent.start < spans[-1][1]:
            continue  # swallowed by the name before it
        end = _whole_name_end(doc, ent.end) if ent.label_ == "PERSON" and ent.end < len(doc) else ent.end
        spans.append((ent.start, end, ent.label_))
    return spans


def _paragraph_numbers(doc: Doc) -> list[int]:
    """The paragraph (line of the text) of every token."""
    numbers, paragraph = [], 0
    for token in doc:
        numbers.append(paragraph)
        paragraph += token.text.count("\n") + token.whitespace_.count("\n")
    return numbers


def _said_gender(doc: Doc, start: int, end: int) -> str | None:
    """The gender of "she" in "Clinton said she was confident": the subject pronoun of the
    clause a name's verb reports, which stands for the name."""
    root = doc[start:end].root
    if root.dep_ != "nsubj" or not doc.has_annotation("DEP"):
        return None
    for child in root.head.children:
        if child.dep_ in ("ccomp", "xcomp") and child.i > root.i:  # not '"She's fine," said Trump'
            pronoun = next((t for t in child.children if t.dep_ in ("nsubj", "nsubjpass")), None)
            if pronoun is not None:
                return {"he": "m", "she": "f"}.get(pronoun.lower_)
    return None


def _ner_mentions(doc: Doc) -> list[FoundMention]:
    mentions = []
    paragraph = _paragraph_numbers(doc)
    for ent_start, ent_end, ent_label in _ner_spans(doc):
        if ent_label in SKIPPED_LABELS or _is_office_word(doc, ent_start, ent_end):
            continue
        pieces = _split_run_on(doc, ent_start, ent_end, ent_label)
        for start, end, label in (p for piece in pieces for p in _split_titled_name(doc, *piece)):
            start, end = _tidy(doc, start, end)
            if start < end and label == "PERSON" and doc[end - 1].lower_ in ORGANISATION_WORDS:
                label = "ORG"  # "Florida Democratic Black Caucus"
            if start < end:
                text = doc[start:end].text
                mentions.append(FoundMention(start, end, label, text, _honorific_gender(doc, start),
                                             paragraph=paragraph[start], said_gender=_said_gender(doc, start, end)))
    return mentions


def _in_capitals(doc: Doc, start: int, end: int) -> bool:
    """Whether a match sits in an all-capitals headline ("LET US GO"), where "US" is a word."""
    neighbours = [doc[i] for i in (start - 1, end) if 0 <= i < len(doc) and doc[i].is_alpha]
    return any(t.is_upper and len(t) > 1 for t in neighbours)


class EntityResolver:
    """The `presslens_entities` component: writes the "entities" layer and spans."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.country_matcher = PhraseMatcher(nlp.vocab)
        patterns = [nlp.make_doc(alias) for alias in ALIAS_TO_COUNTRY if alias not in NEEDS_GPE_TAG]
        self.country_matcher.add("COUNTRY", patterns)

    def __call__(self, doc: Doc) -> Doc:
        mentions = corrected(doc, _ner_mentions(doc))
        mentions += self._untagged_countries(doc, mentions)
        mentions = [m for m in mentions if not tokens_in_furniture(doc, m.start, m.end)]  # captions name no one
        _note_titles(doc, [m for m in mentions if m.label == "PERSON"])
        clusters = cluster_people([m for m in mentions if m.label == "PERSON"])
        people = list(clusters)
        for mention in sorted((m for m in mentions if m.label != "PERSON"), key=lambda m: m.start):
            _place(mention, clusters, people)
        _add_untagged_surnames(doc, people)
        _add_untagged_names(doc, clusters)
        intros = _add_title_mentions(doc, clusters)
        _add_organisation_nouns(doc, clusters)
        entities, ids = _assemble(doc, clusters)
        set_layer(doc, "entities", entities)
        set_layer(doc, "entity_index", _index(doc, clusters, ids, intros))
        spans = [Span(doc, m.start, m.end, label=ids[id(c)]) for c in clusters for m in c.mentions]
        doc.spans[SPAN_KEY] = sorted(spans, key=lambda span: (span.start, span.end))
        return doc

    def _untagged_countries(self, doc: Doc, mentions: list[FoundMention]) -> list[FoundMention]:
        covered = {i for m in mentions for i in range(m.start, m.end)}
        found = []
        for span in filter_spans(self.country_matcher(doc, as_spans=True)):
            if covered.isdisjoint(range(span.start, span.end)) and not _in_capitals(doc, span.start, span.end):
                found.append(FoundMention(span.start, span.end, "GPE", span.text))
        return found


def _note_titles(doc: Doc, mentions: list[FoundMention]) -> None:
    """The titles written beside each name, which tell "President Clinton" from his wife."""
    tokens = {i for m in mentions for i in range(m.start, m.end)}
    for m in mentions:
        found, _ = intros_for(doc, m.start, m.end, 0, tokens - set(range(m.start, m.end)))
        m.titles = frozenset(intro.head for intro in found)
        lead = m.start
        while lead > 0 and norm(doc[lead - 1].text) in NAME_LEAD:
            lead -= 1
        m.styles = frozenset(norm(t.text) for t in doc[lead : m.end] if norm(t.text) in NAME_LEAD)


def _country_of(mention: FoundMention) -> str | None:
    country = ALIAS_TO_COUNTRY.get(" ".join(mention.text.split()))
    if country and mention.text in NEEDS_GPE_TAG and mention.label != "GPE":
        return None
    return country


def _person_named(mention: FoundMention, people: list[Cluster]) -> Cluster | None:
    """The person a non-PERSON span names (spaCy tagging "Khomeini" GPE), if any."""
    if mention.label in ("GPE", "LOC", "FAC") and mention.text.lower() in PLACE_NAMES_LIKE_SURNAMES:
        return None
    name = parse_person(mention.text)
    if name is None or (len(name.words) > 1 and not name.given):
        return None
    candidates = [p for p in people if p.key == name.surname and given_compatible(p.given, name.given)]
    return choose_person(candidates, mention)


def _other_key(mention: FoundMention) -> str:
    key = " ".join(mention.text.lower().split())
    if mention.label == "NORP" and key.endswith("s") and not key.endswith("ss"):
        key = key[:-1]  # "Iranians" and "Iranian" are one group
    return key


def _acronym(text: str) -> str:
    return "".join(w[0] for w in text.split() if w.lower() not in _ACRONYM_SKIP and w[:1].isupper())


def _is_acronym_of(short: str, long: str) -> bool:
    letters = short.replace(".", "")
    if not (letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 6):
        return False
    return len(long.split()) > 1 and _acronym(long) == letters


def _same_other(mention: FoundMention, key: str, cluster: Cluster) -> bool:
    """Same tidied text, or two ORGs one of which spells the other's initials."""
    if cluster.kind != "other":
        return False
    if cluster.key == key:
        return True
    first = cluster.mentions[0]
    return mention.label == "ORG" == first.label and (
        _is_acronym_of(mention.text, first.text) or _is_acronym_of(first.text, mention.text)
    )


def _place(mention: FoundMention, clusters: list[Cluster], people: list[Cluster]) -> None:
    """Puts a non-PERSON mention in its country, person or other cluster (steps 2 and 4)."""
    country = _country_of(mention)
    if country:
        target = next((c for c in clusters if c.kind == "country" and c.key == country), None)
        target = target or _new(clusters, "country", country)
    else:
        target = _person_named(mention, people)
        name = parse_person(mention.text) if target else None
        if target and name:
            absorb(target, mention, name, mention.gender)
            return
    if target is None:
        key = _other_key(mention)
        target = next((c for c in clusters if _same_other(mention, key, c)), None) or _new(clusters, "other", key)
    target.add(mention)


def _new(clusters: list[Cluster], kind: str, key: str) -> Cluster:
    cluster = Cluster(kind, key)
    clusters.append(cluster)
    return cluster


def _covered(clusters: list[Cluster]) -> set[int]:
    return {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}


def _add_untagged_surnames(doc: Doc, people: list[Cluster]) -> None:
    """"Valen said", where spaCy tagged nothing: a known surname (and given names before it)."""
    by_surname: dict[str, list[Cluster]] = {}
    for person in people:
        if person.name_words and len(person.name_words[-1]) > 1:
            by_surname.setdefault(person.name_words[-1], []).append(person)
    covered = _covered(people)
    paragraph = _paragraph_numbers(doc)
    for token in doc:
        candidates = by_surname.get(token.text)
        if not candidates or token.i in covered or token.tag_ != "NNP" or _in_capitals(doc, token.i, token.i + 1):
            continue
        before = doc[token.i - 1].text if token.i > 0 else ""
        found = FoundMention(token.i, token.i + 1, "MATCH", token.text, paragraph=paragraph[token.i])
        person = choose_person([p for p in candidates if before in p.name_words[:-1]] or candidates, found)
        start = token.i
        while start > 0 and start - 1 not in covered and doc[start - 1].text in person.name_words[:-1]:
            start -= 1
        found.start, found.text = start, doc[start : token.i + 1].text
        person.add(found)
        covered.update(range(start, token.i + 1))


def _add_untagged_names(doc: Doc, clusters: list[Cluster]) -> None:
    """An organisation or place spaCy tagged once and missed elsewhere ("the heads of the
    IMF"): the same tokens, capitalised, become a mention of it."""
    by_first: dict[str, dict[tuple[str, ...], Cluster]] = {}
    for cluster in clusters:
        if cluster.kind == "person":
            continue
        for m in cluster.mentions:
            if m.label not in _REFERRING_LABELS and (doc[m.start].is_title or doc[m.start].is_upper):
                words = tuple(t.text for t in doc[m.start : m.end])
                by_first.setdefault(words[0], {}).setdefault(words, cluster)
    covered = _covered(clusters)
    i = 0
    while i < len(doc):
        names = by_first.get(doc[i].text, {})
        for words in sorted(names, key=len, reverse=True):
            size = len(words)
            # one word must be tagged a proper noun, and not open a sentence unless an acronym
            proper = size > 1 or (doc[i].tag_ in ("NNP", "NNPS") and (doc[i].is_upper or not doc[i].is_sent_start))
            if (
                proper
                and tuple(t.text for t in doc[i : i + size]) == words
                and covered.isdisjoint(range(i, i + size))
                and not _in_capitals(doc, i, i + size)
            ):
                names[words].add(FoundMention(i, i + size, "MATCH", doc[i : i + size].text))
                covered.update(range(i, i + size))
                i += size - 1
                break
        i += 1


def _add_title_mentions(doc: Doc, clusters: list[Cluster]) -> list[tuple[TitleIntro, Cluster]]:
    """Introductions of people by title, then the title phrases that refer back to them."""
    people = [c for c in clusters if c.kind == "person"]
    person_tokens = {i for p in people for m in p.mentions for i in range(m.start, m.end)}
    intros: list[TitleIntro] = []
    used: set[int] = set()
    for number, person in enumerate(people):
        for mention in person.mentions:
            blocked = person_tokens - set(range(mention.start, mention.end))
            found, tokens = intros_for(doc, mention.start, mention.end, number, blocked)
            intros += found
            used |= tokens
    for start, end, number in title_mentions(doc, intros, used | _covered(clusters)):
        people[number].add(FoundMention(start, end, "TITLE", doc[start:end].text))
        people[number].genders |= _title_gender(doc[end - 1].text)
    return [(intro, people[intro.entity]) for intro in intros]


def _add_organisation_nouns(doc: Doc, clusters: list[Cluster]) -> None:
    """"the council" after "the National Council": the organisation mentioned most recently
    whose name ends in that noun. Not when a name or an "of" phrase follows ("the council
    of elders", "the Council Chamber")."""
    by_noun: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        if cluster.kind == "other" and _type_of(cluster) == "ORG":
            for noun in {m.text.split()[-1].lower() for m in cluster.mentions if " " in m.text}:
                if noun in ORGANISATION_WORDS:
                    by_noun.setdefault(noun, []).append(cluster)
    covered = _covered(clusters)
    for token in doc:
        candidates = by_noun.get(token.lower_)
        if not candidates or token.i in covered or token.i == 0 or token.tag_ not in ("NN", "NNP"):
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if doc[token.i - 1].lower_ != "the" or (after is not None and (after.lower_ == "of" or after.is_title)):
            continue
        earlier = [c for c in candidates if c.mentions[0].start < token.i]
        if earlier:
            organisation = max(earlier, key=lambda c: max(m.start for m in c.mentions if m.start < token.i))
            organisation.add(FoundMention(token.i - 1, token.i + 1, "NOUN", doc[token.i - 1 : token.i + 1].text))


def _title_gender(word: str) -> set[str]:
    word = norm(word)
    return {"m"} if word in MALE_WORDS else {"f"} if word in FEMALE_WORDS else set()


def _surface(mention: FoundMention) -> str:
    text = " ".join(mention.text.split())
    return "the" + text[3:] if mention.label in _REFERRING_LABELS and text.startswith("The ") else text


def _name_of(cluster: Cluster) -> str:
    if cluster.kind == "country":
        return cluster.key
    if cluster.kind == "person" and cluster.full_names:
        return _fullest(cluster.full_names)
    if cluster.kind == "person" and cluster.name_words:
        return " ".join(cluster.name_words)
    names = [_surface(m) for m in cluster.mentions if m.label not in _REFERRING_LABELS]
    # the longest form, preferring "Oxford" to a headline's "OXFORD"
    return max(names or [_surface(cluster.mentions[0])], key=lambda n: (not n.isupper(), len(n)))


def _fullest(full_names: Counter[str]) -> str:
    """The longest full name, unless words in front of a name used at least twice as
    often look like a headline's epithet: "Crooked Hillary Clinton" once against "Hillary
    Clinton" twice gives "Hillary Clinton"; "Donald J. Trump" stays itself."""
    longest = max(full_names, key=lambda n: (len(n.split()), full_names[n]))
    shorter = [
        n for n in full_names if longest.endswith(" " + n) and full_names[n] >= 2 * full_names[longest]
    ]
    return max(shorter, key=lambda n: full_names[n]) if shorter else longest


def _type_of(cluster: Cluster) -> str:
    if cluster.kind == "person":
        return "PERSON"
    if cluster.kind == "country":
        return "GPE"
    labels = Counter(m.label for m in cluster.mentions if m.label not in _REFERRING_LABELS)
    return labels.most_common(1)[0][0] if labels else cluster.mentions[0].label


def _assemble(doc: Doc, clusters: list[Cluster]) -> tuple[list[Entity], dict[int, str]]:
    """Entities numbered E1, E2, ... by first mention; the fullest name; every other form."""
    clusters[:] = sorted((c for c in clusters if c.mentions), key=lambda c: c.mentions[0].start)
    entities, ids = [], {}
    for number, cluster in enumerate(clusters, start=1):
        ids[id(cluster)] = f"E{number}"
        name = _name_of(cluster)
        aliases = list(dict.fromkeys(_surface(m) for m in cluster.mentions if _surface(m) != name))
        spans = sorted({(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])) for m in cluster.mentions})
        entities.append(
            Entity(
                id=f"E{number}", name=name, type=_type_of(cluster), aliases=aliases,
                mentions=[Mention(start, end) for start, end in spans],
            )
        )
    return entities, ids


def _sentence_numbers(doc: Doc) -> list[int]:
    """The sentence number of every token (one sentence when the Doc is unparsed)."""
    numbers = [0] * len(doc)
    if doc.has_annotation("SENT_START"):
        for number, sent in enumerate(doc.sents):
            numbers[sent.start : sent.end] = [number] * len(sent)
    return numbers


def _index(
    doc: Doc, clusters: list[Cluster], ids: dict[int, str], intros: list[tuple[TitleIntro, Cluster]]
) -> EntityIndex:
    """What `resolve_mention` needs to tell which entity any span names."""
    sentence = _sentence_numbers(doc)
    mentions = []
    for cluster in clusters:
        for m in cluster.mentions:
            root = doc[m.start : m.end].root
            subject = int(root.dep_ in ("nsubj", "nsubjpass")) * (1 + int(root.head.dep_ == "ROOT"))
            end = doc[m.end - 1].idx + len(doc[m.end - 1])
            mentions.append(IndexedMention(doc[m.start].idx, end, ids[id(cluster)], cluster.kind == "person",
                                           sentence[m.start], subject))
    mentions.sort()
    return EntityIndex(
        text=doc.text,
        mentions=mentions,
        genders={ids[id(c)]: c.gender for c in clusters if c.kind == "person"},
        intros=[(i, ids[id(c)]) for i, c in intros if id(c) in ids],
        sentences=sentence,
    )

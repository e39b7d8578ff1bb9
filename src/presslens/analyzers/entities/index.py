"""The entity index: what the entities component leaves on the Doc so that later
components can ask which entity any span of text names.

`presslens_entities` assigns it as `doc._.presslens_entity_index`; `presslens_quotes`
requires it to resolve speakers ("he", "the minister", "Valen") with `resolve_mention`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Doc

from presslens.analyzers.entities.countries import ALIAS_TO_COUNTRY
from presslens.analyzers.entities.names import given_compatible, parse_person
from presslens.analyzers.entities.titles import TitleIntro, country_of, norm, resolve_title
from presslens.analyzers.entities.words import PERSON_PRONOUNS, TITLE_QUALIFIERS, TITLES
from presslens.analyzers.layers import get_layer, layer_attribute
from presslens.errors import PipelineError

ENTITY_INDEX = layer_attribute("entity_index")

# A closing quotation mark -> the mark that opened it.
_CLOSING_QUOTES = {"”": "“", '"': '"', "''": "''", "'": "'"}
# How many sentences back a pronoun may look for the person it stands for.
_PRONOUN_REACH = 6


class IndexedMention(NamedTuple):
    """One mention of an entity, in characters; sorting puts them in text order."""

    start: int
    end: int
    entity: str  # the entity's id, "E1"
    is_person: bool
    sentence: int
    subject: int  # 2: subject of the main clause, 1: of another clause ("While Obama had ..."), 0: none


@dataclass
class EntityIndex:
    """Every mention of every entity, the people's genders, and the titles that introduced them."""

    text: str  # Doc.text rebuilds the string from every token on each call
    mentions: list[IndexedMention]
    genders: dict[str, str | None]  # person id -> "m", "f" or None
    intros: list[tuple[TitleIntro, str]]  # a title written beside a name, and that person's id
    sentences: list[int]  # the sentence number of every token


def entity_index(doc: Doc) -> EntityIndex:
    """The Doc's entity index; PipelineError when presslens_entities has not run on it."""
    index = get_layer(doc, "entity_index", ())
    if not isinstance(index, EntityIndex):
        raise PipelineError(f"this Doc has no {ENTITY_INDEX}: run presslens_entities on it first")
    return index


def _token_at(doc: Doc, start: int, end: int) -> int:
    """The index of the token where the text at [start, end) begins."""
    span = doc.char_span(start, max(end, start + 1), alignment_mode="expand")
    return span.start if span is not None else len(doc) - 1


def resolve_mention(doc: Doc, start: int, end: int) -> str | None:
    """The id of the entity that the text at [start, end) refers to (a name, a title
    such as "the minister", or a pronoun), or None when it cannot be told.

    A span over a person's mention is that person ("Marshal Teodor Valen"); a person
    described by an organisation ("A State Department spokesman") is not the organisation.
    Raises PipelineError for a Doc that presslens_entities has not seen.
    """
    index = entity_index(doc)
    words = index.text[start:end].split()
    if not words:
        return None
    overlaps = [(m.is_person, min(end, m.end) - max(start, m.start), m.entity)
                for m in index.mentions if m.start < end and start < m.end]
    head = norm(words[-1].rstrip(",:"))
    if overlaps and (max(overlaps)[0] or head not in TITLES):
        return max(overlaps)[2]
    position = _token_at(doc, start, end)
    if len(words) == 1 and words[0].lower() in PERSON_PRONOUNS:
        return _resolve_pronoun(index, start, position, PERSON_PRONOUNS[words[0].lower()])
    if head in TITLES:
        qualifiers = {norm(w) for w in words[:-1]} & (TITLE_QUALIFIERS | TITLES)
        numbered = [TitleIntro(i.position, n, i.head, i.qualifiers, i.country) for n, (i, _) in enumerate(index.intros)]
        span = doc.char_span(start, end, alignment_mode="expand")
        best = resolve_title(position, head, qualifiers, numbered, country_of(span) if span is not None else "")
        return index.intros[best][1] if best is not None else None
    return _resolve_name(index, start, words)


def _resolve_name(index: EntityIndex, start: int, words: list[str]) -> str | None:
    """A name no mention covers: a country alias, or an earlier person's name."""
    text = index.text
    if words[0].lower() == "the":
        words = words[1:]
    phrase = " ".join(words)
    country = ALIAS_TO_COUNTRY.get(phrase)
    if country:
        named = (m.entity for m in index.mentions if ALIAS_TO_COUNTRY.get(text[m.start : m.end]) == country)
        return next(named, None)
    name = parse_person(phrase) if phrase else None
    if name is None:
        return None
    for m in reversed(index.mentions):
        known = parse_person(text[m.start : m.end]) if m.is_person and m.start < start else None
        if known and known.surname == name.surname and given_compatible(known.given, name.given):
            return m.entity
    return None


def _quotation_before(text: str, start: int) -> tuple[int, int]:
    """The quotation that closes just before `start` (',” he said'), or an empty range.
    People named inside it are rarely the one who said it."""
    close = start - 1
    while close >= 0 and text[close] in " \t\r\n,":
        close -= 1
    if close < 0 or text[close] not in _CLOSING_QUOTES:
        return (0, 0)
    mark = "''" if text[close - 1 : close + 1] == "''" else text[close]
    opening = text.rfind(_CLOSING_QUOTES[mark], 0, close - len(mark) + 1)
    return (opening, close) if opening >= 0 else (0, 0)


def _resolve_pronoun(index: EntityIndex, start: int, position: int, gender: str | None) -> str | None:
    """he/she: the nearest earlier person, subjects first, gender agreeing, not inside the
    quotation just before the pronoun; None if unsure."""
    sentence = index.sentences[position]
    quote_start, quote_end = _quotation_before(index.text, start)
    candidates = [
        m for m in index.mentions
        if m.is_person and m.end <= start and sentence - _PRONOUN_REACH <= m.sentence <= sentence
        and (gender is None or index.genders.get(m.entity) in (None, gender))
        and not quote_start <= m.start < quote_end
    ]
    for number in range(sentence, sentence - _PRONOUN_REACH - 1, -1):
        in_sentence = [m for m in candidates if m.sentence == number]
        if not in_sentence:
            continue
        subjects = [m for m in in_sentence if m.subject == 2] or [m for m in in_sentence if m.subject]
        if subjects:
            return subjects[-1].entity
        return in_sentence[0].entity if len({m.entity for m in in_sentence}) == 1 else None
    return None

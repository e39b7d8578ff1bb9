"""Titles that stand for a person: "Foreign Minister Irina Dross ... The minister said".

A title written beside a name introduces it ("Leader of the National Council Marshal
Teodor Valen", "Irina Dross, the foreign minister,"); a later "the <title>" that is not
itself followed by a name refers back to the most recently introduced person with that
title. Qualifiers must agree: "the foreign minister" never matches "Defence Minister X".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # names.py and the store read this module without spaCy loaded
    from spacy.tokens import Doc, Token

from presslens.analyzers.entities.countries import ALIAS_TO_COUNTRY
from presslens.analyzers.entities.words import (
    HONORIFICS,
    OFFICE_QUALIFIERS,
    TIME_QUALIFIERS,
    TITLE_QUALIFIERS,
    TITLES,
)

# How far a title may sit from the name it introduces, in tokens.
_MAX_LEAD = 10
_MAX_APPOSITION = 7
_LEAD_GLUE = frozenset({"of", "the", "for", "'s", "’s", "-"})
_SINGULAR_NOUN_TAGS = frozenset({"NN", "NNP"})


@dataclass(frozen=True)
class TitleIntro:
    position: int  # token index of the name the title was written beside
    entity: int  # the person's cluster number in the analyzer
    head: str  # "minister"
    qualifiers: frozenset[str]  # {"foreign"}, plus the words of an "of" phrase ({"state"})
    country: str = ""  # a nationality or country written with the title: "russian" of "Russian President"


def norm(word: str) -> str:
    """A word as the word lists spell it: lower case, no trailing full stop."""
    return word.lower().rstrip(".")


def _sentence(doc: Doc, i: int) -> tuple[int, int]:
    """Token bounds of the sentence holding token i (the whole Doc when unparsed)."""
    if not doc.has_annotation("SENT_START"):
        return 0, len(doc)
    sent = doc[i].sent
    return sent.start, sent.end


def _qualifiers_before(doc: Doc, head: int, floor: int) -> set[str]:
    """"foreign" in "Foreign Minister", "attorney" in "Attorney General"."""
    words: set[str] = set()
    i = head - 1
    while i >= floor and norm(doc[i].text) in TITLE_QUALIFIERS | TIME_QUALIFIERS | TITLES:
        words.add(norm(doc[i].text))
        i -= 1
    return words - TIME_QUALIFIERS


def _of_phrase(doc: Doc, head: int, limit: int) -> set[str]:
    """The title-case words of "Secretary of State", "Leader of the National Council"."""
    words: set[str] = set()
    if head + 1 >= limit or doc[head + 1].lower_ != "of":
        return words
    for token in doc[head + 2 : min(limit, head + 6)]:
        if token.lower_ == "the":
            continue
        if not token.is_title or norm(token.text) in TITLES:
            break
        words.add(token.lower_)
    return words


def country_of(tokens: Iterable[Token]) -> str:
    """The nationality or country among a title's words ("Russian President", "the US
    president"), lower case, a country's forms as one ("U.S." is "united states"); or ""."""
    for token in tokens:
        if token.ent_type_ in ("NORP", "GPE"):
            return ALIAS_TO_COUNTRY.get(token.text, token.text).lower()
    return ""


def _intro(doc: Doc, head: int, floor: int, limit: int, position: int, entity: int) -> TitleIntro:
    qualifiers = _qualifiers_before(doc, head, floor) | _of_phrase(doc, head, limit)
    return TitleIntro(position, entity, norm(doc[head].text), frozenset(qualifiers), country_of(doc[floor:head]))


def _lead_window(doc: Doc, start: int, blocked: set[int]) -> list[int]:
    """Token indices of the title phrase written just before a name."""
    floor = _sentence(doc, start)[0]
    window: list[int] = []
    i = start - 1
    while i >= floor and start - i <= _MAX_LEAD and i not in blocked:
        token = doc[i]
        word = norm(token.text)
        # "Iran's foreign minister, Javad Zarif": a comma right after the title
        if token.text == "," and i == start - 1 and i > floor and norm(doc[i - 1].text) in TITLES:
            window.append(i)
        elif token.is_title or token.is_upper or word in _LEAD_GLUE or word in TITLES or word in TITLE_QUALIFIERS:
            window.append(i)
        else:
            break
        i -= 1
    window.reverse()
    return window


def _apposition(doc: Doc, end: int) -> int | None:
    """The title head of "Irina Dross, the foreign minister," after a name, if any."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    sent_end = _sentence(doc, end)[1]
    for token in doc[end + 1 : min(sent_end, end + 1 + _MAX_APPOSITION)]:
        if _is_head(doc, token.i) and token.tag_ in _SINGULAR_NOUN_TAGS:
            return token.i
        if token.pos_ not in ("DET", "ADJ", "PROPN", "NOUN", "PART") and token.lower_ != "of":
            return None
    return None


def intros_for(
    doc: Doc, start: int, end: int, entity: int, blocked: set[int]
) -> tuple[list[TitleIntro], set[int]]:
    """The titles written beside the name doc[start:end], and the tokens they use.

    `blocked` holds the tokens of other people's names, which end a title phrase.
    """
    lead = _lead_window(doc, start, blocked)
    front = start
    while front < end - 1 and norm(doc[front].text) in TITLES | HONORIFICS | TITLE_QUALIFIERS:
        front += 1
    tokens = lead + list(range(start, front))
    floor = tokens[0] if tokens else start
    intros = [
        _intro(doc, i, floor, front, start, entity)
        for i in tokens
        if _is_head(doc, i) and doc[i].tag_ in _SINGULAR_NOUN_TAGS
    ]
    head = _apposition(doc, end)
    used = set(tokens)
    if head is not None:
        intros.append(_intro(doc, head, end + 1, _sentence(doc, head)[1], start, entity))
    return intros, used


def resolve_title(position: int, head: str, qualifiers: set[str], intros: Iterable[TitleIntro],
                  country: str = "") -> int | None:
    """The entity of the person introduced before `position` who holds this title: the
    phrase's qualifiers must all be the intro's, and the intro's office-changing ones
    ("vice") must all be the phrase's. A nationality must agree: "the US president" is not
    "Russian President Putin", and a bare "the president" is, of several, the one introduced
    without one. Of several left, the one introduced with the title most often, then the
    most recent."""
    wanted = qualifiers - TIME_QUALIFIERS
    fitting = [
        intro for intro in intros
        if intro.position < position and intro.head == head and wanted <= intro.qualifiers
        and intro.qualifiers & OFFICE_QUALIFIERS <= wanted and intro.country in (country, "")
    ]
    fitting = [i for i in fitting if i.country == country] or fitting
    if not fitting:
        return None
    times = Counter(intro.entity for intro in fitting)
    return max(fitting, key=lambda intro: (times[intro.entity], intro.position)).entity


def _is_head(doc: Doc, i: int) -> bool:
    """A title word that ends its title: "General" in "Attorney General", not "Attorney"."""
    return norm(doc[i].text) in TITLES and (i + 1 == len(doc) or norm(doc[i + 1].text) not in TITLES)


def _is_name(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or (token.is_title and token.tag_ == "NNP")


def title_mentions(
    doc: Doc, intros: list[TitleIntro], excluded: set[int]
) -> list[tuple[int, int, int]]:
    """(start, end, entity) token spans of "the minister", "The Leader" that refer back.

    A title followed by a name is an introduction, not a reference; a title after an
    indefinite article ("a minister") refers to no one in particular.
    """
    found: list[tuple[int, int, int]] = []
    for token in doc:
        head = norm(token.text)
        if token.i in excluded or not _is_head(doc, token.i) or token.tag_ not in _SINGULAR_NOUN_TAGS:
            continue
        if token.i + 1 < len(doc) and _is_name(doc[token.i + 1]):
            continue
        i = token.i - 1
        while i >= 0 and token.i - i <= 3 and (
            norm(doc[i].text) in TITLE_QUALIFIERS | TIME_QUALIFIERS | TITLES or doc[i].ent_type_ in ("NORP", "GPE")
        ):
            i -= 1
        if i < 0 or doc[i].lower_ != "the" or i in excluded:
            continue
        of_words = _of_phrase(doc, token.i, len(doc))
        if not of_words and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "of":
            continue  # "the leader of the opposition": some other office
        qualifiers = _qualifiers_before(doc, token.i, i + 1) | of_words
        entity = resolve_title(token.i, head, qualifiers, intros, country_of(doc[i + 1 : token.i]))
        if entity is not None:
            found.append((i, token.i + 1, entity))
    return found

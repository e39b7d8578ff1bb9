"""Reading people's names: given names, surname, gender.

Used by `entities.py` to decide whether two spans can name one person ("Seyed Ali
Khamenei" and "Ali Khamenei" can; "Bill Clinton" and "Hillary Clinton" cannot).
"""

from __future__ import annotations

from dataclasses import dataclass

from presslens.analyzers.entities.titles import norm
from presslens.analyzers.entities.words import (
    FEMALE_NAMES,
    FEMALE_WORDS,
    HONORIFICS,
    MALE_NAMES,
    MALE_WORDS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    TITLE_QUALIFIERS,
    TITLES,
)

# Words in front of a name that are not part of it ("Foreign Minister", "Mrs.").
NAME_LEAD = HONORIFICS | TITLES | TITLE_QUALIFIERS
_SURNAME_PREFIXES = ("al-", "el-", "ad-", "as-", "ash-", "at-")



@dataclass
class PersonName:
    words: list[str]  # the name without titles: ["Seyed", "Ali", "Khamenei"]
    given: list[str]  # ["Seyed", "Ali"]
    surname: str  # matching key: "khamenei"
    gender: str | None


def gender_of(words: list[str], given: list[str]) -> str | None:
    """"m", "f" or None (unknown or conflicting) from honorifics and titles ("mrs",
    "spokesman") and the first given name."""
    votes = {"m" for w in words if w in MALE_WORDS} | {"f" for w in words if w in FEMALE_WORDS}
    if given:
        first = given[0].lower()
        votes |= {"m"} if first in MALE_NAMES else {"f"} if first in FEMALE_NAMES else set()
    return next(iter(votes)) if len(votes) == 1 else None


def surname_key(word: str) -> str:
    """A surname for matching: lower case, without an "al-"-style prefix."""
    key = word.lower()
    for prefix in _SURNAME_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix) + 1:
            return key[len(prefix) :]
    return key


def parse_person(text: str) -> PersonName | None:
    """The name in "Ayatollah Seyed Ali Khamenei" or "Mrs. Clinton", titles set aside. A
    particle is part of the surname ("Ursula von der Leyen") except as the first word, where,
    capitalised, it is a given name: "Ben Shapiro", "Al Gore", "Van Jones"."""
    words = text.split()
    lead: list[str] = []
    while len(words) > 1 and norm(words[0]) in NAME_LEAD:
        lead.append(norm(words.pop(0)))
    while len(words) > 1 and norm(words[-1].rstrip(",")) in NAME_SUFFIXES:
        words.pop()
    if not words or not surname_key(words[-1])[:1].isalpha() or norm(words[-1]) in NAME_LEAD:
        return None
    if not words[-1][:1].isupper() and surname_key(words[-1]) == words[-1].lower():
        return None  # "pro-Israel", not a name; "al-Sinwar" is one
    given = [w for i, w in enumerate(words[:-1]) if w[:1].isupper() and (i == 0 or w.lower() not in NAME_PARTICLES)]
    return PersonName(words, given, surname_key(words[-1]), gender_of(lead, given))


def _same_given(a: str, b: str) -> bool:
    a, b = a.rstrip("."), b.rstrip(".")
    if len(a) == 1 or len(b) == 1:  # an initial: "J. Kerry"
        return a[0].upper() == b[0].upper()
    return a.lower() == b.lower()


def given_compatible(a: list[str], b: list[str]) -> bool:
    """Whether two lists of given names can belong to one person: the shorter must be
    found in the longer, in order ("Ali" in "Seyed Ali"; "Bill" not in "Hillary")."""
    if not a or not b:
        return True
    short, long = sorted((a, b), key=len)
    rest = iter(long)
    return all(any(_same_given(s, g) for g in rest) for s in short)

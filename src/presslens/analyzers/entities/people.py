"""People within one article: PERSON mentions grouped into one cluster per person, and the
choice of which person a bare surname ("Trump"), a titled surname ("President Trump") or a
stray tag of a name stands for. docs/entities.md, rule 4, gives the reasons.

Full names (a given name and a surname) are grouped first, over the whole article; only then
is each bare surname given to one of the people with that surname, by what the context shows
(`choose_person`), never merely to whoever was named last: "Melania Trump" named once does
not take Donald Trump's "Trump".
"""

from __future__ import annotations

from presslens.analyzers.entities.clusters import Cluster, FoundMention
from presslens.analyzers.entities.names import PersonName, given_compatible, parse_person

# How many paragraphs a bare surname may come before the full name it joins ("Trump on
# Monday ..." in the lead, "Donald Trump" in the next paragraph).
_LEAD_PARAGRAPHS = 1


def cluster_people(mentions: list[FoundMention]) -> list[Cluster]:
    """People from PERSON mentions: full names first, then bare surnames and given names."""
    people: list[Cluster] = []
    parsed = [(m, parse_person(m.text)) for m in mentions]
    named = [(m, name) for m, name in parsed if name is not None]
    for mention, name in sorted(named, key=lambda pair: not pair[1].given):  # stable: text order within each
        gender = name.gender or mention.gender
        person = _matching_person(name, gender, mention, people)
        if person is None:
            person = Cluster("person", name.surname)
            people.append(person)
        absorb(person, mention, name, gender)
    return people


def absorb(person: Cluster, mention: FoundMention, name: PersonName, gender: str | None) -> None:
    person.add(mention)
    person.titles |= mention.titles
    if len(name.given) > len(person.given):
        person.given = name.given
    if len(name.words) > len(person.name_words):
        person.name_words = name.words
    if len(name.words) > 1:
        person.full_names[" ".join(name.words)] += 1
    if name.given:
        person.styles |= mention.styles
    if gender:
        person.genders.add(gender)


def _agrees(person: Cluster, gender: str | None) -> bool:
    return gender is None or person.gender is None or person.gender == gender


def _matching_person(name: PersonName, gender: str | None, mention: FoundMention,
                     people: list[Cluster]) -> Cluster | None:
    """The person this name can be, or None for a new person. Full names with agreeing given
    names are one person (of several, the one named last: "J. Kerry" after "John Kerry");
    a bare surname goes to `choose_person`."""
    candidates = [p for p in people if p.key == name.surname and given_compatible(p.given, name.given)
                  and _agrees(p, gender)]
    if name.given:
        return max(candidates, key=lambda p: p.last) if candidates else None
    if not candidates:  # a bare given name: "Hillary said"
        by_first = [p for p in people if p.given and p.given[0].lower() == name.surname and _agrees(p, gender)]
        return by_first[0] if len(by_first) == 1 else None
    if mention.titles:  # "President Trump" is not "First Lady Melania Trump"
        candidates = [p for p in candidates if p.titles & mention.titles or not p.styles]
    if all(_named_later(p, mention) for p in candidates):
        return None  # "President Trump" all through, "Melania Trump" once, late: not her
    return choose_person(candidates, mention)


def _named_later(person: Cluster, mention: FoundMention) -> bool:
    """The person's name first comes more than a paragraph after this bare surname."""
    return person.mentions[0].paragraph > mention.paragraph + _LEAD_PARAGRAPHS


def _in_full(mention: FoundMention) -> bool:
    name = parse_person(mention.text)
    return name is not None and bool(name.given)


def choose_person(candidates: list[Cluster], mention: FoundMention | None = None) -> Cluster | None:
    """Which of the people sharing a surname a bare mention of it stands for, by what the
    context shows, in this order: the pronoun it is the subject before ("Clinton said she");
    a title written with it that only some of them carried ("President Trump"); the one
    person named in full earlier in its paragraph ("Jill Biden thanked the nurses. Biden
    said ..."); else the article's principal: one who holds an office, then the one it named
    first. Never merely the one named last: writers give the second person of a surname a
    first name or an honorific ("Melania Trump", "Dr. Biden") and the bare surname stays the
    principal's."""
    if not candidates:
        return None
    if mention is not None:
        candidates = [p for p in candidates if _agrees(p, mention.said_gender)] or candidates
        candidates = [p for p in candidates if p.titles & mention.titles] or candidates
        in_paragraph = [p for p in candidates if any(
            m.paragraph == mention.paragraph and m.start < mention.start and _in_full(m) for m in p.mentions)]
        if len(in_paragraph) == 1:
            return in_paragraph[0]
    return max(candidates, key=lambda p: (bool(p.titles), -p.mentions[0].start))

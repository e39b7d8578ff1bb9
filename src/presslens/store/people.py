"""One person (or organisation) across the corpus: the rule that links each PERSON and ORG
entity of a latest analysis to a row of `people`, and the statements that keep the links
current as analyses are saved. docs/people.md states the rule for users.

Entities fall into groups by a match key: a person's surname, an organisation's name, both
folded (case and accents aside). Every decision about a name is made within its group, over
all of the group's entities at once, never one entity at a time: linking the groups a saved
batch touches and rebuilding every group give the same people.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from sqlalchemy import Connection, and_, bindparam, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from presslens.analyzers.entities.names import NAME_LEAD, parse_person
from presslens.analyzers.entities.titles import norm
from presslens.analyzers.entities.words import NAME_SUFFIXES, OFFICE_QUALIFIERS, TITLES
from presslens.store.schema import analyses, entities, entity_people, people

LINKED_TYPES = ("PERSON", "ORG")
NOT_A_NAME = "not linked: not read as a person's name"
SAME_NAME = "same first and last name"
SAME_ORG_NAME = "same name"
_SUFFIXES = {"junior": "jr", "senior": "sr"}
_CHUNK = 500
_NAMED = 4  # people an ambiguous name lists
Entity = tuple[int, int]  # an entity row: (analysis id, idx)
# A given name: letters, with inner hyphens or apostrophes ("Jean-Luc", "D'Arcy"); an initial may end in a full stop.
_GIVEN = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$")


def fold(text: str) -> str:
    """Case and accents aside: "Ruíz" and "RUIZ" fold alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class PersonKey:
    """A person's name as the rule reads it: titles left out, folded."""

    surname: str  # the match key: "trump"
    first: str | None  # "donald"; an initial stays an initial ("j"); None for a bare surname
    middle: tuple[str, ...]  # the initials of the other given names: ("j",)
    suffix: str  # "jr", "iii" or ""
    gender: str | None  # from an honorific or the first name: "m", "f" or None
    written: str  # the surname as written: "Trump"

    def person_key(self, middle: tuple[str, ...] = ()) -> str:
        return " ".join(part for part in (self.first, *middle, self.surname, self.suffix) if part)


def _suffix_of(name: str) -> str:
    """"jr" of "Donald Trump Jr.": a generational suffix, which makes another person."""
    words = name.split()
    found = []
    while len(words) > 1 and norm(words[-1].rstrip(",")) in NAME_SUFFIXES:
        word = norm(words.pop().rstrip(","))
        found.insert(0, _SUFFIXES.get(word, word))
    return " ".join(found)


def _given_parts(word: str, capitals: bool) -> list[str] | None:
    """"George" -> ["george"]; "H.W." -> ["h", "w"]; None for a word no given name is spelt
    like ("GDP.“Barack", or "REUTERS" in "REUTERS Obama" unless the whole name is in capitals:
    a tagger's span that swallowed other words)."""
    parts = [part for part in word.split(".") if part]
    if len(parts) > 1:
        return [fold(p) for p in parts] if all(len(p) == 1 and p.isalpha() and p.isupper() for p in parts) else None
    part = parts[0] if parts else ""
    if not (_GIVEN.match(part) and part[0].isupper()) or (len(part) > 2 and part.isupper() and not capitals):
        return None
    return [fold(part)]


@lru_cache(maxsize=65536)  # a much-quoted group repeats a handful of names thousands of times
def read_person(name: str) -> PersonKey | None:
    """The key of a PERSON entity's name, or None when it does not read as a name."""
    parsed = parse_person(name)
    if parsed is None:
        return None
    given: list[str] = []
    for word in parsed.given:
        parts = _given_parts(word, capitals=name.isupper())
        if parts is None:
            return None
        given.extend(parts)
    return PersonKey(
        surname=fold(parsed.surname), first=given[0] if given else None,
        middle=tuple(g[0] for g in given[1:]), suffix=_suffix_of(name), gender=parsed.gender,
        written=parsed.words[-1],
    )


@lru_cache(maxsize=65536)
def titles_of(texts: tuple[str, ...]) -> frozenset[str]:
    """The offices written with a name or referring back to it: "president" of "President
    Trump" and "the former president", "vice president" of "Vice President Pence"."""
    found = set()
    for text in texts:
        words = [norm(w) for w in text.split()]
        for i, word in enumerate(words):
            if word in TITLES and (i + 1 == len(words) or words[i + 1] not in TITLES):
                office = [word]
                for before in reversed(words[:i]):
                    if before not in OFFICE_QUALIFIERS:
                        break
                    office.insert(0, before)
                found.add(" ".join(office))
    return frozenset(found)


def without_titles(name: str) -> str:
    """"Bill Clinton" of "President Bill Clinton": a person's name as its page shows it."""
    words = name.split()
    while len(words) > 1 and norm(words[0]) in NAME_LEAD:
        words.pop(0)
    return " ".join(words)


def org_key(name: str) -> str:
    """An organisation's name folded, without a leading "the" or full stops: "the U.N." is "un"."""
    words = fold(name).replace(".", "").split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def match_key(kind: str, name: str) -> str:
    """The group an entity's name is decided in; "" for a PERSON name that is not read as one."""
    if kind == "ORG":
        return org_key(name)
    key = read_person(name)
    return key.surname if key else ""


@dataclass
class Decision:
    """What the rule made of one entity: the key of its person (None: unlinked) and why."""

    person: str | None
    reason: str


@dataclass
class _Candidate:
    key: str
    first: str | None
    suffix: str
    genders: set[str] = field(default_factory=set)
    names: Counter = field(default_factory=Counter)
    titles: set[str] = field(default_factory=set)  # offices its full names were written with

    @property
    def gender(self) -> str | None:
        return next(iter(self.genders)) if len(self.genders) == 1 else None


def _display(names: Counter) -> str:
    """The name used most often; of equals, the longest, then the first in order."""
    return min(names.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0]


def decide_group(
    kind: str, names: dict[Entity, str], aliases: dict[Entity, list[str]] | None = None,
) -> tuple[dict[Entity, Decision], dict[str, str]]:
    """Decides every entity of one group at once: entity (analysis id, idx) -> Decision, and
    the group's people, key -> display name. `aliases`: the other forms each entity's article
    used ("President Trump", "the president"), whose titles can tell people of one surname apart."""
    if kind == "ORG":
        decisions = {entity: Decision(org_key(name), SAME_ORG_NAME) for entity, name in names.items()}
        by_person: dict[str, Counter] = {}
        for entity, name in names.items():
            words = name.split()
            shown = " ".join(words[1:]) if len(words) > 1 and words[0].lower() == "the" else name
            by_person.setdefault(decisions[entity].person, Counter())[shown] += 1
        return decisions, {key: _display(counted) for key, counted in by_person.items()}
    aliases = aliases or {}
    return _decide_people({entity: (name, read_person(name), titles_of((name, *aliases.get(entity, []))))
                           for entity, name in names.items()})


class _Linker:
    """The decisions taken so far, and the people they make, for one run of _decide_people."""

    def __init__(self, rows: dict[Entity, tuple[str, PersonKey | None, frozenset[str]]]) -> None:
        self.rows = rows
        self.decisions: dict[Entity, Decision] = {}
        self.candidates: dict[str, _Candidate] = {}

    def link(self, entity: Entity, name: str, key: PersonKey, person: str, reason: str) -> None:
        candidate = self.candidates.setdefault(person, _Candidate(person, key.first, key.suffix))
        candidate.names[without_titles(name)] += 1
        candidate.titles |= self.rows[entity][2]
        if key.gender:
            candidate.genders.add(key.gender)
        self.decisions[entity] = Decision(person, reason)

    def link_full_names(self, group: list[tuple[Entity, str, PersonKey]]) -> None:
        """Full names: one person per first name, last name and suffix, unless two different
        middle names are written with them ("George H. W. Bush", "George W. Bush"): then one
        per middle name, and the name without one says it could be either."""
        middles = sorted({key.middle for _, _, key in group if key.middle})
        for entity, name, key in group:
            if len(middles) <= 1:
                self.link(entity, name, key, key.person_key(), SAME_NAME)
            elif key.middle:
                self.link(entity, name, key, key.person_key(key.middle), SAME_NAME + " and middle initials")
            else:
                self.decisions[entity] = Decision(None, f"ambiguous: {len(middles)} people named {name}")


def _decide_people(rows: dict[Entity, tuple[str, PersonKey | None, frozenset[str]]]) -> tuple[dict, dict[str, str]]:
    linker = _Linker(rows)
    full: dict[tuple[str, str], list[tuple[Entity, str, PersonKey]]] = {}
    bare = []
    for entity, (name, key, _) in rows.items():
        if key is None:
            linker.decisions[entity] = Decision(None, NOT_A_NAME)
        elif key.first:
            full.setdefault((key.first, key.suffix), []).append((entity, name, key))
        else:
            bare.append((entity, name, key))
    for group in full.values():
        linker.link_full_names(group)
    full_people = list(linker.candidates.values())
    full_keys = set(linker.candidates)
    for entity, name, key in bare:
        decision = _decide_bare(key, rows[entity][2], full_people)
        if decision.person is None or decision.person in full_keys:
            linker.decisions[entity] = decision  # a person's display name comes from its full names
        else:
            linker.link(entity, name, key, decision.person, decision.reason)
    return linker.decisions, {key: _display(c.names) for key, c in linker.candidates.items()}


def _decide_bare(key: PersonKey, titles: frozenset[str], people_named: list[_Candidate]) -> Decision:
    """A bare surname ("Trump", "Mayor Ruiz", "Mrs. Clinton"): the one person with a full name
    of that surname, if exactly one fits its gender and suffix, or else exactly one of those
    was written with one of its titles; its own person when nobody in the corpus has a full
    name with it; else unlinked, saying why."""
    if not people_named:
        return Decision(key.person_key(), f"surname only; nobody in the corpus has a full name with {key.written}")
    fitting = [p for p in people_named
               if (key.gender is None or p.gender in (None, key.gender)) and (not key.suffix or p.suffix == key.suffix)]
    n = len(people_named)
    titled = [p for p in fitting if p.titles & titles]
    if len(fitting) > 1 and len(titled) == 1:
        office = sorted(titled[0].titles & titles)[0]
        return Decision(titled[0].key, f"surname only; of {n} people named {key.written}, the only one called {office}")
    if len(fitting) == 1:
        if n == 1:
            return Decision(fitting[0].key, f"surname only; the only person named {key.written} in the corpus")
        fits = " and ".join(part for part in (
            {"m": "a man", "f": "a woman"}.get(key.gender or ""), key.suffix and f"'{key.suffix}'") if part)
        return Decision(fitting[0].key, f"surname only; of {n} people named {key.written}, the only one who is {fits}")
    if not fitting:
        return Decision(None, f"not linked: {n} people named {key.written}, none fits")
    shown = sorted(_display(p.names) for p in fitting)
    more = f", and {len(shown) - _NAMED} more" if len(shown) > _NAMED else ""
    return Decision(None, f"ambiguous: {len(fitting)} people named {key.written} ({', '.join(shown[:_NAMED])}{more})")


Group = tuple[str, str]  # (kind, match key)


def _chunks(items: Iterable, size: int = _CHUNK) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def groups_of_articles(conn: Connection, article_ids: list[str]) -> set[Group]:
    """The groups of the entities these articles' analyses are linked in now (before a save replaces them)."""
    found: set[Group] = set()
    for chunk in _chunks(article_ids):
        stmt = (select(entity_people.c.kind, entity_people.c.match_key).distinct()
                .select_from(entity_people.join(analyses, analyses.c.id == entity_people.c.analysis_id))
                .where(analyses.c.article_id.in_(chunk)))
        found.update((kind, key) for kind, key in conn.execute(stmt))
    return found


def unlink_superseded(conn: Connection, article_ids: list[str]) -> None:
    """Drops the links of these articles' analyses that are no longer their latest."""
    for chunk in _chunks(article_ids):
        old = select(analyses.c.id).where(and_(analyses.c.article_id.in_(chunk), analyses.c.latest.is_(False)))
        conn.execute(delete(entity_people).where(entity_people.c.analysis_id.in_(old)))


def add_links(conn: Connection, analysis_ids: list[int]) -> set[Group]:
    """A link row, not yet decided, for each PERSON and ORG entity of these analyses; returns their groups."""
    rows = []
    for chunk in _chunks(analysis_ids):
        stmt = (select(entities.c.analysis_id, entities.c.idx, entities.c.name, entities.c.type)
                .where(and_(entities.c.analysis_id.in_(chunk), entities.c.type.in_(LINKED_TYPES))))
        for analysis_id, idx, name, kind in conn.execute(stmt):
            key = match_key(kind, name)
            rows.append({"analysis_id": analysis_id, "entity_idx": idx, "kind": kind, "match_key": key,
                         "person_id": None, "reason": "" if key else NOT_A_NAME})
    if rows:
        conn.execute(entity_people.insert(), rows)
    return {(row["kind"], row["match_key"]) for row in rows if row["match_key"]}


def relink(conn: Connection, groups: set[Group]) -> None:
    """Decides every entity of these groups again and brings their people in step: a person
    no entity is linked to any more is deleted, a new one added, each one's name updated."""
    for kind in LINKED_TYPES:
        keys = sorted(key for k, key in groups if k == kind and key)
        for chunk in _chunks(keys):
            _relink_chunk(conn, kind, chunk)


def _relink_chunk(conn: Connection, kind: str, keys: list[str]) -> None:
    in_groups = and_(entity_people.c.kind == kind, entity_people.c.match_key.in_(keys))
    rows = conn.execute(
        select(entity_people.c.match_key, entity_people.c.analysis_id, entity_people.c.entity_idx,
               entity_people.c.person_id, entity_people.c.reason, entities.c.name, entities.c.aliases)
        .select_from(entity_people.join(entities, and_(entities.c.analysis_id == entity_people.c.analysis_id,
                                                       entities.c.idx == entity_people.c.entity_idx)))
        .where(in_groups)
    ).all()
    names_by_group: dict[str, dict[Entity, str]] = {}
    aliases: dict[Entity, list[str]] = {}
    linked_now = {(row.analysis_id, row.entity_idx): (row.person_id, row.reason) for row in rows}
    for row in rows:
        entity = (row.analysis_id, row.entity_idx)
        names_by_group.setdefault(row.match_key, {})[entity] = row.name
        aliases[entity] = [a for a in row.aliases if isinstance(a, str)] if isinstance(row.aliases, list) else []
    decisions: dict[Entity, Decision] = {}
    wanted: dict[str, tuple[str, str]] = {}  # person key -> (match key, display name)
    for group, names in names_by_group.items():
        decided, found = decide_group(kind, names, aliases)
        decisions.update(decided)
        wanted.update({person: (group, name) for person, name in found.items()})
    of_groups = select(people.c.id, people.c.key, people.c.name).where(
        and_(people.c.kind == kind, people.c.match_key.in_(keys)))
    existing = {r.key: r for r in conn.execute(of_groups)}
    new = [{"kind": kind, "key": person, "match_key": group, "name": name}
           for person, (group, name) in wanted.items() if person not in existing]
    if new:
        insert = (postgresql if conn.dialect.name == "postgresql" else sqlite).insert(people).on_conflict_do_nothing()
        conn.execute(insert, new)
        existing = {r.key: r for r in conn.execute(of_groups)}
    renamed = [{"b_id": existing[p].id, "b_name": name} for p, (_, name) in wanted.items() if existing[p].name != name]
    if renamed:
        conn.execute(update(people).where(people.c.id == bindparam("b_id")).values(name=bindparam("b_name")), renamed)
    # Only the links that change are written: a big group (a much-quoted surname) is decided
    # again on every save that touches it, but few of its links move.
    changed = []
    for (analysis_id, idx), decision in decisions.items():
        person_id = existing[decision.person].id if decision.person else None
        if linked_now[(analysis_id, idx)] != (person_id, decision.reason):
            changed.append({"b_analysis": analysis_id, "b_idx": idx, "b_person": person_id,
                            "b_reason": decision.reason})
    if changed:
        conn.execute(
            update(entity_people)
            .where(and_(entity_people.c.analysis_id == bindparam("b_analysis"),
                        entity_people.c.entity_idx == bindparam("b_idx")))
            .values(person_id=bindparam("b_person"), reason=bindparam("b_reason")),
            changed,
        )
    gone = [r.id for key, r in existing.items() if key not in wanted]
    if gone:
        conn.execute(delete(people).where(people.c.id.in_(gone)))


def rebuild(conn: Connection) -> int:
    """Links every PERSON and ORG entity of every latest analysis again, from nothing but
    the entities; returns how many people (and organisations) there are then."""
    stale = {(kind, key) for kind, key in conn.execute(select(people.c.kind, people.c.match_key).distinct())}
    conn.execute(delete(entity_people))
    latest = [row.id for row in conn.execute(select(analyses.c.id).where(analyses.c.latest.is_(True)))]
    relink(conn, stale | add_links(conn, latest))
    return conn.execute(select(func.count()).select_from(people)).scalar_one()

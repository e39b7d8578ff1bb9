"""People across the corpus: the most quoted and mentioned, and one person in full (names,
quotes by outlet and month, how each outlet casts them, and why each name is linked).

A person is a row of `people`, made and kept current by the store as analyses are saved
(store/people.py; the rule in docs/people.md). Figures read the latest analysis of each
article, like every corpus query.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from presslens.analysis import described
from presslens.analyzers.framing.reading import is_framed, role_of
from presslens.analyzers.framing.roles import MAIN_ROLES as ROLES
from presslens.article import RESPONSE_SCHEMA_CONFIG
from presslens.corpus.paging import check_limit, check_offset
from presslens.errors import InputError, NotFoundError
from presslens.store import Store
from presslens.store.filters import Filters
from presslens.store.people import read_person, without_titles

KINDS = ("PERSON", "ORG")
MAX_NAMES = 10
RECENT_ARTICLES = 50


@dataclass
class PersonSummary:
    __pydantic_config__ = RESPONSE_SCHEMA_CONFIG

    id: int = described("Its page: /people/{id}; /api/people/{id}.")
    name: str = described("The full name its articles use most.")
    names: list[str] = described("The names it goes by across the corpus, most used first.")
    quotes: int = described("Quotes whose speaker is this person.")
    articles: int = described("Analysed articles that name the person.")
    outlets: int = described("Outlets of those articles.")


@dataclass
class LinkReason:
    reason: str = described("Why entities of this name are linked to the person (docs/people.md).")
    entities: int = described("Entities linked for this reason, one per article naming it.")
    names: list[str] = described("The names those entities have, most used first.")


@dataclass
class OutletQuotes:
    outlet: str
    quotes: int
    quoting: int = described("Articles of the outlet quoting the person.")
    articles: int = described("Articles of the outlet naming the person: what its figures rest on.")


@dataclass
class QuoteMonth:
    outlet: str
    month: str = described('YYYY-MM, or "undated".')
    quotes: int
    articles: int = described("Articles quoting the person that month.")


@dataclass
class OutletRoles:
    """How one outlet casts the person (entity framing)."""

    outlet: str
    articles: int = described("Articles of the outlet naming the person.")
    framed: int = described("Of those, the articles analysed with framing.")
    roles: dict[str, int] = described("Framed articles casting the person in each role.")
    no_role: int = described("Framed articles with no clear role for the person.")


@dataclass
class PersonArticle:
    article_id: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    name: str = described("The person as that article names them.")
    reason: str = described("Why that article's entity is linked to the person.")
    quotes: int = described("Quotes of the person in that article.")


@dataclass
class UnlinkedName:
    name: str = described("An entity name of the same surname (or organisation name) left unlinked.")
    reason: str
    articles: int


@dataclass
class PersonDetail:
    """One person across the corpus."""

    __pydantic_config__ = RESPONSE_SCHEMA_CONFIG

    id: int
    kind: str = described("PERSON or ORG.")
    name: str
    names: list[str] = described("Every name it goes by across the corpus, most used first.")
    quotes: int
    articles: int = described("Analysed articles naming it: what every figure rests on.")
    outlets: int
    links: list[LinkReason] = described("Why its names are linked to it, most entities first.")
    by_outlet: list[OutletQuotes] = described("The outlets quoting it, most quotes first.")
    months: list[QuoteMonth] = described("Quotes per outlet and month, by outlet, then month.")
    roles: list[OutletRoles] = described("How each outlet casts it, by outlet.")
    recent: list[PersonArticle] = described(f"Up to {RECENT_ARTICLES} articles naming it, newest first.")
    unlinked: list[UnlinkedName] = described("Names of the same surname left unlinked, and why.")


def _check_kind(kind: str) -> str:
    upper = kind.upper()
    if upper not in KINDS:
        raise InputError("kind", f"{kind[:40]!r} is not one of {', '.join(k.lower() for k in KINDS)}")
    return upper


def _names_person(alias: Any, kind: str, match: str, suffix: str) -> bool:
    """Whether an alias an article gave the entity is a name of the person itself: a name, not
    a title reference ("the president"), and for a person of its surname and suffix (an
    article may have folded "Donald Trump Jr." into his father)."""
    if not (isinstance(alias, str) and alias[:1].isupper() and not alias.lower().startswith("the ")):
        return False
    if kind != "PERSON":
        return True
    key = read_person(alias)
    return key is not None and key.surname == match and key.suffix == suffix


def _names(store: Store, ids: list[int]) -> dict[int, list[str]]:
    """Per person, its entities' names and the aliases that name it, most used first."""
    counted: dict[int, Counter] = {i: Counter() for i in ids}
    if ids:
        for row in store.people.names(ids):
            names = counted[row.person_id]
            names[row.name] += 1
            suffix = read_person(row.person).suffix if row.kind == "PERSON" and read_person(row.person) else ""
            for alias in row.aliases if isinstance(row.aliases, list) else []:
                if alias != row.name and _names_person(alias, row.kind, row.match_key, suffix):
                    names[alias] += 1
    return {i: _ranked(names) for i, names in counted.items()}


def _ranked(counter: Counter, limit: int = MAX_NAMES) -> list[str]:
    return [value for value, _ in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].casefold(), kv[0]))][:limit]


MAX_NAME_FILTER = 200


def list_people(store: Store, filters: Filters, kind: str = "PERSON", limit: int = 50, offset: int = 0,
                name: str | None = None) -> list[PersonSummary]:
    """People (or organisations) across the corpus, most quoted first, then most named; over
    the analysed articles matching `filters` (an outlet, dates, words), from the `offset`-th
    on, only those whose name holds `name` (case aside)."""
    check_limit(limit)
    kind = _check_kind(kind)
    check_offset(offset)
    name = (name or "").strip()
    if "\x00" in name:
        raise InputError("name", "holds a NUL character")
    if len(name) > MAX_NAME_FILTER:
        raise InputError("name", f"{len(name):,} characters, over the {MAX_NAME_FILTER} a name is matched on")
    rows = store.people.ranked(filters, kind, limit, offset, name)
    names = _names(store, [r.id for r in rows])
    return [PersonSummary(id=r.id, name=r.name, names=names[r.id], quotes=r.quotes, articles=r.articles,
                          outlets=r.outlets) for r in rows]


def find_person(store: Store, name: str, kind: str | None = None) -> int:
    """The id of the person called `name` (case aside): by its display name, else by one of
    its entities' names, else by a name an article also gave one of them (an alias) or, given
    digits, by its id. Without `kind`, a person before an
    organisation. NotFoundError when none (saying why, when the name is only ever left
    unlinked); InputError when several people go by the name."""
    asked = name.strip()
    if not asked:
        raise InputError("name", "a name is needed")
    kinds = [_check_kind(kind)] if kind else list(KINDS)
    if asked.isascii() and asked.isdigit() and len(asked) < 16:
        found = store.people.with_id(int(asked), kinds)
        if found is not None:
            return found
    for each in kinds:
        # "President Obama" as the person "Barack Obama" is known by: "Obama"
        found = store.people.named(asked, each) or store.people.named(without_titles(asked), each)
        why = None if found else _why_unlinked(store, asked, each)
        if why:
            raise NotFoundError(f"{asked!r} is not linked to one person: {why}")
        found = found or store.people.by_alias(asked, each)  # "Marsh", as an article also called Lena Marsh
        if len(found) > 1:
            raise InputError("name", f"{len(found)} people go by {asked!r}: give an id ({', '.join(map(str, found))})")
        if found:
            return found[0]
    raise NotFoundError(f"person {asked!r} not found")


def _why_unlinked(store: Store, asked: str, kind: str) -> str | None:
    """The reason most entities called `asked` are left unlinked, if any are."""
    reasons = Counter(store.people.unlinked_reasons(asked, kind))
    return _ranked(reasons, 1)[0] if reasons else None


def person_detail(store: Store, person_id: int, filters: Filters | None = None) -> PersonDetail:
    """One person in full, over the analysed articles matching `filters`. NotFoundError for an unknown id."""
    filters = filters or Filters()
    person = store.people.person(person_id)
    if person is None:
        raise NotFoundError(f"person {person_id} not found")
    linked = store.people.links(person_id, filters)
    quoted = store.people.quotes_by_article(person_id, filters)
    quotes_in = {r.article_id: r.quotes for r in quoted}
    named_in = {r.article_id: r for r in linked}
    return PersonDetail(
        id=person.id, kind=person.kind, name=person.name, names=_names(store, [person.id])[person.id],
        quotes=sum(quotes_in.values()), articles=len(named_in), outlets=len({r.outlet for r in named_in.values()}),
        links=_links(linked), by_outlet=_by_outlet(linked, quoted), months=_months(quoted), roles=_roles(linked),
        recent=[
            PersonArticle(article_id=r.article_id, title=r.title, outlet=r.outlet, published=r.published, name=r.name,
                          reason=r.reason, quotes=quotes_in.get(r.article_id, 0))
            for r in sorted(named_in.values(), key=_newest_first)[:RECENT_ARTICLES]
        ],
        unlinked=_unlinked(store, person.kind, person.match_key),
    )


def _newest_first(row: Any) -> tuple:
    return row.published is None, -(row.published or dt.date.min).toordinal(), row.article_id


def _links(linked: list) -> list[LinkReason]:
    by_reason: dict[str, Counter] = {}
    for row in linked:
        by_reason.setdefault(row.reason, Counter())[row.name] += 1
    return sorted((LinkReason(reason=reason, entities=sum(names.values()), names=_ranked(names))
                   for reason, names in by_reason.items()), key=lambda link: (-link.entities, link.reason))


def _by_outlet(linked: list, quoted: list) -> list[OutletQuotes]:
    found: dict[str, OutletQuotes] = {}
    for row in {r.article_id: r for r in linked}.values():
        found.setdefault(row.outlet, OutletQuotes(outlet=row.outlet, quotes=0, quoting=0, articles=0)).articles += 1
    for row in quoted:
        item = found.setdefault(row.outlet, OutletQuotes(outlet=row.outlet, quotes=0, quoting=0, articles=0))
        item.quotes += row.quotes
        item.quoting += 1
    return sorted(found.values(), key=lambda o: (-o.quotes, -o.articles, o.outlet.casefold()))


def _months(quoted: list) -> list[QuoteMonth]:
    found: dict[tuple[str, str], QuoteMonth] = {}
    for row in quoted:
        item = found.setdefault((row.outlet, row.month),
                                QuoteMonth(outlet=row.outlet, month=row.month, quotes=0, articles=0))
        item.quotes += row.quotes
        item.articles += 1
    return sorted(found.values(), key=lambda m: (m.outlet.casefold(), m.month))


def _roles(linked: list) -> list[OutletRoles]:
    """Per outlet, per article naming the person: framed or not, and the roles its entities are cast in."""
    by_article: dict[str, tuple[str, bool, set[str]]] = {}
    for row in linked:
        outlet, framed, roles = by_article.get(row.article_id, (row.outlet, False, set()))
        if is_framed(row.framing):
            framed = True
            role = role_of(row.framing)
            if role:
                roles.add(role)
        by_article[row.article_id] = (outlet, framed, roles)
    found: dict[str, OutletRoles] = {}
    for outlet, framed, roles in by_article.values():
        item = found.setdefault(outlet, OutletRoles(outlet=outlet, articles=0, framed=0,
                                                    roles=dict.fromkeys(ROLES, 0), no_role=0))
        item.articles += 1
        if framed:
            item.framed += 1
            item.no_role += not roles
            for role in roles:
                item.roles[role] += 1
    return sorted(found.values(), key=lambda o: o.outlet.casefold())


def _unlinked(store: Store, kind: str, match_key: str) -> list[UnlinkedName]:
    return [
        UnlinkedName(name=r.name, reason=r.reason, articles=r.articles) for r in store.people.unlinked(kind, match_key)
    ]

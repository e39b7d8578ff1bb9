"""How the corpus casts one entity: per outlet and month, in how many articles it is the
protagonist, the antagonist or an innocent, and the sentences that show it most strongly.

The entity is the one `top_entities` names: every entity of a latest analysis whose name or
one of whose aliases is the name asked for, case aside. The store finds those rows with
their article's outlet and month (store/queries/framing.py: SQL finds a superset, the name
through the index on its lower-cased form, aliases stored as JSON text by a pattern, and
the exact name test follows); the counting is done here, over one row per article
mentioning the entity, and the article texts are read only for the few sentences shown
(docs/framing.md has the figures).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from presslens.analysis import described
from presslens.analyzers.framing.reading import (
    evidence_anchor,
    evidence_spans,
    is_framed,
    role_of,
    role_score,
    sentence_around,
)
from presslens.analyzers.framing.roles import MAIN_ROLES as ROLES
from presslens.article import RESPONSE_SCHEMA_CONFIG
from presslens.errors import InputError, NotFoundError
from presslens.store import Store
from presslens.store.filters import Filters

MAX_NAMES = 20
MAX_EVIDENCE = 50
EVIDENCE_LOOKED_AT = 3  # articles read per sentence shown, at most


@dataclass
class RoleMonth:
    """How one outlet cast the entity in one month."""

    outlet: str
    month: str = described('YYYY-MM, or "undated".')
    articles: int = described("Analysed articles (latest analysis) that mention the entity.")
    framed: int = described("Of those, the articles whose analysis casts entities in roles (made with framing).")
    roles: dict[str, int] = described(
        "Of the framed articles, how many cast the entity as each role; an article naming it twice, "
        "cast differently, counts under both.")
    no_role: int = described("Framed articles in which no role is clear for the entity (named in passing).")


@dataclass
class RoleEvidence:
    """A sentence that shows the entity in one role, in one article."""

    role: str
    score: float = described("The entity's score for the role in that article, 0..1.")
    text: str = described("The sentence; plain text, escape it before showing it as HTML.")
    start: int = described("Offset of the sentence in its article's text.")
    end: int
    name: str = described("The entity as that article names it.")
    anchor: str = described('The id of the evidence on its article page: /articles/{article_id}#{anchor}.')
    article_id: str
    title: str | None
    outlet: str | None
    published: dt.date | None


@dataclass
class EntityFraming:
    """One entity's roles across the corpus."""

    __pydantic_config__ = RESPONSE_SCHEMA_CONFIG

    name: str = described("The name its articles give it most often (the one asked for may be an alias).")
    names: list[str] = described("The names and aliases it goes by in those articles, most used first.")
    types: list[str] = described("Its spaCy labels (PERSON, ORG, GPE, NORP ...), most used first.")
    articles: int = described("Analysed articles that mention it: what the figures rest on.")
    framed: int = described("Of those, the articles whose analysis casts entities in roles.")
    roles: dict[str, int] = described("Framed articles casting it as each role, over all outlets and months.")
    months: list[RoleMonth] = described("Per outlet and month, in order of outlet, then month.")
    evidence: dict[str, list[RoleEvidence]] = described(
        "Per role, the sentences showing it most strongly (highest score first), one per article.")


@dataclass
class _Article:
    """The entity in one article: every matching entity of the article's analysis, combined."""

    outlet: str
    month: str
    article_id: str
    title: str | None
    published: dt.date | None
    framed: bool = False
    roles: dict[str, tuple[float, str, Any]] = field(default_factory=dict)  # role -> (score, name, framing)


def _by_article(rows: list[Any]) -> dict[str, _Article]:
    found: dict[str, _Article] = {}
    for row in rows:
        article = found.setdefault(row.article_id, _Article(
            outlet=row.outlet, month=row.month, article_id=row.article_id, title=row.title, published=row.published))
        if not is_framed(row.framing):
            continue
        article.framed = True
        role = role_of(row.framing)
        if role is not None:
            score = role_score(row.framing, role)
            if role not in article.roles or score > article.roles[role][0]:
                article.roles[role] = (score, row.name, row.framing)
    return found


def _months(found: dict[str, _Article]) -> list[RoleMonth]:
    months: dict[tuple[str, str], RoleMonth] = {}
    for article in found.values():
        month = months.setdefault((article.outlet, article.month), RoleMonth(
            outlet=article.outlet, month=article.month, articles=0, framed=0, roles=dict.fromkeys(ROLES, 0),
            no_role=0))
        month.articles += 1
        if article.framed:
            month.framed += 1
            month.no_role += not article.roles
            for role in article.roles:
                month.roles[role] += 1
    return sorted(months.values(), key=lambda m: (m.outlet.casefold(), m.outlet, m.month))


def _evidence(store: Store, found: dict[str, _Article], per_role: int) -> dict[str, list[RoleEvidence]]:
    """Per role, the strongest `per_role` sentences, one per article; articles without usable
    evidence are passed over. Texts are read, in one statement, only for the articles that may be shown."""
    ranked = {
        role: sorted((a for a in found.values() if role in a.roles),
                     key=lambda a: (-a.roles[role][0], a.published is None, -(a.published or dt.date.min).toordinal(),
                                    a.article_id))
        for role in ROLES
    }
    # A few more than shown: room for articles whose framing has no evidence inside their text.
    looked_at = {role: chosen[:EVIDENCE_LOOKED_AT * per_role] for role, chosen in ranked.items()}
    texts = store.framing.texts({a.article_id for chosen in looked_at.values() for a in chosen})
    evidence: dict[str, list[RoleEvidence]] = {}
    for role, chosen in looked_at.items():
        shown = []
        for article in chosen:
            if len(shown) == per_role:
                break
            text = texts.get(article.article_id, "")
            score, name, framing = article.roles[role]
            spans = evidence_spans(framing, len(text))
            if spans:
                start, end = sentence_around(text, *spans[0])
                shown.append(RoleEvidence(role=role, score=score, text=text[start:end], start=start, end=end, name=name,
                                          anchor=evidence_anchor(spans[0][0]),
                                          article_id=article.article_id, title=article.title, outlet=article.outlet,
                                          published=article.published))
        evidence[role] = shown
    return evidence


def _ranked(counter: Counter, limit: int) -> list[str]:
    return [value for value, _ in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].casefold(), kv[0]))][:limit]


def entity_framing(store: Store, name: str, filters: Filters, evidence: int = 3) -> EntityFraming:
    """How the articles matching `filters` cast the entity called `name` (a name or alias,
    case aside): per outlet and month, and the `evidence` strongest sentences per role.

    NotFoundError when no stored analysis names the entity at all; with filters that leave
    none of its articles, the figures are zero."""
    asked = name.strip()
    if not asked:
        raise InputError("name", "an entity name is needed")
    if not 1 <= evidence <= MAX_EVIDENCE:
        raise InputError("evidence", f"{evidence} is not a number of sentences per role from 1 to {MAX_EVIDENCE}")
    rows = store.framing.entity_rows(asked, filters)
    if not rows and (filters == Filters() or not store.framing.entity_rows(asked, Filters())):
        raise NotFoundError(f"entity {asked!r} not found")
    found = _by_article(rows)
    names: Counter = Counter()
    full_names: Counter = Counter()
    types: Counter = Counter()
    for row in rows:
        types[row.type] += 1
        names[row.name] += 1
        full_names[row.name] += 1
        for alias in row.aliases if isinstance(row.aliases, list) else []:
            if isinstance(alias, str):
                names[alias] += 1
    months = _months(found)
    return EntityFraming(
        name=_ranked(full_names, 1)[0] if full_names else asked, names=_ranked(names, MAX_NAMES),
        types=_ranked(types, MAX_NAMES), articles=len(found),
        framed=sum(a.framed for a in found.values()),
        roles={role: sum(m.roles[role] for m in months) for role in ROLES}, months=months,
        evidence=_evidence(store, found, evidence),
    )

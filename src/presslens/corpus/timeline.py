"""The timeline: dated claims ordered by the date they refer to, not the date published.

A claim's date is the value of its first time reference of kind "date" (the claims layer
puts the one governing the claim's verb first). A value the time layer could not place
("XXXX-03" in an undated article) leaves the claim off the timeline, as does a claim
with no dated reference. Every ISO-ish value the time layer writes is read as a period
(first and last day), so a year, a quarter and a day sort together: by first day, the
wider period first ("1953" before "1953-01"), then by publication, article and offset.

The store has no column for a claim's date, and the values cannot be read portably in
SQL, so `timeline` filters in SQL (latest analysis, outlets, entity, claimant, dated
candidates), reads only the key columns of the matching claims, orders them here and
then reads the full rows of the one page asked for (docs/timeline.md has the figures).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from sqlalchemy import String, and_, cast, exists, func, literal, select, tuple_

from presslens.analysis import Analysis, ClaimKind, described
from presslens.article import RESPONSE_SCHEMA_CONFIG
from presslens.corpus.queries import (
    Filters, Page, _check_limit, _layer_base, _offset, _query_condition, _rows,
)
from presslens.store import Store
from presslens.store.filters import article_conditions, like_pattern
from presslens.store.repository import batched
from presslens.store.schema import articles, claims, entities, outlets

# Halves, quarters and seasons as TimeML writes them: (first month, months long).
_PARTS = {"H1": (1, 6), "H2": (7, 6), "Q1": (1, 3), "Q2": (4, 3), "Q3": (7, 3), "Q4": (10, 3),
          "SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}
_PART_NAMES = {"H1": "first half of {y}", "H2": "second half of {y}", "Q1": "Q1 {y}", "Q2": "Q2 {y}",
               "Q3": "Q3 {y}", "Q4": "Q4 {y}", "SP": "spring {y}", "SU": "summer {y}", "FA": "autumn {y}",
               "WI": "winter {y}/{n}"}
_VALUE = re.compile(
    r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?|-W(?P<week>\d{2})(?:-(?P<weekday>\d|WE))?"
    r"|-(?P<part>H[12]|Q[1-4]|SP|SU|FA|WI))?"
    r"|(?P<decade>\d{3})|(?P<century>\d{2})"
)


@dataclass(frozen=True)
class Period:
    """What a time value names: its first and last day, and how a reader says it."""

    first: dt.date
    last: dt.date
    label: str


@lru_cache(maxsize=65536)  # a corpus refers to far fewer distinct dates than it has claims
def period_of(value: str) -> Period | None:
    """The period an ISO 8601 / TimeML date value names ("1953", "1953-08", "198", "2019-W44",
    "2019-W44-WE", "2019-Q3", "2019-SU", ...); None for one with unknown digits ("XXXX-03")
    or any other form."""
    match = _VALUE.fullmatch(value)
    if match is None:
        return None
    try:
        return _period(match)
    except ValueError:  # a day or week the calendar does not have ("2019-02-30", "2019-W60")
        return None


def _period(m: re.Match) -> Period:
    if m["century"]:
        start = int(m["century"]) * 100
        return Period(dt.date(start, 1, 1), dt.date(start + 99, 12, 31), f"{_ordinal(start // 100 + 1)} century")
    if m["decade"]:
        start = int(m["decade"]) * 10
        return Period(dt.date(start, 1, 1), dt.date(start + 9, 12, 31), f"{start}s")
    year = int(m["year"])
    if m["day"]:
        day = dt.date(year, int(m["month"]), int(m["day"]))
        return Period(day, day, day.isoformat())
    if m["month"]:
        first = dt.date(year, int(m["month"]), 1)
        return Period(first, _months_later(first, 1) - dt.timedelta(days=1), first.strftime("%B %Y"))
    if m["week"]:
        week = int(m["week"])
        if m["weekday"] == "WE":
            return Period(dt.date.fromisocalendar(year, week, 6), dt.date.fromisocalendar(year, week, 7),
                          f"weekend of week {week}, {year}")
        if m["weekday"]:
            day = dt.date.fromisocalendar(year, week, int(m["weekday"]))
            return Period(day, day, day.isoformat())
        return Period(dt.date.fromisocalendar(year, week, 1), dt.date.fromisocalendar(year, week, 7),
                      f"week {week}, {year}")
    if m["part"]:
        month, length = _PARTS[m["part"]]
        first = dt.date(year, month, 1)
        label = _PART_NAMES[m["part"]].format(y=year, n=f"{(year + 1) % 100:02d}")
        return Period(first, _months_later(first, length) - dt.timedelta(days=1), label)
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), str(year))


def _months_later(first: dt.date, months: int) -> dt.date:
    index = first.year * 12 + first.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def claim_date(time_refs: Iterable[Any]) -> tuple[str, Period] | None:
    """The value of a claim's first time reference of kind "date" and the period it names;
    None when there is none or it cannot be placed. Takes TimeRefs or their stored dicts."""
    for ref in time_refs:
        kind, value = (ref["kind"], ref["value"]) if isinstance(ref, dict) else (ref.kind, ref.value)
        if kind == "date":
            period = period_of(value)
            return (value, period) if period else None
    return None


@dataclass
class TimelineClaim:
    """One dated claim on the timeline."""

    __pydantic_config__ = RESPONSE_SCHEMA_CONFIG

    date: str = described('The ISO value the claim refers to: its first dated time reference ("1953", "2019-Q3").')
    label: str = described('The date as a reader says it: "1953", "August 1953", "summer 2019", "1980s".')
    first_day: dt.date = described("The first day of the period the date names: the timeline's order.")
    last_day: dt.date = described("The last day of that period (the first day again for a single day).")
    text: str = described("The claim as written; escape it before showing it as HTML.")
    start: int = described("Offset of the claim in its article's text; the article page's anchor is claim-<start>.")
    end: int
    score: float = described("0..1, calibrated check-worthiness.")
    kind: ClaimKind
    claimant: str | None = described("Who makes the claim, as written; null: the outlet's own voice.")
    claimant_entity: str | None = described("The name of the entity the claimant is, or null.")
    outlet: str | None
    article_id: str
    title: str | None
    published: dt.date | None


@dataclass
class TimelinePage(Page):
    """One page of the timeline, and how many claims and articles the whole timeline holds."""

    claims: int = 0
    articles: int = 0


def _sort_key(period: Period, published: dt.date | None, article_id: str, start: int) -> tuple:
    # Wider periods first at the same first day; undated articles after dated ones.
    return (period.first, -period.last.toordinal(), published is None, published or dt.date.min, article_id, start)


def _within(period: Period, since: dt.date | None, until: dt.date | None) -> bool:
    """Whether the period reaches into [since, until]: "2019" is on a timeline since 2019-06-01."""
    return (since is None or period.last >= since) and (until is None or period.first <= until)


def analysis_timeline(analysis: Analysis) -> list[TimelineClaim]:
    """One analysed article's own dated claims, in timeline order (no store needed)."""
    article = analysis.article
    names = {e.id: e.name for e in analysis.entities}
    found = []
    for claim in analysis.claims:
        dated = claim_date(claim.time_refs)
        if dated is None:
            continue
        speaker = claim.claimant
        found.append(_item(
            dated, text=claim.text, start=claim.start, end=claim.end, score=claim.score, kind=claim.kind,
            claimant=speaker.name if speaker else None,
            claimant_entity=names.get(speaker.entity) if speaker and speaker.entity else None,
            outlet=article.outlet, article_id=article.id, title=article.title, published=article.published,
        ))
    return sort_timeline(found)


def sort_timeline(items: Iterable[TimelineClaim]) -> list[TimelineClaim]:
    """Claims in timeline order, from any number of articles."""
    return sorted(items, key=lambda c: _sort_key(Period(c.first_day, c.last_day, c.label), c.published,
                                                 c.article_id, c.start))


def _item(dated: tuple[str, Period], **fields: Any) -> TimelineClaim:
    value, period = dated
    return TimelineClaim(date=value, label=period.label, first_day=period.first, last_day=period.last, **fields)


CLAIMANT_ENTITY = entities.alias("claimant_entity")
FULL_ROWS_BATCH = 1000


def _claim_conditions(store: Store, filters: Filters, entity: str | None, claimant: str | None) -> list:
    # since/until bound the date referred to, not publication: they are applied in Python.
    conds = [*article_conditions(replace(filters, since=None, until=None)), *_query_condition(store, filters),
             # A cheap superset of "has a dated time reference"; claim_date decides exactly.
             cast(claims.c.time_refs, String).like('%"date"%')]
    if claimant:
        conds.append(func.lower(claims.c.claimant).like(like_pattern(claimant), escape="\\"))
    if entity:
        pattern = like_pattern(entity)
        # An entity of the claim's own analysis whose id is in the claim's `entities` list.
        conds.append(exists(select(literal(1)).where(
            entities.c.analysis_id == claims.c.analysis_id,
            func.lower(entities.c.name).like(pattern, escape="\\")
            | func.lower(cast(entities.c.aliases, String)).like(pattern, escape="\\"),
            cast(claims.c.entities, String).like(literal('%"') + entities.c.key + literal('"%')),
        )))
    return conds


def timeline(store: Store, filters: Filters, entity: str | None = None, claimant: str | None = None,
             limit: int = 50, cursor: str | None = None) -> TimelinePage:
    """Dated claims of the latest analyses, ordered by the date they refer to.

    `filters.since` / `filters.until` bound the date referred to (a claim whose period
    reaches into the range is on it), not the publication date; the other filters narrow
    the articles as elsewhere. `entity`: claims about an entity of their article whose
    name or alias contains the text; `claimant`: claims whose claimant contains it (case
    does not matter in either)."""
    _check_limit(limit)
    offset = _offset(cursor)
    conds = and_(True, *_claim_conditions(store, filters, entity, claimant))
    keys = (
        select(claims.c.analysis_id, claims.c.idx, claims.c.time_refs, claims.c.start,
               articles.c.id.label("article_id"), articles.c.published)
        .select_from(_layer_base(claims)).where(conds)
    )
    ordered = []  # (sort key, claim key, date, article id) of every claim on the timeline
    for row in _rows(store, keys):
        dated = claim_date(row.time_refs)
        if dated is not None and _within(dated[1], filters.since, filters.until):
            ordered.append((_sort_key(dated[1], row.published, row.article_id, row.start),
                            (row.analysis_id, row.idx), dated, row.article_id))
    ordered.sort(key=lambda entry: entry[0])
    chosen = ordered[offset:offset + limit]
    full = _full_rows(store, [key for _, key, _, _ in chosen])
    return TimelinePage(
        items=[_stored_item(dated, full[key]) for _, key, dated, _ in chosen],
        next_cursor=str(offset + limit) if len(ordered) > offset + limit else None,
        claims=len(ordered), articles=len({article_id for _, _, _, article_id in ordered}),
    )


def _full_rows(store: Store, keys: list[tuple[int, int]]) -> dict[tuple[int, int], Any]:
    """The full rows of these claims, by (analysis id, idx); read in batches, since SQLite
    caps the number of bound values in one statement."""
    columns = (claims.c.analysis_id, claims.c.idx, claims.c.text, claims.c.start, claims.c.end, claims.c.score,
               claims.c.kind, claims.c.claimant, CLAIMANT_ENTITY.c.name.label("claimant_entity"),
               outlets.c.name.label("outlet"), articles.c.id.label("article_id"), articles.c.title,
               articles.c.published)
    base = _layer_base(claims).outerjoin(CLAIMANT_ENTITY, and_(
        CLAIMANT_ENTITY.c.analysis_id == claims.c.analysis_id, CLAIMANT_ENTITY.c.key == claims.c.claimant_entity))
    found = {}
    for batch in batched(keys, FULL_ROWS_BATCH):
        stmt = select(*columns).select_from(base).where(tuple_(claims.c.analysis_id, claims.c.idx).in_(batch))
        found.update({(r.analysis_id, r.idx): r for r in _rows(store, stmt)})
    return found


def _stored_item(dated: tuple[str, Period], row: Any) -> TimelineClaim:
    return _item(dated, text=row.text, start=row.start, end=row.end, score=row.score, kind=row.kind,
                 claimant=row.claimant, claimant_entity=row.claimant_entity, outlet=row.outlet,
                 article_id=row.article_id, title=row.title, published=row.published)

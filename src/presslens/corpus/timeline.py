"""The timeline: dated claims ordered by the date they refer to, not the date published.

A claim's date is the value of its first time reference of kind "date" (the claims layer
puts the one governing the claim's verb first). A value the time layer could not place
("XXXX-03" in an undated article) leaves the claim off the timeline, as does a claim
with no dated reference. Every ISO-ish value the time layer writes is read as a period
(first and last day), so a year, a quarter and a day sort together: by first day, the
wider period first ("1953" before "1953-01"), then by publication, article and offset.

The store has no column for a claim's date, and the values cannot be read portably in
SQL, so `timeline` has the store filter in SQL (latest analysis, outlets, entity, claimant,
dated candidates) and read only the key columns of the matching claims
(store/queries/timeline.py), orders them here and then has it read the full rows of the
one page asked for (docs/timeline.md has the figures).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from presslens.analysis import Analysis, ClaimKind, described
from presslens.analyzers.timeref.periods import Period, period_of
from presslens.article import RESPONSE_SCHEMA_CONFIG
from presslens.corpus.paging import Page, check_limit, cursor_offset
from presslens.store import Store
from presslens.store.filters import Filters


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


def timeline(store: Store, filters: Filters, entity: str | None = None, claimant: str | None = None,
             limit: int = 50, cursor: str | None = None) -> TimelinePage:
    """Dated claims of the latest analyses, ordered by the date they refer to.

    `filters.since` / `filters.until` bound the date referred to (a claim whose period
    reaches into the range is on it), not the publication date; the other filters narrow
    the articles as elsewhere. `entity`: claims about an entity of their article whose
    name or alias contains the text; `claimant`: claims whose claimant contains it (case
    does not matter in either)."""
    check_limit(limit)
    offset = cursor_offset(cursor)
    return _page(store, _ordered(store, filters, entity, claimant), offset, limit)


def timeline_pages(store: Store, filters: Filters, entity: str | None = None, claimant: str | None = None,
                   first: int = 5000, limit: int = 50, cursor: str | None = None) -> tuple[TimelinePage, TimelinePage]:
    """The first `first` claims of the timeline (for a chart) and the page at `cursor`, from
    one reading of the claims: what `timeline` gives for each, at half the cost of asking twice."""
    check_limit(first)
    check_limit(limit)
    offset = cursor_offset(cursor)
    ordered = _ordered(store, filters, entity, claimant)
    return _page(store, ordered, 0, first), _page(store, ordered, offset, limit)


def _ordered(store: Store, filters: Filters, entity: str | None, claimant: str | None) -> list[tuple]:
    """(sort key, claim key, date, article id) of every claim on the timeline, in timeline order."""
    ordered = []
    for row in store.timeline.candidates(filters, entity, claimant):
        dated = claim_date(row.time_refs)
        if dated is not None and _within(dated[1], filters.since, filters.until):
            ordered.append((_sort_key(dated[1], row.published, row.article_id, row.start),
                            (row.analysis_id, row.idx), dated, row.article_id))
    ordered.sort(key=lambda entry: entry[0])
    return ordered


def _page(store: Store, ordered: list[tuple], offset: int, limit: int) -> TimelinePage:
    chosen = ordered[offset:offset + limit]
    full = store.timeline.full_rows([key for _, key, _, _ in chosen])
    return TimelinePage(
        items=[_stored_item(dated, full[key]) for _, key, dated, _ in chosen],
        next_cursor=str(offset + limit) if len(ordered) > offset + limit else None,
        claims=len(ordered), articles=len({article_id for _, _, _, article_id in ordered}),
    )


def _stored_item(dated: tuple[str, Period], row: Any) -> TimelineClaim:
    return _item(dated, text=row.text, start=row.start, end=row.end, score=row.score, kind=row.kind,
                 claimant=row.claimant, claimant_entity=row.claimant_entity, outlet=row.outlet,
                 article_id=row.article_id, title=row.title, published=row.published)

"""The timeline page's chart: dated claims on a true time axis, one lane per claimant or
outlet, drawn by the server as inline SVG.

Only geometry is computed here; the template draws it (escaped) and the stylesheet gives
the colours (no inline style under the CSP). Each mark spans the period its date names
(a day is a thin tick, a year a bar), at least MIN_MARK wide, so precision shows. Marks
are small and translucent and spread over their lane's height by a hash of the claim, so
thousands of them stay readable: where they pile up the lane darkens.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections import Counter
from dataclasses import dataclass

from presslens.corpus.timeline import TimelineClaim

WIDTH = 1000
LEFT, RIGHT, TOP = 180, 16, 8
LANE_HEIGHT, AXIS_HEIGHT = 36, 28
MARK_HEIGHT, MIN_MARK = 6, 2.0
MAX_LANES = 8
MAX_TICKS = 10
TITLE_CHARS = 120  # of the claim's text in a mark's tooltip: keeps 5,000 marks under 2 MB
DENSE = 400  # more marks than this: lighter marks
YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 500)
MONTH_STEPS = (1, 2, 3, 6)
GROUPS = ("claimant", "outlet")


@dataclass
class Mark:
    x: float
    y: float
    width: float
    lane: int
    href_id: str
    start: int
    title: str


@dataclass
class Lane:
    label: str
    y: float
    count: int
    articles: int


@dataclass
class TimelineChart:
    lanes: list[Lane]
    marks: list[Mark]
    ticks: list[tuple[float, str]]
    height: int
    dense: bool
    width: int = WIDTH
    left: int = LEFT
    right: int = WIDTH - RIGHT
    axis_y: float = 0.0
    lane_height: int = LANE_HEIGHT
    mark_height: int = MARK_HEIGHT


def group_name(claim: TimelineClaim, group: str) -> str:
    """The lane a claim goes to: its outlet, or its claimant (the outlet where the outlet speaks)."""
    outlet = claim.outlet or "(unknown outlet)"
    return outlet if group == "outlet" else claim.claimant or outlet


def timeline_chart(items: list[TimelineClaim], group: str) -> TimelineChart | None:
    """The chart of these claims (in timeline order), grouped by "claimant" or "outlet";
    None when there is nothing to draw."""
    if not items:
        return None
    counts = Counter(group_name(c, group) for c in items)
    ranked = sorted(counts, key=lambda name: (-counts[name], name.casefold()))
    lane_of = {name: n for n, name in enumerate(ranked[:MAX_LANES])}
    others = len(ranked) - len(lane_of)
    lane_names = ranked[:MAX_LANES] + ([f"{others} others"] if others else [])
    numbers = [lane_of.get(group_name(c, group), MAX_LANES) for c in items]
    lanes = [
        Lane(label=name, y=TOP + n * LANE_HEIGHT, count=numbers.count(n),
             articles=len({c.article_id for c, k in zip(items, numbers) if k == n}))
        for n, name in enumerate(lane_names)
    ]
    low, high = _range(items)
    plot = WIDTH - RIGHT - LEFT

    def x_of(day: dt.date) -> float:
        return LEFT + plot * (day.toordinal() - low.toordinal()) / (high.toordinal() - low.toordinal())

    marks = []
    room = LANE_HEIGHT - 4 - MARK_HEIGHT
    for claim, lane in zip(items, numbers):
        x = x_of(claim.first_day)
        width = max(MIN_MARK, x_of(claim.last_day + dt.timedelta(days=1)) - x)
        spread = zlib.crc32(f"{claim.article_id}:{claim.start}".encode()) % room
        who = claim.claimant or f"{claim.outlet or 'the outlet'} (own voice)"
        text = claim.text if len(claim.text) <= TITLE_CHARS else claim.text[:TITLE_CHARS - 1] + "…"
        marks.append(Mark(x=x, y=TOP + lane * LANE_HEIGHT + 2 + spread, width=width, lane=lane,
                          href_id=claim.article_id, start=claim.start,
                          title=f"{claim.label} · {who} · {claim.outlet or 'unknown outlet'}: {text}"))
    axis_y = TOP + len(lanes) * LANE_HEIGHT
    return TimelineChart(lanes=lanes, marks=marks, ticks=[(x_of(day), label) for day, label in _ticks(low, high)],
                         height=int(axis_y + AXIS_HEIGHT), dense=len(items) > DENSE, axis_y=axis_y)


def _range(items: list[TimelineClaim]) -> tuple[dt.date, dt.date]:
    """The days the axis spans: every claim's period, with a margin, at least two months."""
    low = min(c.first_day for c in items)
    high = max(c.last_day for c in items) + dt.timedelta(days=1)
    margin = max(dt.timedelta(days=30), (high - low) / 40)
    low, high = low - margin, high + margin
    return max(low, dt.date.min + dt.timedelta(days=1)), min(high, dt.date.max)


def _ticks(low: dt.date, high: dt.date) -> list[tuple[dt.date, str]]:
    """Year ticks every 1, 2, 5, 10, ... years, or month ticks for a short span: at most MAX_TICKS."""
    years = (high - low).days / 365.25
    if years >= 3:
        step = next((s for s in YEAR_STEPS if years / s <= MAX_TICKS), YEAR_STEPS[-1])
        first = -(-low.year // step) * step
        return [
            (dt.date(y, 1, 1), str(y)) for y in range(first, high.year + 1, step) if low <= dt.date(y, 1, 1) <= high
        ]
    months = years * 12
    step = next((s for s in MONTH_STEPS if months / s <= MAX_TICKS), 12)
    ticks = []
    index = low.year * 12 + low.month  # the month after low's: its first day is inside the range
    while True:
        day = dt.date(index // 12, index % 12 + 1, 1)
        if day > high:
            return ticks
        if (day.month - 1) % step == 0:
            ticks.append((day, day.strftime("%b %Y")))
        index += 1

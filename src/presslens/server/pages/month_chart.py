"""The home page's chart: articles per month as bars on a true time axis (a month without
articles is an empty slot), drawn by the server as inline SVG. The upper panel shows all
articles with the analysed share of each bar darker; the lower one the analysed articles
on a scale of their own, since a few hundred analysed beside thousands stored would not show.

Only geometry is computed here; the template draws it (escaped) and the stylesheet gives
the colours. Real corpora carry a few impossible dates (year 1, a month decades ahead):
the chart leaves out the thinnest ends, at most OUTLIER_SHARE of the dated articles, and
says how many it left out; the table under it lists every month.
"""

from __future__ import annotations

from dataclasses import dataclass

from presslens.corpus import MonthCount
from presslens.store.filters import UNDATED

WIDTH, HEIGHT = 720, 270
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 10, 24
UPPER_BOTTOM, LOWER_TOP = 160, 182  # the upper panel ends, the lower one starts
OUTLIER_SHARE = 0.001
MAX_MONTHS = 240  # a longer span is drawn one bar per year


@dataclass
class Bar:
    x: float
    width: float
    label: str  # "2019-03", or "2019" when bars are years
    articles: int
    analysed: int
    total_y: float
    analysed_y: float  # in the upper panel, on the scale of all articles
    lower_y: float  # in the lower panel, on the analysed articles' own scale


@dataclass
class MonthChart:
    bars: list[Bar]
    x_ticks: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    lower_ticks: list[tuple[float, str]]
    unit: str  # "month" or "year"
    first: str
    last: str
    left_out: int  # dated articles outside first..last
    undated: int
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    upper_bottom: int = UPPER_BOTTOM
    lower_top: int = LOWER_TOP
    bottom: int = HEIGHT - BOTTOM


def month_chart(months: list[MonthCount]) -> MonthChart | None:
    """The chart of `months` (as `corpus_overview` gives them), or None when no article is dated."""
    undated = sum(m.articles for m in months if m.month == UNDATED)
    dated = sorted((m for m in months if m.month != UNDATED), key=lambda m: m.month)
    kept = _without_thin_ends(dated)
    if not kept:
        return None
    left_out = sum(m.articles for m in dated) - sum(m.articles for m in kept)
    first, last = _index(kept[0].month), _index(kept[-1].month)
    unit = "month" if last - first < MAX_MONTHS else "year"
    counts: dict[int, list[int]] = {}
    for m in kept:
        slot = _index(m.month) - first if unit == "month" else int(m.month[:4]) - first // 12
        counts.setdefault(slot, [0, 0])
        counts[slot][0] += m.articles
        counts[slot][1] += m.analysed
    slots = (last - first + 1) if unit == "month" else (last // 12 - first // 12 + 1)
    top = _nice_ceiling(max(total for total, _ in counts.values()))
    lower_top = _nice_ceiling(max(done for _, done in counts.values()))
    plot_w = WIDTH - LEFT - RIGHT
    step = plot_w / slots

    def y_of(value: int | float) -> float:
        return UPPER_BOTTOM - (UPPER_BOTTOM - TOP) * value / top

    def lower_y_of(value: int | float) -> float:
        return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - LOWER_TOP) * value / lower_top

    def label_of(slot: int) -> str:
        if unit == "year":
            return str(first // 12 + slot)
        year, month = divmod(first + slot, 12)
        return f"{year:04d}-{month + 1:02d}"

    bars = [
        Bar(x=LEFT + slot * step, width=max(step - 1, 1.0), label=label_of(slot), articles=total, analysed=done,
            total_y=y_of(total), analysed_y=y_of(done), lower_y=lower_y_of(done))
        for slot, (total, done) in sorted(counts.items())
    ]
    return MonthChart(
        bars=bars, x_ticks=_x_ticks(first, slots, unit, step),
        y_ticks=[(y_of(top * f), f"{top * f:,.0f}") for f in (0, 0.5, 1)],
        lower_ticks=[(lower_y_of(lower_top * f), f"{lower_top * f:,.0f}") for f in (0, 1)],
        unit=unit, first=label_of(0), last=label_of(slots - 1), left_out=left_out, undated=undated,
    )


def _without_thin_ends(dated: list[MonthCount]) -> list[MonthCount]:
    """`dated` less its first and last months while what they hold stays within OUTLIER_SHARE."""
    allowance = int(OUTLIER_SHARE * sum(m.articles for m in dated))
    start, end, dropped = 0, len(dated), 0
    while start < end and dropped + dated[start].articles <= allowance:
        dropped += dated[start].articles
        start += 1
    while end > start and dropped + dated[end - 1].articles <= allowance:
        dropped += dated[end - 1].articles
        end -= 1
    return dated[start:end]


def _index(month: str) -> int:
    """'YYYY-MM' as a month count from year 0, so months subtract."""
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def _x_ticks(first: int, slots: int, unit: str, step: float) -> list[tuple[float, str]]:
    """Ticks at the start of a year (every few years on a long span), at most about eight."""
    if unit == "year":
        every = max(1, -(-slots // 8))
        return [(LEFT + (s + 0.5) * step, str(first // 12 + s)) for s in range(0, slots, every)]
    years = [s for s in range(slots) if (first + s) % 12 == 0] or [0]
    every = max(1, -(-len(years) // 8))
    return [(LEFT + s * step, str((first + s) // 12)) for s in years[::every]]


def _nice_ceiling(value: int) -> int:
    """The next of 1, 2, 3, 4, 5, 6, 8 x 10^n at or above value, so axis labels stay round."""
    scale = 1
    while scale * 10 < value:
        scale *= 10
    for factor in (1, 2, 3, 4, 5, 6, 8, 10):
        if scale * factor >= value:
            return scale * factor
    return value

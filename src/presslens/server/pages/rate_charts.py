"""Small server-drawn SVG line charts of a figure per outlet and month, one line per
outlet: technique rates (one chart per technique, for the outlet and compare pages) and a
person's quotes (the person page), so every page draws time the same way.

Months sit on a true time axis (x proportional to the date, so missing years show as a
gap). A line joins only months that each rest on at least MIN_ARTICLES analysed articles
and lie at most MAX_GAP_MONTHS apart; any other point stands alone, hollow when it rests
on too few articles to be read as a trend.

Only geometry is computed here; the template draws it (escaped), and the styles come
from the app's stylesheet (no inline style under the CSP).
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass, field

from presslens.corpus import OutletMonth
from presslens.server.pages.techniques import technique_name

WIDTH, HEIGHT = 480, 190
LEFT, RIGHT, TOP, BOTTOM = 40, 22, 10, 26  # room for the y labels, and a centred x label at each end
MAX_SERIES = 5
MIN_ARTICLES = 5  # a month resting on fewer analysed articles is drawn hollow, outside any line
MAX_GAP_MONTHS = 2  # months 2 apart (one missing between) are joined; 3 or more apart break the line
MAX_MONTH_TICKS, MAX_YEAR_TICKS = 5, 7  # "Jan 2024" is wider than "2024"
TICK_STEPS = (1, 2, 3, 6, 12, 24, 60, 120, 240)  # months between x ticks


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    month: str  # YYYY-MM
    value: float  # the charted figure: spans per 1,000 words, quotes, ...
    articles: int  # articles the value rests on

    @property
    def thin(self) -> bool:
        return self.articles < MIN_ARTICLES

    @property
    def month_name(self) -> str:
        """'March 2024': the month as people write it, for the point's hover text."""
        year, month = self.month.split("-")
        return f"{calendar.month_name[int(month)]} {year}"


@dataclass
class Series:
    outlet: str
    css: str
    points: list[Point] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # SVG polyline points, one per unbroken run of 2+ points


@dataclass(frozen=True)
class MonthValue:
    """One outlet's figure for one month, and how many articles it rests on."""

    outlet: str
    month: str  # YYYY-MM
    value: float
    articles: int


@dataclass
class RateChart:
    label: str
    title: str
    articles: int  # dated articles behind the chart, all its outlets together
    unit: str  # what a value measures, for the caption: "spans per 1,000 words", "quotes a month"
    basis: str  # the articles a value rests on, singular: "analysed article"
    noun: str  # a count's thing, singular ("quote"), for the hover text; "" for a rate, which says its unit
    y_ticks: list[tuple[float, str]]
    x_ticks: list[tuple[float, str]]
    series: list[Series]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    top: int = TOP
    min_articles: int = MIN_ARTICLES
    max_gap: int = MAX_GAP_MONTHS
    bottom: float = HEIGHT - BOTTOM
    right: float = WIDTH - RIGHT


def rate_charts(stats: Sequence[OutletMonth], outlets: list[str]) -> list[RateChart]:
    """Charts for every technique seen in `stats` (OutletMonth rows) of the first
    MAX_SERIES `outlets`, busiest technique first. Undated rows are left out."""
    charted = outlets[:MAX_SERIES]
    rows = [row for row in stats if row.outlet in charted and _is_month(row.month)]
    if not rows:
        return []
    totals: dict[str, float] = {}
    for row in rows:
        for label, rate in row.technique_rates.items():
            totals[label] = totals.get(label, 0.0) + rate
    labels = sorted((label for label, total in totals.items() if total > 0), key=lambda label: (-totals[label], label))
    axis = _axis(rows)
    articles = sum(row.articles for row in rows)
    return [
        _chart(label, technique_name(label), "spans per 1,000 words", "analysed article", "", charted, axis, articles,
               [MonthValue(r.outlet, r.month, r.technique_rates.get(label, 0.0), r.articles) for r in rows])
        for label in labels
    ]


def count_chart(title: str, noun: str, basis: str, values: Sequence[MonthValue], articles: int) -> RateChart | None:
    """One chart of a count of `noun`s (singular: "quote") per month, a line for each of the
    MAX_SERIES outlets with the largest total; None when no value is dated. `articles` is how
    many articles the whole chart rests on."""
    dated = [v for v in values if _is_month(v.month)]
    if not dated:
        return None
    totals: dict[str, float] = {}
    for v in dated:
        totals[v.outlet] = totals.get(v.outlet, 0.0) + v.value
    outlets = sorted(totals, key=lambda o: (-totals[o], o))[:MAX_SERIES]
    charted = [v for v in dated if v.outlet in outlets]
    return _chart(title, title, f"{noun}s a month", basis, noun, outlets, _axis(charted), articles, charted)


def _axis(rows: Sequence[OutletMonth | MonthValue]) -> TimeAxis:
    return TimeAxis.around(min(month_index(r.month) for r in rows), max(month_index(r.month) for r in rows))


def techniques_seen(stats: Sequence[OutletMonth]) -> list[tuple[str, str]]:
    """(label, name as people write it) of every technique with a span in `stats`, by name:
    the columns of the figures table, undated months included."""
    labels = {label for row in stats for label, rate in row.technique_rates.items() if rate > 0}
    return sorted(((label, technique_name(label)) for label in labels), key=lambda pair: pair[1])


def month_index(month: str) -> int:
    """Months since year 0 of a 'YYYY-MM' string: equal steps for equal spans of time."""
    year, number = month.split("-")
    return int(year) * 12 + int(number) - 1


def _is_month(month: str) -> bool:
    year, _, number = month.partition("-")
    return year.isdigit() and number.isdigit()


@dataclass(frozen=True)
class TimeAxis:
    """x of a month: each month a band of equal width, the point in its middle."""

    first: int  # month_index of the earliest month shown
    last: int

    @classmethod
    def around(cls, first: int, last: int) -> TimeAxis:
        """The axis over these months; when its ticks are years, widened to whole
        calendar years, so that the first year is labelled and no year is cut."""
        axis = cls(first, last)
        if axis.step() >= 12:
            axis = cls(first - first % 12, last + 11 - last % 12)
        return axis

    def step(self) -> int:
        """Months between ticks: the smallest of TICK_STEPS that gives few enough ticks."""
        return next((step for step in TICK_STEPS
                     if len(self._starts(step)) <= (MAX_YEAR_TICKS if step >= 12 else MAX_MONTH_TICKS)),
                    TICK_STEPS[-1])

    def _starts(self, step: int) -> list[int]:
        # The month after the last closes the axis, so its start can carry a tick.
        return [m for m in range(self.first, self.last + 2) if _on_step(m, step)]

    def x(self, index: float) -> float:
        plot_w = WIDTH - LEFT - RIGHT
        return LEFT + plot_w * (index - self.first + 0.5) / (self.last - self.first + 1)

    def ticks(self) -> list[tuple[float, str]]:
        """Ticks at the start of months: whole years (a label like '2019') when the span
        is long, else months ('Jan 2024', 'Apr', ...)."""
        step = self.step()
        chosen = self._starts(step)
        labels = []
        for n, m in enumerate(chosen):
            year, month = divmod(m, 12)
            if step >= 12:
                labels.append(str(year))
            else:
                name = calendar.month_abbr[month + 1]
                labels.append(f"{name} {year}" if month == 0 or n == 0 else name)
        return [(self.x(m - 0.5), label) for m, label in zip(chosen, labels)]


def _on_step(index: int, step: int) -> bool:
    year, month = divmod(index, 12)
    if step < 12:
        return month % step == 0
    return month == 0 and year % (step // 12) == 0


def _chart(label: str, title: str, unit: str, basis: str, noun: str, outlets: list[str], axis: TimeAxis,
           articles: int, values: list[MonthValue]) -> RateChart:
    top = _nice_ceiling(max((v.value for v in values), default=0.0) or 1.0)
    plot_h = HEIGHT - TOP - BOTTOM

    def y_of(value: float) -> float:
        return TOP + plot_h * (1 - value / top)

    series = []
    for number, outlet in enumerate(outlets):
        line = Series(outlet=outlet, css=f"s-{number}")
        for v in sorted((v for v in values if v.outlet == outlet), key=lambda v: v.month):
            line.points.append(Point(axis.x(month_index(v.month)), y_of(v.value), v.month, v.value, v.articles))
        line.lines = [" ".join(f"{p.x:.1f},{p.y:.1f}" for p in run) for run in _runs(line.points) if len(run) > 1]
        series.append(line)
    # A count has no half-way tick between 0 and 1 (or 2 and 5).
    y_ticks = [(y_of(top * f), f"{top * f:g}") for f in (0, 0.5, 1) if not noun or (top * f).is_integer()]
    return RateChart(label=label, title=title, articles=articles, unit=unit, basis=basis, noun=noun,
                     y_ticks=y_ticks, x_ticks=axis.ticks(), series=series)


def _runs(points: list[Point]) -> list[list[Point]]:
    """The points a line may join, in runs broken at thin points and long gaps."""
    runs: list[list[Point]] = [[]]
    for point in points:
        if point.thin:
            runs.append([])
            continue
        if runs[-1] and month_index(point.month) - month_index(runs[-1][-1].month) > MAX_GAP_MONTHS:
            runs.append([])
        runs[-1].append(point)
    return [run for run in runs if run]


def _nice_ceiling(value: float) -> float:
    """The next of 1, 2, 5 x 10^n at or above value, so axis labels stay short."""
    scale = 1.0
    while scale * 10 < value:
        scale *= 10
    while scale > value and scale > 1e-6:
        scale /= 10
    for factor in (1, 2, 5, 10):
        if scale * factor >= value:
            return round(scale * factor, 6)
    return value

"""Small server-drawn SVG line charts of technique rates per month, one chart per
technique and one line per outlet, so an outlet page and a comparison share one look.

Only geometry is computed here; the template draws it (escaped), and the styles come
from the app's stylesheet (no inline style under the CSP).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from presslens.server.pages.techniques import technique_name

WIDTH, HEIGHT = 320, 150
LEFT, RIGHT, TOP, BOTTOM = 40, 26, 10, 24  # room for a centred month label at each end
MAX_SERIES = 5


@dataclass
class Series:
    outlet: str
    css: str
    points: list[tuple[float, float, str, float]] = field(default_factory=list)  # x, y, month, value

    @property
    def polyline(self) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y, _, _ in self.points)


@dataclass
class RateChart:
    label: str
    title: str
    y_ticks: list[tuple[float, str]]
    x_ticks: list[tuple[float, str]]
    series: list[Series]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    bottom: float = HEIGHT - BOTTOM
    right: float = WIDTH - RIGHT


def rate_charts(stats, outlets: list[str]) -> list[RateChart]:
    """Charts for every technique seen in `stats` (OutletMonth rows), busiest first."""
    months = sorted({row.month for row in stats})
    if not months:
        return []
    totals: dict[str, float] = {}
    for row in stats:
        for label, rate in row.technique_rates.items():
            totals[label] = totals.get(label, 0.0) + rate
    labels = sorted((label for label, total in totals.items() if total > 0), key=lambda l: (-totals[l], l))
    return [_chart(label, stats, outlets[:MAX_SERIES], months) for label in labels]


def _chart(label: str, stats, outlets: list[str], months: list[str]) -> RateChart:
    top = max((row.technique_rates.get(label, 0.0) for row in stats), default=0.0) or 1.0
    top = _nice_ceiling(top)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x_of(month: str) -> float:
        return LEFT + (plot_w * months.index(month) / (len(months) - 1) if len(months) > 1 else plot_w / 2)

    def y_of(value: float) -> float:
        return TOP + plot_h * (1 - value / top)

    series = []
    for number, outlet in enumerate(outlets):
        rows = sorted((r for r in stats if r.outlet == outlet), key=lambda r: r.month)
        line = Series(outlet=outlet, css=f"s-{number}")
        for row in rows:
            value = row.technique_rates.get(label, 0.0)
            line.points.append((x_of(row.month), y_of(value), row.month, value))
        series.append(line)
    step = max(1, len(months) // 4)
    x_ticks = [(x_of(m), m) for m in months[::step]]
    y_ticks = [(y_of(top * f), f"{top * f:g}") for f in (0, 0.5, 1)]
    return RateChart(label=label, title=technique_name(label), y_ticks=y_ticks, x_ticks=x_ticks, series=series)


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

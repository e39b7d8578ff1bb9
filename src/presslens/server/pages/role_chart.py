"""The entity page's chart: per outlet (a row each) and month (a column each), one bar
splitting the framed articles of that month by the role they cast the entity in, drawn by
the server as inline SVG.

Bars show shares, so outlets of any size compare; each bar's count is written under it and
in its tooltip. Only geometry is computed here; the template draws it (escaped) and the
stylesheet gives each role its colour and pattern (no inline style under the CSP).
"""

from __future__ import annotations

from dataclasses import dataclass

from presslens.analyzers.framing.roles import MAIN_ROLES as ROLES
from presslens.corpus.framing import EntityFraming

WIDTH = 1000
LEFT, RIGHT, TOP = 180, 16, 8
ROW_HEIGHT, BAR_HEIGHT, AXIS_HEIGHT = 48, 30, 24
MAX_ROWS = 8
MAX_BAR = 48
MAX_TICKS = 12
MIN_COUNTED_COLUMN = 36  # narrower months leave their counts to the tooltips and the table
ROLE_CSS = {"Protagonist": "role-protagonist", "Antagonist": "role-antagonist", "Innocent": "role-innocent"}
NO_ROLE_CSS = "role-none"


@dataclass
class Piece:
    x: float
    y: float
    width: float
    height: float
    css: str
    title: str


@dataclass
class Row:
    label: str
    y: float
    articles: int


@dataclass
class RoleChart:
    rows: list[Row]
    pieces: list[Piece]
    counts: list[tuple[float, float, str]]  # x, y and the "framed/articles" under a bar
    ticks: list[tuple[float, str]]
    height: int
    others: int  # outlets left out of the chart (the table has them)
    width: int = WIDTH
    left: int = LEFT
    right: int = WIDTH - RIGHT
    axis_y: float = 0.0
    bar_height: int = BAR_HEIGHT


def role_chart(framing: EntityFraming) -> RoleChart | None:
    """The chart of the entity's months, the MAX_ROWS outlets with most articles; None when no month has an article."""
    if not framing.months:
        return None
    totals: dict[str, int] = {}
    for month in framing.months:
        totals[month.outlet] = totals.get(month.outlet, 0) + month.articles
    outlets = sorted(totals, key=lambda o: (-totals[o], o.casefold(), o))[:MAX_ROWS]
    months = sorted({m.month for m in framing.months})
    column = (WIDTH - RIGHT - LEFT) / len(months)
    bar = min(MAX_BAR, column * 0.7)
    rows, pieces, counts = [], [], []
    for number, outlet in enumerate(outlets):
        top = TOP + number * ROW_HEIGHT
        rows.append(Row(label=outlet, y=top, articles=totals[outlet]))
        for month in (m for m in framing.months if m.outlet == outlet):
            x = LEFT + column * months.index(month.month) + (column - bar) / 2
            parts = [(ROLE_CSS[role], month.roles[role], role) for role in ROLES] + [
                (NO_ROLE_CSS, month.no_role, "no clear role")]
            whole = sum(count for _, count, _ in parts)
            y = top
            for css, count, role in parts:
                if count:
                    height = BAR_HEIGHT * count / whole
                    pieces.append(Piece(x=x, y=y, width=bar, height=height, css=css,
                                        title=f"{outlet}, {month.month}: {count} of {month.framed} framed articles "
                                              f"cast it as {role}"))
                    y += height
            if column >= MIN_COUNTED_COLUMN:
                counts.append((x + bar / 2, top + BAR_HEIGHT + 11, f"{month.framed}/{month.articles}"))
    step = -(-len(months) // MAX_TICKS)
    axis_y = TOP + len(rows) * ROW_HEIGHT
    ticks = [(LEFT + column * (i + 0.5), m) for i, m in enumerate(months) if i % step == 0]
    return RoleChart(rows=rows, pieces=pieces, counts=counts, ticks=ticks, height=int(axis_y + AXIS_HEIGHT),
                     others=len(totals) - len(outlets), axis_y=axis_y)

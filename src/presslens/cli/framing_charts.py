"""The chart of one entity's framing: per outlet, the articles of each month that cast it as
protagonist, antagonist or innocent, as stacked bars; written as PNG, SVG and an HTML page.

Each role has a colour from the Okabe-Ito palette and a hatching of its own, so the roles
stay apart in grey print and for colour-blind readers; the HTML page escapes every name and
sentence it prints, and embeds the SVG inline (no script, no CDN).
"""

from __future__ import annotations

import html
from pathlib import Path

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from presslens.analyzers.framing.roles import MAIN_ROLES as ROLES
from presslens.cli.charts import html_page, svg_text, write_png, write_svg
from presslens.corpus.framing import EntityFraming

ROLE_COLOURS = {"Protagonist": "#0072B2", "Antagonist": "#D55E00", "Innocent": "#009E73"}
ROLE_HATCHES = {"Protagonist": "//", "Antagonist": "xx", "Innocent": ".."}
NO_ROLE_COLOUR = "#BBBBBB"
MAX_PANELS = 8


def framing_chart(framing: EntityFraming) -> Figure:
    """One panel per outlet (the MAX_PANELS with most articles), months across, a bar per
    month stacking the framed articles by role, and those with no clear role on top."""
    totals: dict[str, int] = {}
    for row in framing.months:
        totals[row.outlet] = totals.get(row.outlet, 0) + row.articles
    outlets = sorted(totals, key=lambda o: (-totals[o], o))[:MAX_PANELS]
    months = sorted({row.month for row in framing.months})
    figure = Figure(figsize=(9, 1.2 + 2.2 * max(1, len(outlets))), layout="constrained")
    panels = figure.subplots(max(1, len(outlets)), 1, squeeze=False)[:, 0]
    for axes, outlet in zip(panels, outlets):
        rows = {row.month: row for row in framing.months if row.outlet == outlet}
        base = [0] * len(months)
        for role in (*ROLES, None):
            heights = [(rows[m].roles[role] if role else rows[m].no_role) if m in rows else 0 for m in months]
            axes.bar(range(len(months)), heights, bottom=base, label=role or "no clear role",
                     color=ROLE_COLOURS.get(role, NO_ROLE_COLOUR), hatch=ROLE_HATCHES.get(role), edgecolor="white")
            base = [b + h for b, h in zip(base, heights)]
        axes.set_title(_plain(outlet), loc="left", fontsize="medium")
        axes.set_ylabel("articles")
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_xticks(range(len(months)), months, rotation=45, ha="right", fontsize="small")
    panels[0].legend(fontsize="small", loc="upper right")
    figure.suptitle(_plain(f"{framing.name}: roles by outlet and month ({framing.framed} framed articles)"))
    return figure


def _plain(label: str) -> str:
    """A name as matplotlib should print it: a "$" in it would start mathtext."""
    return label.replace("$", r"\$")


def framing_html(framing: EntityFraming) -> str:
    """One HTML page: the chart inline as SVG, the figures as a table and the evidence sentences, all text escaped."""
    esc = html.escape
    rows = "\n".join(
        f"<tr><td>{esc(m.outlet)}</td><td>{esc(m.month)}</td><td>{m.articles}</td><td>{m.framed}</td>"
        + "".join(f"<td>{m.roles[role]}</td>" for role in ROLES) + f"<td>{m.no_role}</td></tr>"
        for m in framing.months
    )
    evidence = "\n".join(
        f"<h2>{esc(role)}</h2><ol>"
        + "".join(f"<li>{esc(e.text)} <small>({esc(e.outlet or 'unknown outlet')}, article {esc(e.article_id)}, "
                  f"score {e.score:.2f})</small></li>" for e in framing.evidence.get(role, []))
        + "</ol>"
        for role in ROLES if framing.evidence.get(role)
    )
    title = f"presslens: how outlets cast {framing.name}"
    return html_page(title, (
        f"<p>Goes by: {esc(', '.join(framing.names))}. {framing.articles} analysed articles mention it; "
        f"{framing.framed} of them were analysed with framing.</p>"
        f"<figure>{svg_text(framing_chart(framing))}</figure>"
        "<table><thead><tr><th>Outlet</th><th>Month</th><th>Articles</th><th>Framed</th>"
        + "".join(f"<th>{role}</th>" for role in ROLES) + "<th>No clear role</th></tr></thead>"
        f"<tbody>\n{rows}\n</tbody></table>\n{evidence}"
    ))


def write_framing_charts(framing: EntityFraming, folder: Path) -> list[Path]:
    """framing.png, framing.svg and framing.html in `folder` (created if missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    figure = framing_chart(framing)
    page = folder / "framing.html"
    page.write_text(framing_html(framing), encoding="utf-8")
    return [write_png(figure, folder / "framing.png"), write_svg(figure, folder / "framing.svg"), page]

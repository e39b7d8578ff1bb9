"""Charts of outlet statistics: matplotlib figures written as PNG, SVG and a self-contained HTML page.

The HTML page embeds the SVG inline (no script, no CDN) and escapes every outlet name and
technique label it prints; the SVG keeps text as text, which matplotlib escapes as XML.
"""

from __future__ import annotations

import html
import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402

from presslens.analyzers.techniques.names import technique_name  # noqa: E402
from presslens.corpus import OutletMonth  # noqa: E402

SVG_STYLE = {"svg.fonttype": "none", "svg.hashsalt": "presslens"}


def _total_rate(group: OutletMonth, technique: str | None) -> float:
    if technique:
        return group.technique_rates.get(technique, 0.0)
    return sum(group.technique_rates.values())


def rates_chart(stats: list[OutletMonth], technique: str | None = None) -> Figure:
    """Technique spans per 1,000 words by month, one line per outlet (all techniques, or one)."""
    figure = Figure(figsize=(9, 4.5), layout="constrained")
    axes = figure.subplots()
    months = sorted({g.month for g in stats})
    for outlet in sorted({g.outlet for g in stats}):
        by_month = {g.month: _total_rate(g, technique) for g in stats if g.outlet == outlet}
        xs = [i for i, m in enumerate(months) if m in by_month]
        axes.plot(xs, [by_month[months[i]] for i in xs], marker="o", label=outlet)
    axes.set_xticks(range(len(months)), months, rotation=45, ha="right")
    axes.set_ylabel("spans per 1,000 words")
    axes.set_title(f"{technique_name(technique) if technique else 'All techniques'}: rate by outlet and month")
    if stats:
        axes.legend(fontsize="small")
    return figure


def shares_chart(stats: list[OutletMonth]) -> Figure:
    """Share of articles with each technique, per outlet over all its months."""
    figure = Figure(figsize=(9, 5), layout="constrained")
    axes = figure.subplots()
    outlets = sorted({g.outlet for g in stats})
    techniques = sorted({t for g in stats for t in g.technique_shares})
    width = 0.8 / max(1, len(outlets))
    for k, outlet in enumerate(outlets):
        groups = [g for g in stats if g.outlet == outlet]
        total = sum(g.articles for g in groups)
        shares = [sum(g.technique_shares.get(t, 0.0) * g.articles for g in groups) / total if total else 0.0
                  for t in techniques]
        axes.barh([i + k * width for i in range(len(techniques))], shares, height=width, label=outlet)
    axes.set_yticks([i + 0.4 - width / 2 for i in range(len(techniques))], [technique_name(t) for t in techniques],
                    fontsize="small")
    axes.set_xlabel("share of articles with the technique")
    if outlets:
        axes.legend(fontsize="small")
    return figure


def write_png(figure: Figure, path: Path) -> Path:
    figure.savefig(path, format="png", dpi=110)
    return path


def svg_text(figure: Figure) -> str:
    """The figure as an SVG document string, text kept as escaped text."""
    buffer = io.StringIO()
    with matplotlib.rc_context(SVG_STYLE):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):]


def write_svg(figure: Figure, path: Path) -> Path:
    path.write_text(svg_text(figure), encoding="utf-8")
    return path


def html_page(title: str, body: str) -> str:
    """A standalone HTML page around `body` (already escaped), with the title escaped."""
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title>"
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}</style></head><body>"
        f"<h1>{html.escape(title)}</h1>{body}</body></html>\n"
    )


def stats_html(stats: list[OutletMonth], title: str = "presslens: outlet comparison") -> str:
    """One HTML page: both charts inline as SVG and the table of figures, all text escaped."""
    esc = html.escape
    rows = "\n".join(
        f"<tr><td>{esc(g.outlet)}</td><td>{esc(g.month)}</td><td>{g.articles}</td><td>{g.words}</td>"
        f"<td>{sum(g.technique_rates.values()):.2f}</td>"
        f"<td>{esc(', '.join(f'{technique_name(t)} {r:.2f}' for t, r in g.technique_rates.items()))}</td></tr>"
        for g in stats
    )
    return html_page(title, (
        f"<figure>{svg_text(rates_chart(stats))}</figure>"
        f"<figure>{svg_text(shares_chart(stats))}</figure>"
        "<table><thead><tr><th>Outlet</th><th>Month</th><th>Articles</th><th>Words</th>"
        "<th>Spans per 1,000 words</th><th>By technique</th></tr></thead>"
        f"<tbody>\n{rows}\n</tbody></table>"
    ))


def write_charts(stats: list[OutletMonth], folder: Path) -> list[Path]:
    """rates.png, rates.svg, shares.png and stats.html in `folder` (created if missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    rates, shares = rates_chart(stats), shares_chart(stats)
    written = [write_png(rates, folder / "rates.png"), write_svg(rates, folder / "rates.svg"),
               write_png(shares, folder / "shares.png")]
    page = folder / "stats.html"
    page.write_text(stats_html(stats), encoding="utf-8")
    return written + [page]

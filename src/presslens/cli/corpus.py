"""CLI commands over the corpus store: ingest, process, search, stats, compare, export, prune.

Each command opens the store, calls one library function and prints its result with
Rich; a PresslensError becomes a one-line message and a non-zero exit. Article text
is printed as Rich Text objects, never parsed as markup.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from presslens.analyzers.framing.roles import MAIN_ROLES as ROLES
from presslens.analyzers.techniques.names import technique_name
from presslens.cli import exit_codes
from presslens.cli.dropped import DATE_ORDER, DateOrderChoice, dropped_fields_shown
from presslens.cli.progress import progress_bar
from presslens.corpus import (
    EntityFraming,
    combine_months,
    entity_framing,
    outlet_stats,
    top_entities,
    top_speakers,
)
from presslens.corpus import (
    search as search_corpus,
)
from presslens.edge import counted, exit_on_error, find_outlet, query_filters, stored_export
from presslens.engines import process as run_process
from presslens.errors import InputError
from presslens.pipeline_version import PIPELINE_VERSION
from presslens.store import open_store

ERRORS_SHOWN = 20

DB = typer.Option(None, "--db", help="Store URL (default: PRESSLENS_DB, else sqlite:///presslens.db).")
OUTLET = typer.Option(None, "--outlet", help="Only this outlet (repeat for several).")
SINCE = typer.Option(None, "--since", help="Only articles published on or after YYYY-MM-DD.")
UNTIL = typer.Option(None, "--until", help="Only articles published on or before YYYY-MM-DD.")
TECHNIQUE = typer.Option(None, "--technique", help="Only articles using this technique (PTC label).")
SPEAKER = typer.Option(None, "--speaker", help="Only articles quoting a speaker of this name.")
ENTITY = typer.Option(None, "--entity", help="Only articles naming an entity of this name.")
QUERY = typer.Option(None, "--query", "-q", help="Only articles matching this full-text query.")
# The library's names for the values these flags carry, for its input errors.
FILTER_FLAGS = {"since": "--since", "until": "--until"}


def _date_text(value: date | None) -> str:
    return value.isoformat() if value else "undated"


def register(app: typer.Typer) -> None:
    """Adds the corpus commands to the main app."""
    for command in (ingest, process, search, stats, compare, export, prune):
        app.command()(command)


def ingest(
    sources: list[str] = typer.Argument(..., help="Files, folders (recursive) or - for stdin; any supported format."),
    db: str = DB,
    batch_size: int = typer.Option(1000, "--batch-size", help="Articles per transaction."),
    date_order: DateOrderChoice | None = DATE_ORDER,
) -> None:
    """Store articles in the corpus, each once: reruns and duplicates add nothing.

    A bad record is reported with its file and line, skipped and counted; exit status
    3 when any was skipped, 1 when nothing could be read. A record whose date cannot be read is stored without it,
    with a `warning:` line.
    """
    from presslens.corpus.ingest import ingest as run_ingest  # deferred: the readers load trafilatura

    stderr = Console(stderr=True)
    if batch_size < 1:
        typer.echo("error: --batch-size: must be at least 1", err=True)
        raise typer.Exit(1)
    with exit_on_error(), open_store(db) as store, progress_bar("ingesting", console=stderr) as bar:
        task = bar.add_task("ingest", total=None)
        shown = [0]

        def report(error: InputError) -> None:
            if shown[0] < ERRORS_SHOWN:
                bar.console.print(Text(f"skipped: {error}"), style="yellow", soft_wrap=True)
            shown[0] += 1

        def warn(line: str) -> None:
            bar.console.print(Text(line), style="yellow", soft_wrap=True)

        with dropped_fields_shown(warn):
            summary = run_ingest(store, sources, batch_size=batch_size, on_error=report,
                                 on_batch=lambda s: bar.update(task, completed=s.read),
                                 date_order=date_order and date_order.value)
    if summary.bad > ERRORS_SHOWN:
        stderr.print(Text(f"... and {summary.bad - ERRORS_SHOWN} more skipped records"), style="yellow", soft_wrap=True)
    typer.echo(
        f"read {counted(summary.read, 'article')}: {summary.new:,} new, {summary.already_stored:,} already stored; "
        f"{counted(summary.bad, 'bad record')} skipped"
    )
    if summary.bad:
        raise typer.Exit(exit_codes.SOME_SKIPPED if summary.read else exit_codes.NOTHING_DONE)


def process(
    db: str = DB,
    engine: str = typer.Option("local", "--engine", help="local (process pool) or ray (Ray Data)."),
    ray_address: str = typer.Option(
        None, "--ray-address", help="A running Ray cluster (default: start one here)."
    ),
    workers: int = typer.Option(None, "--workers", help="Worker processes or Ray actors (default: CPUs - 1)."),
    limit: int = typer.Option(None, "--limit", help="Analyse at most this many articles."),
    ids: list[str] = typer.Option(None, "--id", help="Only this stored article (repeat for several)."),
) -> None:
    """Analyse every stored article the current pipeline has not analysed yet; resumable."""
    bar = progress_bar(f"analysing with {engine}", known_total=True)
    with (
        exit_on_error({"engine": "--engine", "workers": "--workers", "limit": "--limit"}),
        open_store(db) as store,
        bar,
    ):
        task = bar.add_task("process", total=None)
        summary = run_process(store, engine=engine, workers=workers, limit=limit, ray_address=ray_address,
                              on_batch=lambda s: bar.update(task, total=s.pending, completed=s.analysed),
                              ids=ids or None)
    typer.echo(f"analysed {counted(summary.analysed, 'article')} with pipeline {summary.version}; "
               f"{max(0, summary.pending - summary.analysed)} left of this run")


def search(
    query: str = typer.Argument(..., help='Words, "exact phrases", -excluded, OR, prefix*.'),
    db: str = DB, outlet: list[str] = OUTLET, since: str = SINCE, until: str = UNTIL,
    technique: str = TECHNIQUE, speaker: str = SPEAKER, entity: str = ENTITY,
    limit: int = typer.Option(20, "--limit", help="How many hits to show."),
) -> None:
    """Full-text search over the stored articles, best matches first, with highlighted snippets."""
    console = Console(highlight=False)
    with exit_on_error(FILTER_FLAGS | {"limit": "--limit"}), open_store(db) as store:
        page = search_corpus(store, query_filters(query, outlet, since, until, technique, speaker, entity), limit=limit)
    if not page.items:
        console.print("no matches")
        return
    for rank, hit in enumerate(page.items, start=1):
        head = Text(f"{rank}. ", style="bold")
        title = Text(hit.title or "(untitled)", style="bold")
        for start, end in hit.title_highlights:
            title.stylize("reverse", start, end)
        head.append(title)
        head.append(f"  {hit.outlet or '(unknown outlet)'}, {_date_text(hit.published)}", style="dim")
        head.append(f"  [{hit.article_id}]", style="dim")
        if not hit.analysed:
            head.append("  not analysed yet", style="italic")
        snippet = Text(hit.snippet)
        for start, end in hit.highlights:
            snippet.stylize("bold reverse", start, end)
        console.print(head)
        console.print(snippet)
        console.print()
    more = "more than " if page.total_capped else ""
    console.print(f"{more}{counted(page.total, 'matching article')}, {page.analysed:,} analysed")


def stats(
    db: str = DB, outlet: list[str] = OUTLET, since: str = SINCE, until: str = UNTIL,
    technique: str = TECHNIQUE, speaker: str = SPEAKER, entity: str = ENTITY, query: str = QUERY,
    out: Path = typer.Option(None, "--out", help="Also write charts (PNG, SVG) and an HTML page into this folder."),
) -> None:
    """Per outlet and month: technique rates per 1,000 words, shares, top speakers and entities."""
    with exit_on_error(FILTER_FLAGS), open_store(db) as store:
        _print_stats(store, query_filters(query, outlet, since, until, technique, speaker, entity), out, by_month=True)


def compare(
    outlets: list[str] = typer.Argument(None, help="Outlet names, as stored (case does not matter); "
                                               "with --entity, all outlets when none is named."),
    db: str = DB, since: str = SINCE, until: str = UNTIL, technique: str = TECHNIQUE,
    speaker: str = SPEAKER, query: str = QUERY,
    entity: str = typer.Option(None, "--entity", help="Instead, how the outlets cast this entity "
                                                  "(a name or alias, any case), month by month."),
    out: Path = typer.Option(None, "--out", help="Also write charts (PNG, SVG) and an HTML page into this folder."),
) -> None:
    """Compare outlets side by side: technique rates, shares, speakers, entities; or, with
    --entity, how often each casts the entity as protagonist, antagonist or innocent."""
    if not outlets and not entity:
        typer.echo("error: compare needs outlet names, or --entity NAME", err=True)
        raise typer.Exit(1)
    with exit_on_error(FILTER_FLAGS | {"name": "--entity"}), open_store(db) as store:
        names = list(dict.fromkeys(find_outlet(store, name).name for name in outlets or ()))
        if entity:
            filters = query_filters(query, names, since, until, technique, speaker)
            _print_framing(entity_framing(store, entity, filters), out)
        else:
            _print_stats(store, query_filters(query, names, since, until, technique, speaker), out, by_month=False)


def export(
    what: str = typer.Option("articles", "--what",
                             help="articles, quotes, techniques, entities, mentions, claims or framing."),
    format: str = typer.Option("jsonl", "--format", help="csv, jsonl or parquet."),
    output: Path = typer.Option(None, "-o", "--output", help="File to write (default: stdout)."),
    db: str = DB, outlet: list[str] = OUTLET, since: str = SINCE, until: str = UNTIL,
    technique: str = TECHNIQUE, speaker: str = SPEAKER, entity: str = ENTITY, query: str = QUERY,
) -> None:
    """Export every matching row, every column, streamed (no cap)."""
    with exit_on_error(FILTER_FLAGS | {"what": "--what", "format": "--format"}), open_store(db) as store:
        rows = stored_export(
            store, what, query_filters(query, outlet, since, until, technique, speaker, entity), format
        )
        if output is None:
            sys.stdout.buffer.writelines(rows)
        else:
            with output.open("wb") as sink:
                sink.writelines(rows)
    typer.echo(f"exported {rows.rows_written} {what} rows", err=True)


def prune(db: str = DB) -> None:
    """Delete analyses that are no longer their article's latest (older pipeline versions)."""
    with exit_on_error(), open_store(db) as store:
        removed = store.prune()
        left = store.versions()
    typer.echo(f"removed {removed} older analyses; kept {sum(left.values())} "
               f"(current pipeline {PIPELINE_VERSION})")


def _print_stats(store, filters, out: Path | None, by_month: bool) -> None:
    # deferred: charts load matplotlib
    from presslens.cli.charts import write_charts
    console = Console(highlight=False)
    stats = outlet_stats(store, filters)
    pending = store.count_pending(PIPELINE_VERSION)
    if pending:
        console.print(Text(f"{pending} stored articles are not analysed by pipeline {PIPELINE_VERSION} "
                           "(run `presslens process`)", style="yellow"))
    console.print(outlet_table(stats) if by_month else comparison_table(stats))
    console.print(speakers_table(top_speakers(store, filters, limit=10)))
    console.print(entities_table(top_entities(store, filters, limit=10)))
    if out:
        for path in write_charts(stats, out):
            console.print(Text(f"wrote {path}"))


def _print_framing(framing: EntityFraming, out: Path | None) -> None:
    console = Console(highlight=False)
    others = [name for name in framing.names if name != framing.name]
    called = f" (also called {', '.join(others)})" if others else ""
    console.print(Text(f"{framing.name}{called}: named in {counted(framing.articles, 'analysed article')}, "
                       f"{framing.framed:,} of them analysed with framing"))
    console.print(framing_table(framing))
    for role in ROLES:
        shown = framing.evidence.get(role, [])
        if shown:
            console.print(Text(f"Cast as {role}, most clearly:", style="bold"))
            for item in shown:
                line = Text("  ")
                line.append(item.text)
                line.append(f"  {item.outlet or '(unknown outlet)'}, {_date_text(item.published)}, "
                            f"score {item.score:.2f} [{item.article_id}]", style="dim")
                console.print(line)
    if out:
        from presslens.cli.framing_charts import write_framing_charts  # deferred: loads matplotlib

        for path in write_framing_charts(framing, out):
            console.print(Text(f"wrote {path}"))


def framing_table(framing: EntityFraming) -> Table:
    """Per outlet and month: the articles mentioning the entity, how many were framed,
    and how many cast it as each role."""
    columns = (("Outlet", "left"), ("Month", "left"), ("Articles", "right"), ("Framed", "right"),
               *((role, "right") for role in ROLES), ("No clear role", "right"))
    return _table(Text(f"How outlets cast {framing.name}, by month"), columns, (
        (Text(m.outlet), m.month, str(m.articles), str(m.framed), *(str(m.roles[role]) for role in ROLES),
         str(m.no_role)) for m in framing.months))


def _top(rates: dict[str, float], n: int = 3) -> str:
    return ", ".join(f"{technique_name(t)} {r:.1f}" for t, r in sorted(rates.items(), key=lambda kv: -kv[1])[:n])


def _table(title: str | Text, columns: tuple[tuple[str, str], ...], rows) -> Table:
    """A table of `columns` ((heading, justify) pairs) holding `rows`."""
    table = Table(title=title)
    for heading, justify in columns:
        table.add_column(heading, justify=justify)
    for row in rows:
        table.add_row(*row)
    return table


def outlet_table(stats) -> Table:
    columns = (("Outlet", "left"), ("Month", "left"), ("Articles", "right"), ("Words", "right"), ("Rate", "right"),
               ("Top techniques (rate)", "left"))
    return _table("Technique spans per 1,000 words, by outlet and month", columns, (
        (Text(g.outlet), g.month, str(g.articles), str(g.words), f"{sum(g.technique_rates.values()):.2f}",
         Text(_top(g.technique_rates))) for g in stats))


def comparison_table(stats) -> Table:
    """Techniques down, outlets across: rate per 1,000 words and share of articles, over all months."""
    combined = combine_months(stats)
    table = Table(title="Technique rate per 1,000 words (share of articles)")
    table.add_column("Technique")
    for g in combined:
        table.add_column(Text(f"{g.outlet}\n{counted(g.articles, 'article')}"), justify="right")
    for technique in sorted({t for g in combined for t in g.technique_rates}, key=technique_name):
        table.add_row(
            technique_name(technique),
            *[
                f"{g.technique_rates.get(technique, 0.0):.2f} ({g.technique_shares.get(technique, 0.0):.0%})"
                for g in combined
            ],
        )
    table.add_row("all techniques", *[f"{sum(g.technique_rates.values()):.2f}" for g in combined], style="bold")
    return table


def speakers_table(speakers) -> Table:
    columns = (("Speaker", "left"), ("Entity", "left"), ("Quotes", "right"), ("Articles", "right"))
    return _table("Most quoted speakers", columns, (
        (Text(s.name), Text(s.entity_name or ""), str(s.quotes), str(s.articles)) for s in speakers))


def entities_table(entities) -> Table:
    columns = (("Entity", "left"), ("Type", "left"), ("Mentions", "right"), ("Articles", "right"))
    return _table("Most mentioned entities", columns, (
        (Text(e.name), e.type, str(e.mentions), str(e.articles)) for e in entities))

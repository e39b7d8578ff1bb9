"""CLI commands over the corpus store: ingest, process, search, stats, compare, export, prune.

Each command opens the store, calls one library function and prints its result with
Rich; a PresslensError becomes a one-line message and a non-zero exit. Article text
is printed as Rich Text objects, never parsed as markup.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from presslens.errors import InputError, PresslensError

EXIT_SOME_SKIPPED = 3
ERRORS_SHOWN = 20

DB = typer.Option(None, "--db", help="Store URL (default: PRESSLENS_DB, else sqlite:///presslens.db).")
OUTLET = typer.Option(None, "--outlet", help="Only this outlet (repeat for several).")
SINCE = typer.Option(None, "--since", help="Only articles published on or after this date (YYYY-MM-DD).")
UNTIL = typer.Option(None, "--until", help="Only articles published on or before this date (YYYY-MM-DD).")
TECHNIQUE = typer.Option(None, "--technique", help="Only articles with a span of this technique (PTC label).")
SPEAKER = typer.Option(None, "--speaker", help="Only articles quoting a speaker whose name contains this.")
ENTITY = typer.Option(None, "--entity", help="Only articles mentioning an entity whose name contains this.")
QUERY = typer.Option(None, "--query", "-q", help="Only articles matching this full-text query.")


def _filters(query=None, outlet=None, since=None, until=None, technique=None, speaker=None, entity=None):
    from presslens.corpus.queries import Filters, filter_date

    return Filters(query=query, outlets=outlet or None, since=filter_date(since, "--since"),
                   until=filter_date(until, "--until"),
                   technique=technique, speaker=speaker, entity=entity)


@contextmanager
def _store(db: str | None) -> Iterator:
    """Opens the store; any PresslensError inside becomes `error: ...` and exit status 1."""
    try:
        from presslens.store import open_store

        store = open_store(db)
        try:
            yield store
        finally:
            store.close()
    except PresslensError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None


def _progress(console: Console, label: str, known_total: bool = False) -> Progress:
    """A progress bar on stderr, shown only on a terminal; a bare count when the total is unknown."""
    count = MofNCompleteColumn() if known_total else TextColumn("{task.completed}")
    columns = [SpinnerColumn(), TextColumn(label), BarColumn(), count, TimeElapsedColumn()]
    return Progress(*columns, console=console, transient=True, disable=not console.is_terminal)


def _date_text(value: date | None) -> str:
    return value.isoformat() if value else "undated"


def register(app: typer.Typer) -> None:
    """Adds the corpus commands to the main app."""
    from presslens.corpus.queries import list_outlets

    @app.command()
    def ingest(
        sources: list[str] = typer.Argument(..., help="Files, folders (recursive) or - for stdin; any supported format."),
        db: str = DB,
        batch_size: int = typer.Option(1000, "--batch-size", help="Articles per transaction."),
    ) -> None:
        """Store articles in the corpus, each once: reruns and duplicates add nothing.

        A bad record is reported with its file and line, skipped and counted; exit status
        3 when any was skipped.
        """
        from presslens.corpus.ingest import ingest as run_ingest

        stderr = Console(stderr=True)
        if batch_size < 1:
            typer.echo("error: --batch-size: must be at least 1", err=True)
            raise typer.Exit(1)
        with _store(db) as store, _progress(stderr, "ingesting") as bar:
            task = bar.add_task("ingest", total=None)
            shown = [0]

            def report(error: InputError) -> None:
                if shown[0] < ERRORS_SHOWN:
                    bar.console.print(Text(f"skipped: {error}"), style="yellow", soft_wrap=True)
                shown[0] += 1

            summary = run_ingest(store, sources, batch_size=batch_size, on_error=report,
                                 on_batch=lambda s: bar.update(task, completed=s.read))
        if summary.bad > ERRORS_SHOWN:
            stderr.print(Text(f"... and {summary.bad - ERRORS_SHOWN} more skipped records"), style="yellow", soft_wrap=True)
        typer.echo(f"read {summary.read} articles: {summary.new} new, {summary.already_stored} already stored; "
                   f"{summary.bad} bad records skipped")
        raise typer.Exit(EXIT_SOME_SKIPPED if summary.bad else 0)

    @app.command()
    def process(
        db: str = DB,
        engine: str = typer.Option("local", "--engine", help="local (process pool) or ray (Ray Data)."),
        ray_address: str = typer.Option(None, "--ray-address", help="Address of a running Ray cluster (default: start one here)."),
        workers: int = typer.Option(None, "--workers", help="Worker processes or Ray actors (default: CPUs - 1)."),
        limit: int = typer.Option(None, "--limit", help="Analyse at most this many articles."),
    ) -> None:
        """Analyse every stored article the current pipeline has not analysed yet; resumable."""
        from presslens.engines import process as run_process

        stderr = Console(stderr=True)
        with _store(db) as store, _progress(stderr, f"analysing with {engine}", known_total=True) as bar:
            task = bar.add_task("process", total=None)
            summary = run_process(store, engine=engine, workers=workers, limit=limit, ray_address=ray_address,
                                  on_batch=lambda s: bar.update(task, total=s.pending, completed=s.analysed))
        typer.echo(f"analysed {summary.analysed} articles with pipeline {summary.version}; "
                   f"{max(0, summary.pending - summary.analysed)} left of this run")

    @app.command()
    def search(
        query: str = typer.Argument(..., help='Words, "exact phrases", -excluded, OR, prefix*.'),
        db: str = DB, outlet: list[str] = OUTLET, since: str = SINCE, until: str = UNTIL,
        technique: str = TECHNIQUE, speaker: str = SPEAKER, entity: str = ENTITY,
        limit: int = typer.Option(20, "--limit", help="How many hits to show."),
    ) -> None:
        """Full-text search over the stored articles, best matches first, with highlighted snippets."""
        from presslens.corpus.queries import search as run_search

        console = Console(highlight=False)
        with _store(db) as store:
            page = run_search(store, _filters(query, outlet, since, until, technique, speaker, entity), limit=limit)
        if not page.items:
            console.print("no matches")
            return
        for rank, hit in enumerate(page.items, start=1):
            head = Text(f"{rank}. ", style="bold")
            head.append(hit.title or "(untitled)", style="bold")
            head.append(f"  {hit.outlet or '(unknown outlet)'}, {_date_text(hit.published)}", style="dim")
            head.append(f"  [{hit.article_id}]", style="dim")
            snippet = Text(hit.snippet)
            for start, end in hit.highlights:
                snippet.stylize("bold reverse", start, end)
            console.print(head)
            console.print(snippet)
            console.print()

    @app.command()
    def stats(
        db: str = DB, outlet: list[str] = OUTLET, since: str = SINCE, until: str = UNTIL,
        technique: str = TECHNIQUE, speaker: str = SPEAKER, entity: str = ENTITY, query: str = QUERY,
        out: Path = typer.Option(None, "--out", help="Also write charts (PNG, SVG) and an HTML page to this folder."),
    ) -> None:
        """Per outlet and month: technique rates per 1,000 words, shares, top speakers and entities."""
        with _store(db) as store:
            _print_stats(store, _filters(query, outlet, since, until, technique, speaker, entity), out, by_month=True)

    @app.command()
    def compare(
        outlets: list[str] = typer.Argument(..., help="Outlet names, as stored (case does not matter)."),
        db: str = DB, since: str = SINCE, until: str = UNTIL, technique: str = TECHNIQUE,
        speaker: str = SPEAKER, entity: str = ENTITY, query: str = QUERY,
        out: Path = typer.Option(None, "--out", help="Also write charts (PNG, SVG) and an HTML page to this folder."),
    ) -> None:
        """Compare outlets side by side: technique rates, shares, speakers, entities."""
        with _store(db) as store:
            known = {o.name.lower() for o in list_outlets(store)}
            unknown = [o for o in outlets if o.lower() not in known]
            if unknown:
                raise InputError("compare", f"no stored articles from {', '.join(map(repr, unknown))} "
                                            "(see `presslens stats` for the outlet names)")
            _print_stats(store, _filters(query, outlets, since, until, technique, speaker, entity), out, by_month=False)

    @app.command()
    def export(
        what: str = typer.Option("articles", "--what", help="articles, quotes, techniques, entities or mentions."),
        format: str = typer.Option("jsonl", "--format", help="csv, jsonl or parquet."),
        output: Path = typer.Option(None, "-o", "--output", help="File to write (default: stdout)."),
        db: str = DB, outlet: list[str] = OUTLET, since: str = SINCE, until: str = UNTIL,
        technique: str = TECHNIQUE, speaker: str = SPEAKER, entity: str = ENTITY, query: str = QUERY,
    ) -> None:
        """Export every matching row, every column, streamed (no cap)."""
        from presslens.corpus.queries import export_columns, export_rows
        from presslens.corpus.export import FORMATS, write_export

        if format not in FORMATS:
            typer.echo(f"error: --format: {format!r} is not one of {', '.join(FORMATS)}", err=True)
            raise typer.Exit(1)
        with _store(db) as store:
            filters = _filters(query, outlet, since, until, technique, speaker, entity)
            columns = export_columns(store, what)
            rows = export_rows(store, what, filters)
            if output is None:
                count = write_export(rows, columns, format, sys.stdout.buffer)
            else:
                with output.open("wb") as sink:
                    count = write_export(rows, columns, format, sink)
        typer.echo(f"exported {count} {what} rows", err=True)

    @app.command()
    def prune(db: str = DB) -> None:
        """Delete analyses that are no longer their article's latest (older pipeline versions)."""
        from presslens.pipeline import PIPELINE_VERSION

        with _store(db) as store:
            removed = store.prune()
            left = store.versions()
        typer.echo(f"removed {removed} older analyses; kept {sum(left.values())} "
                   f"(current pipeline {PIPELINE_VERSION})")


def _print_stats(store, filters, out: Path | None, by_month: bool) -> None:
    from presslens.cli.charts import write_charts
    from presslens.corpus.queries import outlet_stats, top_entities, top_speakers
    from presslens.pipeline import PIPELINE_VERSION

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


def _top(rates: dict[str, float], n: int = 3) -> str:
    return ", ".join(f"{t} {r:.1f}" for t, r in sorted(rates.items(), key=lambda kv: -kv[1])[:n])


def outlet_table(stats) -> Table:
    table = Table(title="Technique spans per 1,000 words, by outlet and month")
    for name, justify in (("Outlet", "left"), ("Month", "left"), ("Articles", "right"), ("Words", "right"),
                          ("Rate", "right"), ("Top techniques (rate)", "left")):
        table.add_column(name, justify=justify)
    for g in stats:
        table.add_row(Text(g.outlet), g.month, str(g.articles), str(g.words),
                      f"{sum(g.technique_rates.values()):.2f}", Text(_top(g.technique_rates)))
    return table


def comparison_table(stats) -> Table:
    """Techniques down, outlets across: rate per 1,000 words and share of articles, over all months."""
    from presslens.corpus.queries import combine_months

    combined = combine_months(stats)
    table = Table(title="Technique rate per 1,000 words (share of articles)")
    table.add_column("Technique")
    for g in combined:
        table.add_column(Text(f"{g.outlet}\n{g.articles} articles"), justify="right")
    for technique in sorted({t for g in combined for t in g.technique_rates}):
        table.add_row(technique, *[f"{g.technique_rates.get(technique, 0.0):.2f} ({g.technique_shares.get(technique, 0.0):.0%})"
                                   for g in combined])
    table.add_row("all techniques", *[f"{sum(g.technique_rates.values()):.2f}" for g in combined], style="bold")
    return table


def speakers_table(speakers) -> Table:
    table = Table(title="Most quoted speakers")
    for name, justify in (("Speaker", "left"), ("Entity", "left"), ("Quotes", "right"), ("Articles", "right")):
        table.add_column(name, justify=justify)
    for s in speakers:
        table.add_row(Text(s.name), Text(s.entity_name or ""), str(s.quotes), str(s.articles))
    return table


def entities_table(entities) -> Table:
    table = Table(title="Most mentioned entities")
    for name, justify in (("Entity", "left"), ("Type", "left"), ("Mentions", "right"), ("Articles", "right")):
        table.add_column(name, justify=justify)
    for e in entities:
        table.add_row(Text(e.name), e.type, str(e.mentions), str(e.articles))
    return table

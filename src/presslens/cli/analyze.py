"""`presslens analyze`: articles in, a report or the JSON contract out."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import Enum
from typing import TextIO

import typer
from rich.console import Console

from presslens.analysis import Analysis
from presslens.article import Article, check_length
from presslens.cli import exit_codes
from presslens.cli.dropped import DATE_ORDER, DateOrderChoice, dropped_fields_shown
from presslens.cli.progress import progress_bar
from presslens.cli.report import render_report
from presslens.cli.timeline import write_timeline
from presslens.corpus.timeline import analysis_timeline, sort_timeline
from presslens.edge import exit_on_error
from presslens.errors import InputError, TooLargeError


def register(app: typer.Typer) -> None:
    app.command()(analyze)


SKIPPED_LINES_SHOWN = 20


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


def analyze(
    paths: list[str] = typer.Argument(..., metavar="PATH", help="Files, folders (recursive) or - for stdin."),
    format: OutputFormat = typer.Option(
        OutputFormat.text, "--format", "-f", case_sensitive=False,
        help="text: a readable report; json: the contract object (a list when the inputs hold "
             "several articles); jsonl: one object per line, in input order.",
    ),
    timeline: bool = typer.Option(
        False, "--timeline",
        help="Print only the articles' dated claims, ordered by the date they refer to: a table (text), "
             "a JSON list (json) or JSON Lines (jsonl).",
    ),
    date_order: DateOrderChoice | None = DATE_ORDER,
) -> None:
    """Analyse articles: quotes, entities, dates, claims, techniques.

    Exit status: 0 when every input was analysed, 3 when some were skipped (listed on
    stderr), 1 when nothing could be analysed. A record whose date cannot be read is
    analysed without it, with a `warning:` line on stderr.
    """
    # Deferred: the pipeline loads spaCy, the readers trafilatura.
    from presslens.pipeline import default_pipeline
    from presslens.readers import count_articles, iter_articles

    skipped: list[InputError] = []
    analysed = 0
    try:
        with exit_on_error(), dropped_fields_shown(lambda line: typer.echo(line, err=True)):
            pipeline = default_pipeline()
            articles = _within_limit(
                iter_articles(paths, on_error=skipped.append, date_order=date_order and date_order.value),
                pipeline.nlp.max_length,
                skipped,
            )
            with _counting_progress(count_articles(paths)) as counted:
                results = counted(pipeline.analyze_many(articles))
                analysed = (_write_timeline if timeline else _write)(results, format, sys.stdout)
    except BrokenPipeError:
        # The reader (`head`, a pager) has gone: stop quietly, and point stdout at devnull
        # so that Python's final flush cannot fail a second time.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(exit_codes.ALL_DONE) from None
    raise typer.Exit(_report_skipped(skipped, analysed))


def _within_limit(articles: Iterable[Article], limit: int, skipped: list[InputError]) -> Iterator[Article]:
    """The articles the pipeline can take; one over `limit` characters is skipped and
    reported like a bad record, so the others are still analysed."""
    for article in articles:
        try:
            check_length(article, limit)
        except TooLargeError as exc:
            skipped.append(exc)
            continue
        yield article


def _write(results: Iterable[Analysis], fmt: OutputFormat, out: TextIO) -> int:
    """Writes each analysis as it comes; returns how many were written."""
    if fmt is OutputFormat.jsonl:
        written = 0
        for analysis in results:
            out.write(json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n")
            out.flush()
            written += 1
        return written
    if fmt is OutputFormat.json:
        return _write_json(results, out)
    console = Console(file=out)
    count = 0
    for count, analysis in enumerate(results, start=1):
        if count > 1:
            console.print()
        render_report(analysis, console)
    return count


def _write_timeline(results: Iterable[Analysis], fmt: OutputFormat, out: TextIO) -> int:
    """The dated claims of every analysis, in one timeline; returns how many articles were analysed."""
    claims, analysed = [], 0
    for analysis in results:
        claims.extend(analysis_timeline(analysis))
        analysed += 1
    write_timeline(sort_timeline(claims), fmt.value, out)
    return analysed


def _write_json(results: Iterable[Analysis], out: TextIO) -> int:
    """One object for one article; a list, streamed item by item, for more."""
    iterator = iter(results)
    first = next(iterator, None)
    if first is None:
        return 0
    second = next(iterator, None)
    if second is None:
        out.write(_indented(first) + "\n")
        return 1
    out.write("[\n" + _indented(first) + ",\n" + _indented(second))
    count = 2
    for analysis in iterator:
        out.write(",\n" + _indented(analysis))
        out.flush()
        count += 1
    out.write("\n]\n")
    return count


def _indented(analysis: Analysis) -> str:
    return json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2)


@contextmanager
def _counting_progress(total: int | None) -> Iterator[Callable[[Iterable[Analysis]], Iterator[Analysis]]]:
    """A progress bar on stderr, counting the analyses as they pass."""
    bar = progress_bar("analysing" if total else "analysed", known_total=bool(total), writes_stdout=True)
    with bar:
        task = bar.add_task("analyse", total=total or None)

        def counted(results: Iterable[Analysis]) -> Iterator[Analysis]:
            for analysis in results:
                bar.advance(task)
                yield analysis

        yield counted


def _report_skipped(skipped: list[InputError], analysed: int) -> int:
    """Prints what was skipped and why to stderr; returns the exit code."""
    if not skipped:
        return exit_codes.ALL_DONE
    if analysed == 0 and len(skipped) == 1:
        typer.echo(f"error: {skipped[0]}", err=True)
        return exit_codes.NOTHING_DONE
    typer.echo(f"presslens: analysed {analysed} article(s), skipped {len(skipped)} input(s):", err=True)
    for error in skipped[:SKIPPED_LINES_SHOWN]:
        typer.echo(f"  {error}", err=True)
    if len(skipped) > SKIPPED_LINES_SHOWN:
        typer.echo(f"  ... and {len(skipped) - SKIPPED_LINES_SHOWN} more", err=True)
    return exit_codes.SOME_SKIPPED if analysed else exit_codes.NOTHING_DONE

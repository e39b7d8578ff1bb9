"""`presslens timeline`: dated claims across the stored corpus, ordered by the date they
refer to; and the table, JSON or CSV that `presslens analyze --timeline` prints too."""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import asdict, fields
from datetime import date
from enum import Enum
from typing import TextIO

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from presslens.cli.corpus import DB, FILTER_FLAGS, OUTLET
from presslens.corpus import TimelineClaim
from presslens.corpus import timeline as stored_timeline
from presslens.edge import counted, exit_on_error, query_filters
from presslens.store import open_store


class TimelineFormat(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"


def register(app: typer.Typer) -> None:
    """Adds `timeline` to the main app."""
    app.command()(timeline)


def timeline(
    entity: str = typer.Option(None, "--entity",
                               help="Only claims about an entity whose name or alias contains this."),
    claimant: str = typer.Option(None, "--claimant", help="Only claims by a claimant whose name contains this."),
    outlet: list[str] = OUTLET,
    since: str = typer.Option(None, "--since", help="Only claims about a time on or after this date (YYYY-MM-DD)."),
    until: str = typer.Option(None, "--until",
                              help="Only claims about a time on or before this date (YYYY-MM-DD)."),
    db: str = DB,
    format: TimelineFormat = typer.Option(TimelineFormat.text, "--format", case_sensitive=False,
                                          help="text: a table; json: a list of objects; csv: a header and rows."),
    limit: int = typer.Option(100, "--limit", help="Show at most this many claims."),
) -> None:
    """Dated claims across the stored corpus, ordered by the date they refer to (not publication).

    Each with its claimant (the outlet's name where the outlet speaks), outlet and article.
    --since and --until bound the date a claim refers to: a claim about a year is kept when
    the year reaches into the range.
    """
    with exit_on_error(FILTER_FLAGS | {"limit": "--limit"}), open_store(db) as store:
        page = stored_timeline(store, query_filters(outlets=outlet, since=since, until=until),
                               entity=entity, claimant=claimant, limit=limit)
    write_timeline(page.items, format.value, sys.stdout)
    if format is TimelineFormat.text:
        shown = f" (the first {len(page.items)})" if page.next_cursor else ""
        typer.echo(f"{counted(page.claims, 'claim')} from {counted(page.articles, 'article')}{shown}")


def write_timeline(items: list[TimelineClaim], fmt: str, out: TextIO) -> None:
    """The claims as a Rich table (text), a JSON list (json), one JSON object a line (jsonl) or CSV."""
    if fmt == "text":
        Console(file=out, highlight=False).print(timeline_table(items))
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([f.name for f in fields(TimelineClaim)])
        writer.writerows([_plain(v) for v in asdict(item).values()] for item in items)
    elif fmt == "jsonl":
        for item in items:
            out.write(json.dumps(asdict(item), ensure_ascii=False, default=_plain) + "\n")
    else:
        out.write(json.dumps([asdict(i) for i in items], ensure_ascii=False, indent=2, default=_plain) + "\n")


def _plain(value):
    return value.isoformat() if isinstance(value, date) else value


def timeline_table(items: list[TimelineClaim]) -> Table:
    table = Table(title="Dated claims, by the date they refer to")
    # Four columns fit 80 characters: the outlet and the article's id (16 hex digits, on a
    # line of its own) share one. Rich's own sharing of the width keeps every border on
    # screen; fixed minimum or maximum widths made it overflow at 80.
    table.add_column("Date")
    table.add_column("Claimant")
    table.add_column("Claim")
    table.add_column("Outlet, article", overflow="fold")
    for c in items:
        # Where the outlet speaks in its own voice, its name stands in, in italics.
        claimant = Text(c.claimant) if c.claimant else Text(c.outlet or "the outlet", style="italic")
        source = Text(c.outlet or "")
        source.append(("\n" if c.outlet else "") + c.article_id, style="dim")
        table.add_row(Text(c.label), claimant, Text(c.text), source)
    return table

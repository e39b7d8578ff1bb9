"""`presslens quotes`: quote provenance. `quotes group` groups each stored quote with its
repetitions across articles; `quotes trace` shows where one quote appeared, first published
first, and how each appearance differs from the earliest; `quotes recurring` lists the quotes
repeated in the most outlets (docs/quotes.md, "Provenance")."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from enum import Enum

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from presslens.cli.corpus import DB
from presslens.corpus.provenance import (
    Appearance,
    RecurringQuotes,
    group_quotes,
    recurring_quotes,
    trace_quote,
    trace_text,
)
from presslens.edge import counted, exit_on_error
from presslens.errors import InputError
from presslens.store import open_store
from presslens.store.quote_similarity import WordChange

quotes_app = typer.Typer(help="Quote provenance: the same quote across articles and outlets.", no_args_is_help=True)


class TraceFormat(str, Enum):
    text = "text"
    json = "json"


def register(app: typer.Typer) -> None:
    """Adds the `quotes` command group to the main app."""
    app.add_typer(quotes_app, name="quotes")


@quotes_app.command("group")
def group(
    rebuild: bool = typer.Option(False, "--rebuild", help="Group every quote again from nothing."),
    db: str = DB,
) -> None:
    """Group each quote of the latest analyses with its repetitions across articles.

    Groups the quotes saved since the last run and takes out those of analyses no longer
    latest; `trace` does this first by itself.
    """
    with exit_on_error(), open_store(db) as store:
        run = group_quotes(store, rebuild=rebuild)
    typer.echo(f"grouped {counted(run.added, 'new quote')}, took out {run.removed:,}; {counted(run.quotes, 'quote')} "
               f"grouped in all, {counted(run.groups, 'group')} of quotes that appear more than once")


@quotes_app.command("trace")
def trace(
    text: str = typer.Argument(None, help="The words of a quote (punctuation and case aside)."),
    quote: str = typer.Option(None, "--quote", help="A quote's id, ARTICLE-N, as JSON output and the pages give it."),
    db: str = DB,
    format: TraceFormat = typer.Option(TraceFormat.text, "--format", case_sensitive=False,
                                       help="text: a table; json: a list of appearances."),
) -> None:
    """Every appearance of a quote, first published first (undated last), with its outlet,
    article, speaker as credited and the words changed since the first appearance.

    JSON: a list of {"article", "outlet", "published", "speaker", "text", "first", "quote",
    "person", "relation", "added", "dropped", "replaced", "diff"}.
    """
    with exit_on_error({"quote": "--quote", "text": "TEXT"}), open_store(db) as store:
        if (text is None) == (quote is None):
            raise InputError("quote", "give either the words of a quote or --quote ID, not both or neither")
        group_quotes(store)
        found = trace_quote(store, quote) if quote is not None else trace_text(store, text)
    if format is TraceFormat.json:
        typer.echo(json.dumps([asdict(a) for a in found], ensure_ascii=False, indent=2, default=_plain))
        return
    print_trace(Console(highlight=False), found)


@quotes_app.command("recurring")
def recurring(
    limit: int = typer.Option(20, "--limit", help="List this many groups, in the most outlets (then articles) first."),
    db: str = DB,
    format: TraceFormat = typer.Option(TraceFormat.text, "--format", case_sensitive=False,
                                       help="text: a summary and a table; json: the same as an object."),
) -> None:
    """The quotes repeated across articles: how many of the stored quotes recur, and the ones in
    the most outlets, each with where it was first seen (groups quotes saved since the last run first).

    JSON: {"grouped", "recurring", "groups", "across_outlets", "articles", "top": [{"quote", "text",
    "speaker", "person", "outlet", "published", "appearances", "articles", "outlets", "wordings"}]}.
    """
    with exit_on_error({"limit": "--limit"}), open_store(db) as store:
        group_quotes(store)
        found = recurring_quotes(store, limit=limit)
    if format is TraceFormat.json:
        typer.echo(json.dumps(asdict(found), ensure_ascii=False, indent=2, default=_plain))
        return
    print_recurring(Console(highlight=False), found)


def print_recurring(console: Console, found: RecurringQuotes) -> None:
    share = found.recurring / found.grouped if found.grouped else 0.0
    console.print(Text(
        f"{counted(found.recurring, 'quote')} of {found.grouped:,} ({share:.1%}) recur in two or more articles: "
        f"{counted(found.groups, 'group')}, {found.across_outlets:,} of them across outlets. "
        f"From {counted(found.articles, 'analysed article')} with a quote of six or more words.", style="bold"))
    if not found.top:
        return
    table = Table(title="Quotes in the most outlets (first seen: first in this corpus, not necessarily anywhere)")
    for heading, justify in (("Articles", "right"), ("Outlets", "right"), ("Wordings", "right"),
                             ("First seen", "left"), ("Speaker", "left"), ("Quote", "left"), ("Id", "left")):
        table.add_column(heading, justify=justify, overflow="fold")
    for q in found.top:
        speaker = q.speaker or "unknown"
        if q.person and q.person != q.speaker:
            speaker += f" ({q.person})"
        table.add_row(f"{q.articles:,}", f"{q.outlets:,}", f"{q.wordings:,}",
                      Text(f"{q.outlet or 'unknown outlet'}, {_plain(q.published) or 'undated'}"), Text(speaker),
                      Text(q.text), Text(q.quote))
    console.print(table)


def _plain(value):
    return value.isoformat() if isinstance(value, date) else value


def print_trace(console: Console, found: list[Appearance]) -> None:
    first = found[0]
    outlets = len({a.outlet for a in found})
    console.print(Text(f"{counted(len(found), 'appearance')} in {counted(outlets, 'outlet')}. First seen here: "
                       f"{first.outlet}, {_plain(first.published) or 'undated'} (first in this corpus, "
                       "not necessarily anywhere)", style="bold"))
    console.print(Text(f"“{first.text}”"))
    table = Table()
    for heading in ("Published", "Outlet", "Speaker", "Relation", "Changed from the first", "Quote"):
        table.add_column(heading, overflow="fold")
    for a in found:
        speaker = a.speaker or "unknown"
        if a.person and a.person != a.speaker:
            speaker += f" ({a.person})"
        table.add_row(_plain(a.published) or "undated", Text(a.outlet or ""), Text(speaker), a.relation,
                      changes_text(a.diff), Text(a.quote))
    console.print(table)


def changes_text(diff: list[WordChange]) -> Text:
    """The changed stretches of a word diff: -dropped, +added, was → now; "-" for none."""
    shown = Text()
    for change in (c for c in diff if c.op != "same"):
        if shown:
            shown.append("; ")
        if change.op == "dropped":
            shown.append(f"-{change.was}", style="red")
        elif change.op == "added":
            shown.append(f"+{change.now}", style="green")
        else:
            shown.append(f"{change.was} → {change.now}", style="yellow")
    return shown or Text("-")

"""`presslens people`: one person across the corpus. The most quoted people (a table or
JSON), one person explained (`people show NAME`: names, articles, why each name is
linked) and the links made again from the stored entities (`people rebuild`)."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from enum import Enum

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from presslens.cli.corpus import DB, OUTLET, QUERY
from presslens.corpus.people import PersonDetail, PersonSummary, find_person, list_people, person_detail
from presslens.edge import counted, exit_on_error, query_filters
from presslens.store import open_store

ARTICLES_SHOWN = 20


class PeopleFormat(str, Enum):
    text = "text"
    json = "json"


class Kind(str, Enum):
    person = "person"
    org = "org"


FORMAT = typer.Option(PeopleFormat.text, "--format", case_sensitive=False,
                      help="text: a table; json: a list of objects (one object for `show`).")
people_app = typer.Typer(help="One person across the corpus: who is quoted, by whom, under which names.",
                         invoke_without_command=True)


def register(app: typer.Typer) -> None:
    """Adds the `people` command group to the main app."""
    app.add_typer(people_app, name="people")


@people_app.callback()
def people(
    ctx: typer.Context,
    outlet: list[str] = OUTLET,
    kind: Kind = typer.Option(Kind.person, "--kind", case_sensitive=False, help="person, or org for organisations."),
    limit: int = typer.Option(50, "--limit", help="Show at most this many, most quoted first."),
    name: str = typer.Option(None, "--name", help="Only names that contain this, in any case."),
    query: str = QUERY,
    db: str = DB,
    format: PeopleFormat = FORMAT,
) -> None:
    """The most quoted people across the corpus (then the most named), with their names.

    JSON: a list of {"id", "name", "names", "quotes", "articles", "outlets"}; `articles` counts
    the analysed articles naming the person, `outlets` their outlets.
    """
    if ctx.invoked_subcommand is not None:
        return
    with exit_on_error({"limit": "--limit", "name": "--name", "query": "--query"}), open_store(db) as store:
        found = list_people(store, query_filters(query, outlet), kind=kind.value, limit=limit, name=name)
    if format is PeopleFormat.json:
        typer.echo(json.dumps([asdict(p) for p in found], ensure_ascii=False, indent=2))
        return
    if not found:
        narrowed = outlet or name or query
        hint = "" if narrowed else " (analyses stored before people were linked need `presslens people rebuild`)"
        typer.echo(f"no people found{hint}")
        return
    Console(highlight=False).print(people_table(found))


def people_table(found: list[PersonSummary]) -> Table:
    table = Table(title="Most quoted people across the corpus")
    for heading, justify in (("Id", "right"), ("Name", "left"), ("Also called", "left"), ("Quotes", "right"),
                             ("Articles", "right"), ("Outlets", "right")):
        table.add_column(heading, justify=justify)
    for p in found:
        others = ", ".join(n for n in p.names if n != p.name)
        table.add_row(str(p.id), Text(p.name), Text(others), str(p.quotes), str(p.articles), str(p.outlets))
    return table


@people_app.command("show")
def show(
    name: str = typer.Argument(..., help="A name the person goes by (case aside), or its id."),
    outlet: list[str] = OUTLET,
    kind: Kind = typer.Option(None, "--kind", case_sensitive=False,
                              help="person or org (default: a person, else an organisation of that name)."),
    db: str = DB,
    format: PeopleFormat = FORMAT,
) -> None:
    """One person explained: names, why each is linked, outlets, articles.

    Also the names of the same surname left unlinked, and why. A name that only unlinked
    entities have says why it names no one person.
    """
    with exit_on_error(), open_store(db) as store:
        found = find_person(store, name, kind=kind and kind.value)
        detail = person_detail(store, found, query_filters(outlets=outlet))
    if format is PeopleFormat.json:
        typer.echo(json.dumps(asdict(detail), ensure_ascii=False, indent=2, default=_plain))
        return
    print_person(Console(highlight=False), detail)


def _plain(value):
    return value.isoformat() if isinstance(value, date) else value


def print_person(console: Console, p: PersonDetail) -> None:
    console.print(Text(f"{p.name} (id {p.id}, {p.kind}): {counted(p.quotes, 'quote')}, named in "
                       f"{counted(p.articles, 'analysed article')} from {counted(p.outlets, 'outlet')}", style="bold"))
    console.print(Text(f"Names: {', '.join(p.names)}"))
    console.print(Text("Why these names are linked:"))
    for link in p.links:
        console.print(Text(f"  {link.reason}: {counted(link.entities, 'article')} ({', '.join(link.names)})"))
    if p.unlinked:
        console.print(Text("Left unlinked, though of the same name:"))
        for item in p.unlinked:
            console.print(Text(f"  {item.name}: {item.reason} ({counted(item.articles, 'article')})"))
    outlets = Table(title="Outlets quoting them")
    for heading in ("Outlet", "Quotes", "Articles quoting", "Articles naming"):
        outlets.add_column(heading, justify="left" if heading == "Outlet" else "right")
    for o in p.by_outlet:
        outlets.add_row(Text(o.outlet), str(o.quotes), str(o.quoting), str(o.articles))
    console.print(outlets)
    articles = Table(title=f"Articles naming them (newest {min(ARTICLES_SHOWN, len(p.recent))} of {p.articles:,})")
    for heading in ("Published", "Outlet", "As", "Why linked", "Quotes", "Article"):
        articles.add_column(heading, overflow="fold")
    for a in p.recent[:ARTICLES_SHOWN]:
        articles.add_row(a.published.isoformat() if a.published else "undated", Text(a.outlet or ""), Text(a.name),
                         Text(a.reason), str(a.quotes), Text(a.article_id))
    console.print(articles)


@people_app.command("rebuild")
def rebuild(db: str = DB) -> None:
    """Link every person and organisation of the latest analyses again, from their names.

    After an upgrade, or to check that the links made as analyses were saved are the same.
    """
    with exit_on_error(), open_store(db) as store:
        total = store.rebuild_people()
    typer.echo(f"linked the entities of the latest analyses: {total:,} people and organisations across the corpus")

"""`presslens stories`: the same event across outlets (docs/stories.md). `stories cluster`
groups the articles of a JSONL file into stories; `stories build` groups the stored articles
(those in no story yet), `stories list` and `stories show` read the stored stories."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from presslens.cli.corpus import DB
from presslens.cli.dropped import dropped_fields_shown
from presslens.edge import counted, exit_on_error
from presslens.errors import InputError
from presslens.stories.story import Story

stories_app = typer.Typer(help="Stories: the same event across outlets.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Adds the `stories` command group to the main app."""
    app.add_typer(stories_app, name="stories")


@stories_app.command("cluster")
def cluster(
    file: Path = typer.Argument(..., help="JSONL: an article a line: id, title, text (outlet, published optional)."),
    out: Path = typer.Option(..., "-o", "--out", help="Where to write id<TAB>story, one line per input line."),
) -> None:
    """Group the articles of a file into stories: each line of OUT is an article's id and its story's id.

    Dated articles more than a week apart are never in one story; undated ones are grouped on text alone.
    A bad line is reported with its number, and nothing is written.
    """
    from presslens.stories.batch import cluster_articles  # deferred: numpy and the sentence encoder
    from presslens.stories.lines import read_story_lines

    with dropped_fields_shown(lambda line: typer.echo(line, err=True)):
        articles, errors = read_story_lines(file)
    for error in errors:
        typer.echo(f"error: {error}", err=True)
    if errors:
        raise typer.Exit(InputError.exit_code)
    with exit_on_error():
        stories = cluster_articles(articles)
    try:
        out.write_text("".join(f"{a.id}\t{story}\n" for a, story in zip(articles, stories)), encoding="utf-8")
    except OSError as exc:
        typer.echo(f"error: {out}: {exc.strerror or 'cannot be written'}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"{counted(len(articles), 'article')} in {counted(len(set(stories)), 'story', 'stories')}; wrote {out}")


class ListFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


@stories_app.command("build")
def build(
    db: str = DB,
    rebuild: bool = typer.Option(False, "--rebuild", help="Drop every story and group all articles again."),
) -> None:
    """Group the stored articles into stories: those in no story yet join one or start one.

    Stories already built keep their ids and articles (two may merge, keeping the older id).
    """
    from presslens.corpus.stories import build_stories  # deferred: numpy and the sentence encoder
    from presslens.store import open_store

    with exit_on_error(), open_store(db) as store:
        run = build_stories(store, rebuild=rebuild)
    typer.echo(f"placed {counted(run.placed, 'article')}; {counted(run.stories, 'story', 'stories')} new or changed, "
               f"{run.merged:,} merged into others; {run.seconds:g} s")


@stories_app.command("list")
def list_command(
    db: str = DB,
    outlet: str = typer.Option(None, "--outlet", help="Only stories with an article from this outlet."),
    since: str = typer.Option(None, "--since", help="Only stories whose last article is on or after this date."),
    min_outlets: int = typer.Option(0, "--min-outlets", help="Only stories told by at least this many outlets."),
    limit: int = typer.Option(None, "--limit", help="At most this many stories."),
    format: ListFormat = typer.Option(ListFormat.table, "--format", case_sensitive=False,
                                      help="table; json: a list; jsonl: a story a line."),
) -> None:
    """The stored stories, latest first (undated last): id, label, first and last date, articles, outlets.

    JSON: {"id", "label", "first", "last", "articles" (ids, most central first), "outlets"}.
    """
    from presslens.corpus.filters import filter_date
    from presslens.corpus.stories import list_stories
    from presslens.store import open_store

    flags = {"since": "--since", "min_outlets": "--min-outlets", "limit": "--limit"}
    with exit_on_error(flags), open_store(db) as store:
        found = list_stories(store, outlet, filter_date(since, "since"), min_outlets, limit)
    if format is ListFormat.table:
        _print_table(found)
    elif format is ListFormat.json:
        typer.echo(json.dumps([_summary(s) for s in found], indent=2, ensure_ascii=False))
    else:
        typer.echo("".join(json.dumps(_summary(s), ensure_ascii=False) + "\n" for s in found), nl=False)


@stories_app.command("show")
def show(
    story: str = typer.Argument(..., help="A story's id, as `stories list` gives it."),
    db: str = DB,
    as_json: bool = typer.Option(False, "--json", help="The story as JSON, its members with their scores."),
) -> None:
    """One story in full: its label, its dates and every article, most central first."""
    from presslens.corpus.stories import show_story
    from presslens.store import open_store

    with exit_on_error(), open_store(db) as store:
        found = show_story(store, story)
    if as_json:
        typer.echo(json.dumps(_full(found), indent=2, ensure_ascii=False))
        return
    console = Console(soft_wrap=True)
    console.print(f"[bold]{found.label}[/bold]  {found.id}  {_span(found)}; "
                  f"{counted(len(found.members), 'article')} from {counted(len(found.outlets), 'outlet')}")
    table = Table("centrality", "date", "outlet", "title", "article")
    for m in found.members:
        table.add_row(f"{m.centrality:.3f}", _day(m.published), m.outlet or "", m.title or "", m.article_id)
    console.print(table)


def _day(value) -> str:
    return value.isoformat() if value else "undated"


def _span(story: Story) -> str:
    return _day(story.first) if story.first == story.last else f"{_day(story.first)} to {_day(story.last)}"


def _summary(story: Story) -> dict:
    return {"id": story.id, "label": story.label, "first": story.first and story.first.isoformat(),
            "last": story.last and story.last.isoformat(), "articles": story.article_ids,
            "outlets": list(story.outlets)}


def _full(story: Story) -> dict:
    members = [{"article": m.article_id, "centrality": m.centrality, "published": m.published and
                m.published.isoformat(), "outlet": m.outlet, "title": m.title} for m in story.members]
    return {**_summary(story), "members": members}


def _print_table(found: list[Story]) -> None:
    table = Table("story", "label", "first", "last", "articles", "outlets")
    for s in found:
        table.add_row(s.id, s.label, _day(s.first), _day(s.last), str(len(s.members)), ", ".join(s.outlets))
    Console(soft_wrap=True).print(table)
    typer.echo(counted(len(found), "story", "stories"))

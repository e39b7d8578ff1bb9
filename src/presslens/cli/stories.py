"""`presslens stories`: the same event across outlets (docs/stories.md). `stories cluster`
groups the articles of a JSONL file into stories."""

from __future__ import annotations

from pathlib import Path

import typer

from presslens.cli.dropped import dropped_fields_shown
from presslens.edge import counted, exit_on_error
from presslens.errors import InputError

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

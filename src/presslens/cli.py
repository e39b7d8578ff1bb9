"""The presslens command line: thin shells over library functions."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from presslens import __version__, cli_corpus, cli_serve, cli_techniques
from presslens.article import Article
from presslens.errors import PresslensError

app = typer.Typer(help="presslens: see how news articles persuade.", no_args_is_help=True)
cli_techniques.register(app)
cli_corpus.register(app)
cli_serve.register(app)


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", help="Print the version and exit.", is_eager=True),
) -> None:
    """presslens reads news articles and shows how they persuade."""
    if version:
        typer.echo(__version__)
        raise typer.Exit()


@app.command()
def analyze(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive) or - for stdin."),
    format: str = typer.Option("text", "--format", "-f", help="text, json or jsonl."),
) -> None:
    """Analyse articles: quotes and speakers, entities, dates, techniques."""
    from presslens.pipeline import default_pipeline

    try:
        for path in paths:
            article = Article(text=Path(path).read_text(encoding="utf-8"))
            result = default_pipeline().analyze(article)
            sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    except PresslensError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc

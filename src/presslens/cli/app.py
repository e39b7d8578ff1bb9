"""The Typer app: the version option and one command group per module of this package."""

from __future__ import annotations

import typer

from presslens import __version__
from presslens.cli import analyze, claims, corpus, serve, techniques, timeline, train

app = typer.Typer(help="presslens: see how news articles persuade.", no_args_is_help=True)
analyze.register(app)
train.register(app)
techniques.register(app)
claims.register(app)
corpus.register(app)
timeline.register(app)
serve.register(app)


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", help="Print the version and exit.", is_eager=True),
) -> None:
    """presslens reads news articles and shows how they persuade."""
    if version:
        typer.echo(__version__)
        raise typer.Exit()

"""The presslens command line: a Typer app over the library, one module per command group."""

from presslens.cli.app import app

__all__ = ["app"]

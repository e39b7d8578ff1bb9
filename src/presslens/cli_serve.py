"""CLI command that serves the REST API and the web pages."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Adds `serve` to the main app."""

"""CLI commands over the corpus store: ingest, process, search, stats, compare, export."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Adds the corpus commands to the main app."""

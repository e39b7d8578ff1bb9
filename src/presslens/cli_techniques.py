"""CLI commands for the technique model: train, predict, eval."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Adds `train`, `eval` and `techniques` command groups to the main app."""

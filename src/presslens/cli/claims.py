"""`presslens claims`: check-worthiness scores of sentences."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from presslens.edge import exit_on_error

claims_app = typer.Typer(help="Check-worthy claims.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Adds the `claims` command group to the main app."""
    app.add_typer(claims_app, name="claims")


@claims_app.command("score")
def score(
    input_path: Path = typer.Argument(..., metavar="INPUT", help="JSON Lines of {id, text}, or CSV/TSV with id and text columns."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write id<TAB>score lines (TSV)."),
    model: Optional[Path] = typer.Option(None, "--model", help="Model folder (default: the bundled model)."),
) -> None:
    """Score each sentence's check-worthiness (0..1, calibrated), in input order."""
    from presslens.predict.claims import score_file  # deferred: loads the model runtime

    try:
        with exit_on_error():
            count = score_file(input_path, output, model)
    except OSError as exc:
        typer.echo(f"error: {output}: cannot write ({exc.strerror})", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"{count} scores written to {output}", err=True)

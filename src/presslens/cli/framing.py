"""`presslens framing`: the roles articles cast entities in, in SemEval-2025 Task 10's format."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from presslens.edge import exit_on_error

framing_app = typer.Typer(help="Entity framing: protagonist, antagonist, innocent.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Adds the `framing` command group to the main app."""
    app.add_typer(framing_app, name="framing")


@framing_app.command("predict")
def predict(
    docs_dir: Path = typer.Argument(..., metavar="DOCS_DIR", help="Folder of the documents the mentions are in."),
    mentions: Path = typer.Option(..., "--mentions", help="Lines file<TAB>mention<TAB>start<TAB>end (end inclusive)."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the lines with main role and fine roles added."),
    model: Optional[Path] = typer.Option(None, "--model", help="Model folder (default: the bundled model)."),
) -> None:
    """Main role and fine roles of each mention (SemEval-2025 Task 10 subtask 1), in input order."""
    from presslens.predict.framing import predict_file  # deferred: loads the model runtime

    try:
        with exit_on_error():
            count = predict_file(docs_dir, mentions, output, model)
    except OSError as exc:
        typer.echo(f"error: {output}: cannot write ({exc.strerror})", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"{count} mentions written to {output}", err=True)

"""`presslens techniques`: SemEval-format predictions of the technique model."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from presslens.edge import exit_on_error

techniques_app = typer.Typer(help="Persuasion techniques (SemEval-2020 Task 11).", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Adds the `techniques` command group to the main app."""
    app.add_typer(techniques_app, name="techniques")


@techniques_app.command("predict")
def predict(
    articles: Path = typer.Argument(..., help="Folder of article<ID>.txt files."),
    task: str = typer.Option("flc", "--task", help="si (spans), tc (label --spans) or flc (labelled spans)."),
    spans: Optional[Path] = typer.Option(None, "--spans", help="TC template: id, technique, start, end per line."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the predictions (TSV)."),
    model: Optional[Path] = typer.Option(None, "--model", help="Model folder (default: the bundled model)."),
) -> None:
    """Write SemEval-format predictions for a folder of articles."""
    # Deferred: the technique model loads the ONNX runtime and spaCy.
    from presslens.analyzers.techniques.component import load_model
    from presslens.predict.techniques import predict_folder, write_spans

    try:
        with exit_on_error({"template": "--spans"}):
            predicted = predict_folder(load_model(model), articles, task, spans)
            write_spans(output, predicted, task)
    except OSError as exc:
        typer.echo(f"error: {output}: cannot write ({exc.strerror})", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"{len(predicted)} spans written to {output}", err=True)

"""The commands that predict from the shared tasks' files with the bundled (or a given)
model, one group a task: `presslens techniques predict` (SemEval-2020 Task 11),
`presslens claims score` (check-worthiness) and `presslens framing predict` (SemEval-2025
Task 10). The work is in predict/; here are the options and the errors."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import typer

from presslens.edge import exit_on_error

techniques_app = typer.Typer(help="Persuasion techniques (SemEval-2020 Task 11).", no_args_is_help=True)
claims_app = typer.Typer(help="Check-worthy claims.", no_args_is_help=True)
framing_app = typer.Typer(help="Entity framing: protagonist, antagonist, innocent.", no_args_is_help=True)
MODEL = typer.Option(None, "--model", help="Model folder (default: the bundled model).")


def register(app: typer.Typer) -> None:
    """Adds the `techniques`, `claims` and `framing` command groups to the main app."""
    app.add_typer(techniques_app, name="techniques")
    app.add_typer(claims_app, name="claims")
    app.add_typer(framing_app, name="framing")


@contextmanager
def writing_to(output: Path, flags: Mapping[str, str] | None = None) -> Iterator[None]:
    """Around a prediction's work: its errors as `exit_on_error` says, and an output that
    cannot be written as `error: OUTPUT: cannot write (...)` and exit code 1."""
    try:
        with exit_on_error(flags):
            yield
    except OSError as exc:
        typer.echo(f"error: {output}: cannot write ({exc.strerror})", err=True)
        raise typer.Exit(1) from exc


@techniques_app.command("predict")
def predict_techniques(
    articles: Path = typer.Argument(..., help="Folder of article<ID>.txt files."),
    task: str = typer.Option("flc", "--task", help="si: spans; tc: label the --spans; flc: both."),
    spans: Path | None = typer.Option(None, "--spans", help="TC template: id, technique, start, end per line."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the predictions (TSV)."),
    model: Path | None = MODEL,
) -> None:
    """Write SemEval-format predictions for a folder of articles."""
    # Deferred: the technique model loads the ONNX runtime and spaCy.
    from presslens.analyzers.techniques.component import load_model
    from presslens.predict.techniques import predict_folder, write_spans

    with writing_to(output, {"template": "--spans"}):
        predicted = predict_folder(load_model(model), articles, task, spans)
        write_spans(output, predicted, task)
    typer.echo(f"{len(predicted)} spans written to {output}", err=True)


@claims_app.command("score")
def score_claims(
    input_path: Path = typer.Argument(
        ..., metavar="INPUT", help="JSON Lines of {id, text}, or CSV/TSV with those columns.",
    ),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write id<TAB>score lines (TSV)."),
    model: Path | None = MODEL,
) -> None:
    """Score how check-worthy each sentence is (0..1, calibrated)."""
    from presslens.predict.claims import score_file  # deferred: loads the model runtime

    with writing_to(output):
        count = score_file(input_path, output, model)
    typer.echo(f"{count} scores written to {output}", err=True)


@framing_app.command("predict")
def predict_framing(
    docs_dir: Path = typer.Argument(..., metavar="DOCS_DIR", help="Folder of the documents the mentions are in."),
    mentions: Path = typer.Option(..., "--mentions", help="Tab-separated: file, mention, start, last offset."),
    output: Path = typer.Option(
        ..., "--output", "-o", help="Where to write the lines with main role and fine roles added.",
    ),
    model: Path | None = MODEL,
) -> None:
    """Main role and fine roles of each mention (SemEval-2025 Task 10 subtask 1), in input order."""
    from presslens.predict.framing import predict_file  # deferred: loads the model runtime

    with writing_to(output):
        count = predict_file(docs_dir, mentions, output, model)
    typer.echo(f"{count} mentions written to {output}", err=True)

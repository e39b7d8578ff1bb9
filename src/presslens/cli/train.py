"""`presslens train` and `presslens eval`: fit models on their data sets and score them."""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer

from presslens.cli.predict import MODEL
from presslens.edge import exit_on_error

train_app = typer.Typer(help="Train models from their data sets.", no_args_is_help=True)
eval_app = typer.Typer(help="Score models on held-out data.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Adds the `train` and `eval` command groups to the main app."""
    app.add_typer(train_app, name="train")
    app.add_typer(eval_app, name="eval")


BASE = typer.Option(None, "--base", help="Hugging Face encoder folder; default all-MiniLM-L6-v2.")
SEED = typer.Option(13, "--seed", help="The random seed.")
PART = typer.Option("test", "--part", help="Part of the fixed split: test (held out) or dev.")
CLAIMS_DATA = typer.Option(..., "--data", help="The folder of claimbuster-train.json, clef2019-train.csv.")
FRAMING_DATA = typer.Option(..., "--data", help="SemEval-2025 Task 10 folder (annotations.tsv, documents/).")


def _log(message: str) -> None:
    typer.echo(message, err=True)


@contextmanager
def _train_extra() -> Iterator[None]:
    """Around importing a trainer: without torch and transformers, say which extra to install."""
    try:
        yield
    except ImportError as exc:
        typer.echo(f"error: training needs the train extra (pip install 'presslens[train]'): {exc}", err=True)
        raise typer.Exit(1) from exc


def _train(task: str, data: Path, out: Path, tune_only: bool = False, **settings: object) -> None:
    """Runs `presslens.training.TASK.train_TASK` (or, with `tune_only`, `retune_TASK`, which
    refits an existing model folder without torch) and prints the held-out figures of the
    model kept."""
    with exit_on_error():
        # Deferred: training loads spaCy, the ONNX runtime and (to train) torch.
        if tune_only:
            retune = getattr(importlib.import_module(f"presslens.training.{task}"), f"retune_{task}")
            metrics = retune(data, out, log=_log)
        else:
            with _train_extra():
                # deferred: training needs torch and transformers, the optional train extra
                run = getattr(importlib.import_module(f"presslens.training.{task}"), f"train_{task}")
            metrics = run(data, out, log=_log, **settings)
    typer.echo(json.dumps(metrics["held_out"][metrics["shipped"]], indent=1))


@train_app.command("techniques")
def train_techniques(
    data: Path = typer.Option(..., "--data", help="PTC folder (train-articles/ and its label folders)."),
    out: Path = typer.Option(Path("techniques-model"), "--out", help="Folder to write the model to."),
    base: Path | None = BASE,
    epochs: int = typer.Option(5, "--epochs", min=1, help="Passes over the training part (the best on dev is kept)."),
    seed: int = SEED,
    frozen_layers: int = typer.Option(0, "--frozen-layers", min=0, help="Lowest encoder layers left frozen."),
    any_weight: float = typer.Option(
        0.5,
        "--any-weight",
        min=0.0,
        max=1.0,
        help='Share of the token loss on the "any technique" channel, which finds spans.',
    ),
    max_length: int = typer.Option(
        256, "--max-length", min=32, max=512, help="Tokens a window reads (training windows overlap by an eighth)."
    ),
    tune_only: bool = typer.Option(
        False, "--tune-only", help="Keep the encoder in --out; refit calibration, decoding, stage two."
    ),
) -> None:
    """Train the technique tagger on PTC; writes ONNX, labels, thresholds and metrics.json."""
    _train("techniques", data, out, tune_only, base=base, epochs=epochs, seed=seed, frozen_layers=frozen_layers,
           any_weight=any_weight, max_length=max_length)


@train_app.command("claims")
def train_claims(
    data: Path = CLAIMS_DATA,
    out: Path = typer.Option(Path("claims-model"), "--out", help="Folder to write the model to."),
    base: Path | None = BASE,
    epochs: int = typer.Option(
        2, "--epochs", min=1, help="How many passes the fine-tuned recipe makes over the fit part."),
    seed: int = SEED,
    recipe: str = typer.Option(
        "finetuned", "--recipe",
        help="finetuned (the shipped one, ahead by k-fold) fine-tunes --base in about 10 minutes; "
             "frozen fits linear heads on the bundled sentence encoder in a minute, without torch.",
    ),
) -> None:
    """Train the check-worthiness classifier; writes its model, calibration, threshold and metrics."""
    _train("claims", data, out, base=base, epochs=epochs, seed=seed, recipe=recipe)


@train_app.command("sentences")
def train_sentences(
    out: Path = typer.Option(Path("sentences-model"), "--out", help="Folder to write the encoder to."),
    base: Path | None = BASE,
) -> None:
    """Export the shared sentence encoder (the base as published, mean-pooled, int8) to ONNX."""
    with exit_on_error(), _train_extra():
        # deferred: the export needs torch and transformers, the optional train extra
        from presslens.training.sentences import export_sentence_encoder

        typer.echo(json.dumps(export_sentence_encoder(out, base, log=_log)))


@train_app.command("framing")
def train_framing(
    data: Path = FRAMING_DATA,
    extra: Path | None = typer.Option(
        None, "--extra", help="Narrative Frames Corpus folder, added to the training part."
    ),
    out: Path = typer.Option(Path("framing-model"), "--out", help="Folder to write the model to."),
    base: Path | None = BASE,
    epochs: int = typer.Option(4, "--epochs", min=1, help="Passes over the training part (the best on dev is kept)."),
    seed: int = SEED,
    swap_names: bool = typer.Option(
        False,
        "--swap-names",
        help="Also train on copies of the articles with their labelled names swapped.",
    ),
    tune_only: bool = typer.Option(
        False, "--tune-only", help="Keep the encoder and heads in --out; refit the decoding thresholds on dev."
    ),
) -> None:
    """Train the entity-framing classifier; writes ONNX, role heads, thresholds and metrics.json."""
    _train("framing", data, out, tune_only, extra=extra, base=base, epochs=epochs, seed=seed, swap_names=swap_names)


def _add_eval(task: str, data_option: Any, summary: str) -> None:
    """Adds `eval TASK`: prints the figures of `presslens.training.TASK.evaluate_TASK` for a
    model (the bundled one by default) on one part of the task's data (the held-out one by default)."""

    @eval_app.command(task, help=summary)
    def evaluate(
        data: Path = data_option, part: str = PART, model: Path | None = MODEL,
    ) -> None:
        # deferred: the trainer's module loads the model runtime
        scores = getattr(importlib.import_module(f"presslens.training.{task}"), f"evaluate_{task}")
        with exit_on_error({"part": "--part"}):
            result = scores(data, part, model)
        typer.echo(json.dumps(result, indent=1))


_add_eval(
    "claims", CLAIMS_DATA,
    "ClaimBuster F1 (P, R) and CLEF CheckThat! 2019 MAP (per debate too), by default of the bundled model on the "
    "held-out part.",
)
_add_eval(
    "framing", FRAMING_DATA,
    "Main-role accuracy and macro-F1 and the fine-role exact match ratio (SemEval-2025 Task 10), by default of the "
    "bundled model on the held-out part.",
)


@eval_app.command("techniques")
def eval_techniques(
    data: Path = typer.Option(..., "--data", help="PTC folder with gold labels."),
    predictions: Path | None = typer.Option(None, "--predictions", help="Score this file instead of running a model."),
    task: str = typer.Option("si", "--task", help="Format of --predictions: si, tc or flc."),
    part: str = typer.Option("test", "--part", help="Part of the fixed split: test (held out), dev, fit or all."),
    model: Path | None = MODEL,
) -> None:
    """SemEval-2020 Task 11 scores (SI, TC, FLC), by default of the bundled model on the held-out part."""
    from presslens.training.techniques_eval import (  # deferred: loads the model runtime
        evaluate_folder,
        score_predictions,
    )

    with exit_on_error():
        if predictions is not None:
            result = score_predictions(data, predictions, task, part)
        else:
            result = evaluate_folder(data, part, model)
    typer.echo(json.dumps(result, indent=1))

"""What a training run takes: one settings class per task, on one base, each field
documented (`help`; a task that only changes a default keeps the base's), as SetFit's
`TrainingArguments`. Torch-free; metrics.json records a run's settings whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


def setting(default: Any, help: str) -> Any:
    """A settings field with its documentation."""
    return field(default=default, metadata={"help": help})


@dataclass
class TrainingSettings:
    """What every task's fine-tuning of the base encoder takes (training/harness.py reads it)."""

    max_length: int = setting(
        128, "The most tokens in one window or sentence the encoder reads, [CLS] and [SEP] included."
    )
    epochs: int = setting(4, "Passes over the fit part; the epoch that scores best on dev is the one kept.")
    batch_size: int = setting(16, "Windows (or sentences) in one optimiser step.")
    encoder_lr: float = setting(5e-5, "AdamW's learning rate for the encoder's weights.")
    head_lr: float = setting(1e-3, "AdamW's learning rate for the task's head, which starts from random weights.")
    warmup: float = setting(
        0.06, "Share of the steps over which the learning rates rise from 0; they then fall linearly to 0."
    )
    seed: int = setting(13, "Seeds Python's, NumPy's and torch's generators and the order of the batches.")

    @classmethod
    def help(cls) -> dict[str, str]:
        """Each field's name and documentation: its own, or, where a task only changes the
        default, the documentation of the class it overrides."""
        def documented(name: str) -> str:
            for klass in cls.__mro__:
                own = getattr(klass, "__dataclass_fields__", {}).get(name)
                if own is not None and own.metadata.get("help"):
                    return own.metadata["help"]
            return ""

        return {f.name: documented(f.name) for f in fields(cls)}


@dataclass
class TechniquesTrainingSettings(TrainingSettings):
    """`presslens train techniques`: a token tagger and span classifier on PTC (training/techniques.py)."""

    max_length: int = setting(256, "The most tokens in one training window, [CLS] and [SEP] included.")
    epochs: int = setting(5, "Passes over the fit part; the epoch with the best SI F1 on dev is the one kept.")
    batch_size: int = setting(16, "Windows in one optimiser step.")
    encoder_lr: float = 1.5e-4
    stride: int = setting(224, "Text tokens between the starts of two training windows: they overlap little, "
                               "for more distinct text per step.")
    # Embeddings and the lowest layers stay as pretrained: backward passes cost a third
    # less, which is what lets a full run finish on two shared CPU cores.
    frozen_layers: int = setting(0, "The embeddings and this many of the lowest encoder layers stay as pretrained.")
    # Spans come from "any" alone, so it gets more than its 1/15.
    any_weight: float = setting(0.5, "Share of each token's loss on the \"any technique\" channel, the rest spread "
                                     "over the technique channels.")


@dataclass
class ClaimsTrainingSettings(TrainingSettings):
    """`presslens train claims`: a check-worthiness classifier on ClaimBuster and CLEF (training/claims.py)."""

    max_length: int = setting(96, "The most tokens of one sentence the encoder reads; longer ones are cut.")
    epochs: int = setting(
        2, "Passes over the fit part; the epoch with the best ClaimBuster F1 + CLEF MAP on dev is kept."
    )
    batch_size: int = setting(32, "Sentences in one optimiser step, of like length.")


@dataclass
class FramingTrainingSettings(TrainingSettings):
    """`presslens train framing`: a mention role classifier on SemEval-2025 Task 10 (training/framing.py)."""

    epochs: int = setting(
        4, "Passes over the fit part; the epoch with the best accuracy + macro-F1 + EMR on dev is kept."
    )
    batch_size: int = setting(16, "Windows in one optimiser step, of like length.")
    encoder_lr: float = 6e-5
    head_lr: float = 2e-3
    warmup: float = 0.1
    # A mention's feature is the mean state of its own tokens beside that of the tokens
    # around it, as analyzers/framing/model.py computes it at run time.
    context: int = setting(24, "Tokens either side of a mention pooled as its context.")
    fine_weight: float = setting(1.0, "Weight of the fine-role loss beside the main-role one.")

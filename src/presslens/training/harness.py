"""The training harness every task shares, as SetFit's `Trainer`: seeding, the base
encoder and its tokenizer, batching, the epoch loop (AdamW, warm-up then linear decay,
gradients clipped), the evaluation on dev after each epoch that picks the epoch kept, and
the ONNX export. A task supplies its data, its head (a net with an `encoder`), its loss
and its evaluation; model_folder.py does what comes after (quantisation, config.json,
metrics.json, the model card's figures). Needs the `train` extra (torch, transformers).
"""

from __future__ import annotations

import os
import platform
import random
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Protocol

import numpy as np
import torch
from torch import nn

from presslens.training.settings import TrainingSettings

OPSET = 17
# Scores a net in eval mode on dev (higher is better): what picks the epoch kept.
Selector = Callable[[nn.Module, object], float]


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def warmup_then_decay(optimizer, steps: int, warmup_share: float):
    """Learning rates rising linearly over the first `warmup_share` of the steps, then falling linearly to 0."""
    warmup = max(1, int(steps * warmup_share))
    return torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / max(1, steps - warmup)))
    )


def take_step(net: nn.Module, loss: torch.Tensor, optimizer, schedule) -> None:
    """One optimiser step on `loss`, gradients clipped to norm 1, then the schedule's step."""
    optimizer.zero_grad()
    loss.backward()
    nn.utils.clip_grad_norm_(net.parameters(), 1.0)
    optimizer.step()
    schedule.step()


class BestEpoch:
    """The weights of the epoch a selection score rates highest, kept to restore at the end."""

    def __init__(self) -> None:
        self.score, self.state, self.epoch = float("-inf"), None, 0

    def offer(self, net: nn.Module, epoch: int, score: float, log: Callable[[str], None]) -> None:
        log(f"epoch {epoch}: selection score {score:.4f}")
        if score > self.score:
            self.score, self.epoch = score, epoch
            self.state = {k: v.detach().clone() for k, v in net.state_dict().items()}

    def restore(self, net: nn.Module, log: Callable[[str], None]) -> None:
        if self.state is not None:
            net.load_state_dict(self.state)
            log(f"kept epoch {self.epoch} (selection score {self.score:.4f})")


class BatchOrder(Protocol):
    """The batches of one epoch, as lists of example indices, in an order drawn from `rng`."""

    def __len__(self) -> int: ...

    def epoch(self, rng: random.Random) -> list[list[int]]: ...


class ShuffledChunks:
    """Fixed batches (of examples of like length: less padding), in a fresh order each epoch."""

    def __init__(self, chunks: list[list[int]]) -> None:
        self.chunks = chunks

    def __len__(self) -> int:
        return len(self.chunks)

    def epoch(self, rng: random.Random) -> list[list[int]]:
        rng.shuffle(self.chunks)
        return self.chunks


class ShuffledExamples:
    """Batches of `batch_size` examples drawn afresh each epoch from all `count` of them."""

    def __init__(self, count: int, batch_size: int) -> None:
        self.count, self.batch_size = count, batch_size

    def __len__(self) -> int:
        return -(-self.count // self.batch_size)

    def epoch(self, rng: random.Random) -> list[list[int]]:
        order = list(range(self.count))
        rng.shuffle(order)
        return [order[first:first + self.batch_size] for first in range(0, self.count, self.batch_size)]


def padded(encodings: list[list[int]], pad_id: int) -> tuple[torch.Tensor, torch.Tensor]:
    """(input_ids, attention_mask) of token id lists, padded with `pad_id` to the longest."""
    width = max(len(ids) for ids in encodings)
    ids = torch.full((len(encodings), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(encodings), width), dtype=torch.long)
    for row, token_ids in enumerate(encodings):
        ids[row, :len(token_ids)] = torch.tensor(token_ids)
        mask[row, :len(token_ids)] = 1
    return ids, mask


def freeze_lower_layers(encoder: nn.Module, n_layers: int) -> int:
    """Freezes the embeddings and the first `n_layers` blocks of a BERT-like encoder; returns how many froze."""
    layers = getattr(getattr(encoder, "encoder", None), "layer", None)
    embeddings = getattr(encoder, "embeddings", None)
    if n_layers <= 0 or layers is None or embeddings is None:
        return 0
    frozen = min(n_layers, len(layers))
    for module in [embeddings, *layers[:frozen]]:
        for parameter in module.parameters():
            parameter.requires_grad = False
    return frozen


def export_onnx(module: nn.Module, path: Path, outputs: dict[str, dict[int, str]]) -> None:
    """An fp32 graph of `module` (input_ids, attention_mask) -> `outputs`, with dynamic batch
    and sequence axes on the inputs and the axes `outputs` names on each output."""
    module.eval()
    ids = torch.ones((2, 16), dtype=torch.long)
    mask = torch.ones((2, 16), dtype=torch.long)
    sequence_axes = {0: "batch", 1: "sequence"}
    with torch.no_grad():
        torch.onnx.export(
            module,
            (ids, mask),
            str(path),
            input_names=["input_ids", "attention_mask"],
            output_names=list(outputs),
            dynamic_axes={"input_ids": sequence_axes, "attention_mask": sequence_axes, **outputs},
            opset_version=OPSET,
            dynamo=False,
        )


class Trainer:
    """One fine-tuning run: made where the run's randomness begins (it seeds every generator
    from `settings.seed`), then it loads the base, and `train` runs the loop."""

    def __init__(self, settings: TrainingSettings, log: Callable[[str], None] = print,
                 device: torch.device | None = None, log_every: int = 20) -> None:
        self.settings, self.log, self.log_every = settings, log, log_every
        self.device = device or torch.device("cpu")
        # Two threads: the machines these runs were sized for have two shared cores.
        torch.set_num_threads(min(2, os.cpu_count() or 1))
        seed_everything(settings.seed)
        self.began, self.seconds = time.monotonic(), 0.0

    def tokenizer(self, base: Path, truncate: bool = False):
        """The base's tokenizer, unpadded; cut at `settings.max_length` when `truncate`."""
        # deferred: tokenizers loads with the run
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(Path(base) / "tokenizer.json"))
        if truncate:
            tokenizer.enable_truncation(self.settings.max_length)
        else:
            tokenizer.no_truncation()
        tokenizer.no_padding()
        return tokenizer

    def encoder(self, base: Path) -> nn.Module:
        """The base encoder's pretrained weights."""
        # deferred: transformers is slow to import
        from transformers import AutoModel

        return AutoModel.from_pretrained(str(base), attn_implementation="eager")

    def train(
        self,
        net: nn.Module,
        head_params: list,
        batches: BatchOrder,
        loss_of: Callable[[list[int]], torch.Tensor],
        select: Selector | None = None,
        tokenizer=None,
    ) -> nn.Module:
        """Fine-tunes `net` in place: the trainable weights of `net.encoder` at `encoder_lr`,
        `head_params` at `head_lr`, one step per batch, `loss_of(batch)` each batch's loss.
        With `select`, each epoch's net is scored by `select(net, tokenizer)` and the best
        epoch's weights are kept. Returns `net` on the CPU, in eval mode."""
        settings = self.settings
        optimizer = torch.optim.AdamW([
            {"params": [p for p in net.encoder.parameters() if p.requires_grad], "lr": settings.encoder_lr},
            {"params": list(head_params), "lr": settings.head_lr},
        ], weight_decay=0.01)
        steps = settings.epochs * len(batches)
        schedule = warmup_then_decay(optimizer, steps, settings.warmup)
        order_rng = random.Random(settings.seed)
        step, began = 0, time.monotonic()
        best = BestEpoch()
        for epoch in range(settings.epochs):
            net.train()
            for chosen in batches.epoch(order_rng):
                loss = loss_of(chosen)
                take_step(net, loss, optimizer, schedule)
                step += 1
                if step % self.log_every == 0 or step == steps:
                    self.log(
                        f"epoch {epoch + 1} step {step}/{steps} loss {loss.item():.4f} "
                        f"({time.monotonic() - began:.0f}s)"
                    )
            if select is not None:
                net.eval()
                best.offer(net, epoch + 1, select(net, tokenizer), self.log)
        best.restore(net, self.log)
        self.seconds = time.monotonic() - self.began
        return net.cpu().eval()

    def run_info(self) -> dict:
        """What metrics.json says of the run: its settings, how long it took (from the
        Trainer's making to the end of `train`) and where it ran."""
        device = "cuda" if self.device.type == "cuda" else platform.processor() or "cpu"
        return {"settings": asdict(self.settings), "train_seconds": round(self.seconds),
                "torch_threads": torch.get_num_threads(), "device": device}

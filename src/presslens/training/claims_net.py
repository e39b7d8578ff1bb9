"""Fine-tunes a sentence encoder as a check-worthiness classifier (mean pooling + linear)
and exports it to ONNX. Needs the `train` extra (torch, transformers)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import torch
from torch import nn

from presslens.training.claims_data import HEADS, Sentence
from presslens.training.train import fine_tune, seed_everything

OPSET = 17


@dataclass
class ClaimTrainSettings:
    max_length: int = 96
    epochs: int = 2
    batch_size: int = 32
    encoder_lr: float = 5e-5
    head_lr: float = 1e-3
    warmup: float = 0.06
    seed: int = 13


class ClaimNet(nn.Module):
    """Encoder, mean of the token states over the attention mask, one logit per head (HEADS)."""

    def __init__(self, encoder: nn.Module, hidden_size: int) -> None:
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(hidden_size, len(HEADS))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        weights = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1.0)
        return self.head(self.dropout(pooled))


def padded(encodings: list[list[int]], pad_id: int) -> tuple[torch.Tensor, torch.Tensor]:
    width = max(len(ids) for ids in encodings)
    ids = torch.full((len(encodings), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(encodings), width), dtype=torch.long)
    for row, token_ids in enumerate(encodings):
        ids[row, :len(token_ids)] = torch.tensor(token_ids)
        mask[row, :len(token_ids)] = 1
    return ids, mask


def net_logits(net: ClaimNet, tokenizer, texts: list[str], pad_id: int, batch_size: int = 64) -> np.ndarray:
    """The net's logits for `texts`, (len(texts), len(HEADS)) (eval mode, no gradient), in order."""
    encodings = [e.ids for e in tokenizer.encode_batch(texts)]
    order = sorted(range(len(texts)), key=lambda i: len(encodings[i]))
    out = np.zeros((len(texts), len(HEADS)), dtype=np.float32)
    with torch.no_grad():
        for first in range(0, len(order), batch_size):
            chosen = order[first:first + batch_size]
            ids, mask = padded([encodings[i] for i in chosen], pad_id)
            out[chosen] = net(ids, mask).numpy()
    return out


def train_claim_net(
    fit: list[Sentence],
    base: Path,
    settings: ClaimTrainSettings,
    log: Callable[[str], None] = print,
    select: Callable[[ClaimNet, object], float] | None = None,
) -> tuple[ClaimNet, object]:
    """The trained net (CPU, eval mode) and its tokenizer; with `select`, the epoch scoring
    highest by it on the dev part is the one kept."""
    # deferred: transformers is part of the optional train extra
    from tokenizers import Tokenizer
    from transformers import AutoModel

    seed_everything(settings.seed)
    tokenizer = Tokenizer.from_file(str(Path(base) / "tokenizer.json"))
    tokenizer.enable_truncation(settings.max_length)
    tokenizer.no_padding()
    pad_id = tokenizer.token_to_id("[PAD]") or 0
    encodings = [e.ids for e in tokenizer.encode_batch([s.text for s in fit])]
    labels = torch.tensor([float(s.label) for s in fit])
    heads = torch.tensor([s.head for s in fit])
    encoder = AutoModel.from_pretrained(str(base), attn_implementation="eager")
    net = ClaimNet(encoder, encoder.config.hidden_size)
    # Batches hold sentences of like length (less padding), in a fresh seeded order each epoch.
    by_length = sorted(range(len(fit)), key=lambda i: len(encodings[i]))
    chunks = [by_length[i:i + settings.batch_size] for i in range(0, len(by_length), settings.batch_size)]
    loss_fn = nn.BCEWithLogitsLoss()

    def loss_of(chosen: list[int]) -> torch.Tensor:
        ids, mask = padded([encodings[i] for i in chosen], pad_id)
        # Each sentence trains only the head of its own source.
        logits = net(ids, mask).gather(1, heads[chosen].unsqueeze(1)).squeeze(1)
        return loss_fn(logits, labels[chosen])

    log(f"training: {len(fit)} sentences, {settings.epochs * len(chunks)} steps")
    fine_tune(net, list(net.head.parameters()), chunks, loss_of, settings, tokenizer, log, select, log_every=50)
    return net.eval(), tokenizer


def export_claim_onnx(net: ClaimNet, path: Path) -> None:
    """fp32 graph with dynamic batch and sequence axes: (input_ids, attention_mask) -> logits (batch, heads)."""
    net.eval()
    ids = torch.ones((2, 16), dtype=torch.long)
    mask = torch.ones((2, 16), dtype=torch.long)
    with torch.no_grad():
        torch.onnx.export(
            net,
            (ids, mask),
            str(path),
            input_names=["input_ids", "attention_mask"],
            output_names=["logits"],
            dynamic_axes={"input_ids": {0: "batch", 1: "sequence"}, "attention_mask": {0: "batch", 1: "sequence"}, "logits": {0: "batch"}},
            opset_version=OPSET,
            dynamo=False,
        )

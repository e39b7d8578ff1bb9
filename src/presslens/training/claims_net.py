"""Fine-tunes a sentence encoder as a check-worthiness classifier (mean pooling + linear)
and exports it to ONNX. Needs the `train` extra (torch, transformers)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import torch
from torch import nn

from presslens.training.claims_data import HEADS, Sentence
from presslens.training.harness import Selector, ShuffledChunks, Trainer, export_onnx, padded
from presslens.training.settings import ClaimsTrainingSettings


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


def train_claim_net(fit: list[Sentence], base: Path, settings: ClaimsTrainingSettings,
                    log: Callable[[str], None] = print,
                    select: Selector | None = None) -> tuple[ClaimNet, object, Trainer]:
    """The trained net (CPU, eval mode), its tokenizer and the Trainer that ran it; with
    `select`, the epoch scoring highest by it on the dev part is the one kept."""
    trainer = Trainer(settings, log, log_every=50)
    tokenizer = trainer.tokenizer(base, truncate=True)
    pad_id = tokenizer.token_to_id("[PAD]") or 0
    encodings = [e.ids for e in tokenizer.encode_batch([s.text for s in fit])]
    labels = torch.tensor([float(s.label) for s in fit])
    heads = torch.tensor([s.head for s in fit])
    encoder = trainer.encoder(base)
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
    return (
        trainer.train(net, list(net.head.parameters()), ShuffledChunks(chunks), loss_of, select, tokenizer),
        tokenizer,
        trainer,
    )


def export_claim_onnx(net: ClaimNet, path: Path) -> None:
    """fp32 graph with dynamic batch and sequence axes: (input_ids, attention_mask) -> logits (batch, heads)."""
    export_onnx(net, path, {"logits": {0: "batch"}})

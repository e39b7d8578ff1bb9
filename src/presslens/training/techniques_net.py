"""Fine-tunes an encoder on PTC as a multi-label token tagger plus a span classifier.

Every token gets one sigmoid per technique and one for "any technique" (PTC spans
overlap, so a token can carry several); a softmax head over the mean of a span's token
states labels given spans (the TC task). Needs the `train` extra (torch, transformers).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn

from presslens.analyzers.onnx_models import special_ids
from presslens.analyzers.techniques.component import make_windows, token_range
from presslens.training.harness import Selector, ShuffledExamples, Trainer, export_onnx, freeze_lower_layers
from presslens.training.model_folder import write_config
from presslens.training.settings import TechniquesTrainingSettings
from presslens.training.techniques_data import TECHNIQUES, PtcArticle

N_LABELS = len(TECHNIQUES)
class TechniqueNet(nn.Module):
    """Encoder + token head (techniques + "any") + span head (techniques)."""

    def __init__(self, encoder: nn.Module, hidden_size: int) -> None:
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(0.1)
        self.token_head = nn.Linear(hidden_size, N_LABELS + 1)
        self.span_head = nn.Linear(hidden_size, N_LABELS)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor):
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        return self.token_head(self.dropout(hidden)), hidden


class ExportWrapper(nn.Module):
    """What goes into ONNX: no dropout, (token_logits, hidden) out."""

    def __init__(self, net: TechniqueNet) -> None:
        super().__init__()
        self.net = net

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor):
        hidden = self.net.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        return self.net.token_head(hidden), hidden


@dataclass
class WindowExample:
    ids: list[int]
    targets: np.ndarray  # (len(ids), N_LABELS + 1); rows of special tokens are zero
    spans: list[tuple[int, int, np.ndarray]]  # rows [a, b) in the window, label distribution


def article_examples(article: PtcArticle, tokenizer, settings: TechniquesTrainingSettings) -> list[WindowExample]:
    windows = make_windows(tokenizer, article.text, settings.max_length, settings.stride)
    n = len(windows.offsets)
    targets = np.zeros((n, N_LABELS + 1), dtype=np.float32)
    by_range: dict[tuple[int, int], np.ndarray] = {}
    for span in article.spans:
        first, last = token_range(windows.offsets, span.start, span.end)
        if last <= first:
            continue
        k = TECHNIQUES.index(span.technique)
        targets[first:last, k] = 1.0
        targets[first:last, N_LABELS] = 1.0
        by_range.setdefault((first, last), np.zeros(N_LABELS, np.float32))[k] += 1.0
    examples = []
    for start, length, ids in zip(windows.starts, windows.lengths, windows.ids):
        window_targets = np.zeros((len(ids), N_LABELS + 1), dtype=np.float32)
        window_targets[1:length + 1] = targets[start:start + length]
        spans = []
        for (first, last), counts in by_range.items():
            a, b = max(first, start), min(last, start + length)
            # A span counts in a window that holds at least half of its tokens.
            if b > a and (b - a) * 2 >= last - first:
                spans.append((a - start + 1, b - start + 1, counts / counts.sum()))
        examples.append(WindowExample(ids, window_targets, spans))
    return examples


def collate(batch: list[WindowExample], pad_id: int):
    width = max(len(e.ids) for e in batch)
    ids = torch.full((len(batch), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    targets = torch.zeros((len(batch), width, N_LABELS + 1))
    pool_rows, span_targets = [], []
    for row, e in enumerate(batch):
        ids[row, :len(e.ids)] = torch.tensor(e.ids)
        mask[row, :len(e.ids)] = 1
        targets[row, :len(e.ids)] = torch.from_numpy(e.targets)
        for a, b, dist in e.spans:
            weights = torch.zeros(len(batch) * width)
            weights[row * width + a: row * width + b] = 1.0 / (b - a)
            pool_rows.append(weights)
            span_targets.append(torch.from_numpy(dist))
    token_mask = mask.clone()
    token_mask[:, 0] = 0
    token_mask[torch.arange(len(batch)), mask.sum(1) - 1] = 0  # the [SEP] of each window
    pool = torch.stack(pool_rows) if pool_rows else torch.zeros((0, len(batch) * width))
    span_t = torch.stack(span_targets) if span_targets else torch.zeros((0, N_LABELS))
    return ids, mask, targets, token_mask, pool, span_t


def positive_weights(examples: list[WindowExample]) -> torch.Tensor:
    """Per channel sqrt(negatives/positives), capped, so rare techniques still get gradient."""
    stacked = np.concatenate([e.targets[1:-1] for e in examples])
    pos = stacked.sum(0) + 1.0
    neg = len(stacked) - pos + 1.0
    return torch.tensor(np.minimum(np.sqrt(neg / pos), 10.0), dtype=torch.float32)


def train(fit: list[PtcArticle], base: Path, settings: TechniquesTrainingSettings, log: Callable[[str], None] = print,
          select: Selector | None = None) -> tuple[TechniqueNet, object, Trainer]:
    """The trained net (on CPU, eval mode), its tokenizer and the Trainer that ran it. With
    `select`, each epoch's net is scored by it (higher is better) and the best epoch's
    weights are kept."""
    trainer = Trainer(settings, log, torch.device("cuda" if torch.cuda.is_available() else "cpu"))
    device = trainer.device
    tokenizer = trainer.tokenizer(base)
    pad_id = special_ids(tokenizer)[2]
    examples = [e for article in fit for e in article_examples(article, tokenizer, settings)]
    encoder = trainer.encoder(base)
    frozen = freeze_lower_layers(encoder, settings.frozen_layers)
    net = TechniqueNet(encoder, encoder.config.hidden_size).to(device)
    pos_weight = positive_weights(examples).to(device)
    token_loss = nn.BCEWithLogitsLoss(reduction="none", pos_weight=pos_weight)
    channel_weight = torch.full((N_LABELS + 1,), (1 - settings.any_weight) / N_LABELS, device=device)
    channel_weight[N_LABELS] = settings.any_weight

    def loss_of(chosen: list[int]) -> torch.Tensor:
        ids, mask, targets, token_mask, pool, span_t = (
            t.to(device) for t in collate([examples[i] for i in chosen], pad_id)
        )
        logits, hidden = net(ids, mask)
        per_token = (token_loss(logits, targets) * channel_weight).sum(-1)
        loss = (per_token * token_mask).sum() / token_mask.sum().clamp(min=1)
        if len(pool):
            pooled = pool @ hidden.reshape(-1, hidden.shape[-1])
            span_logits = net.span_head(net.dropout(pooled))
            loss = loss + -(span_t * torch.log_softmax(span_logits, -1)).sum(-1).mean()
        return loss

    batches = ShuffledExamples(len(examples), settings.batch_size)
    log(
        f"training on {device}: {len(examples)} windows, {settings.epochs * len(batches)} steps, "
        f"{frozen} lower layers frozen"
    )
    head_params = list(net.token_head.parameters()) + list(net.span_head.parameters())
    return trainer.train(net, head_params, batches, loss_of, select, tokenizer), tokenizer, trainer


def write_model_folder(net: TechniqueNet, tokenizer, out: Path, config: dict, onnx_file: str) -> None:
    """The fp32 graph (outputs token_logits and hidden, dynamic batch and sequence axes),
    tokenizer, labels, span head and config of a trained net."""
    out.mkdir(parents=True, exist_ok=True)
    sequence_axes = {0: "batch", 1: "sequence"}
    export_onnx(ExportWrapper(net), out / onnx_file, {"token_logits": sequence_axes, "hidden": sequence_axes})
    tokenizer.save(str(out / "tokenizer.json"))
    (out / "labels.json").write_text(json.dumps(list(TECHNIQUES), indent=1) + "\n", encoding="utf-8")
    head = net.span_head
    np.savez(out / "span_head.npz", weight=head.weight.detach().numpy(), bias=head.bias.detach().numpy())
    write_config(out, config)

"""Fine-tunes an encoder on PTC as a multi-label token tagger plus a span classifier.

Every token gets one sigmoid per technique and one for "any technique" (PTC spans
overlap, so a token can carry several); a softmax head over the mean of a span's token
states labels given spans (the TC task). Needs the `train` extra (torch, transformers).
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import torch
from torch import nn

from presslens.analyzers.onnx_models import special_ids
from presslens.analyzers.techniques.component import make_windows, token_range
from presslens.training.ptc import TECHNIQUES, PtcArticle

N_LABELS = len(TECHNIQUES)


@dataclass
class TrainSettings:
    max_length: int = 256
    stride: int = 224  # training windows overlap little: more distinct text per step
    epochs: int = 5
    # Embeddings and the lowest layers stay as pretrained: backward passes cost a third
    # less, which is what lets a full run finish on two shared CPU cores.
    frozen_layers: int = 0
    batch_size: int = 16
    encoder_lr: float = 1.5e-4
    head_lr: float = 1e-3
    warmup: float = 0.06
    seed: int = 13
    # Share of each token's loss on the "any technique" channel, the rest spread over the
    # technique channels. Spans come from "any" alone, so it gets more than its 1/15.
    any_weight: float = 0.5


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


def fine_tune(
    net: nn.Module,
    head_params: list,
    chunks: list[list[int]],
    loss_of: Callable[[list[int]], torch.Tensor],
    settings,
    tokenizer,
    log: Callable[[str], None],
    select: Callable[[nn.Module, object], float] | None = None,
    log_every: int = 20,
) -> None:
    """Fine-tunes `net` in place: its encoder at `settings.encoder_lr` and `head_params` at
    `settings.head_lr` (AdamW, warm-up then linear decay, gradients clipped), one step per
    chunk of example indices, the chunks in a fresh order each epoch from a generator seeded
    with `settings.seed`; `loss_of(chunk)` is a chunk's loss. With `select`, the epoch it
    scores highest on dev is the one kept. Leaves `net` in eval mode."""
    optimizer = torch.optim.AdamW([
        {"params": list(net.encoder.parameters()), "lr": settings.encoder_lr},
        {"params": head_params, "lr": settings.head_lr},
    ], weight_decay=0.01)
    steps = settings.epochs * len(chunks)
    schedule = warmup_then_decay(optimizer, steps, settings.warmup)
    order_rng = random.Random(settings.seed)
    step, began = 0, time.monotonic()
    best = BestEpoch()
    for epoch in range(settings.epochs):
        net.train()
        order_rng.shuffle(chunks)
        for chosen in chunks:
            loss = loss_of(chosen)
            take_step(net, loss, optimizer, schedule)
            step += 1
            if step % log_every == 0 or step == steps:
                log(f"epoch {epoch + 1} step {step}/{steps} loss {loss.item():.4f} ({time.monotonic() - began:.0f}s)")
        if select is not None:
            net.eval()
            best.offer(net, epoch + 1, select(net, tokenizer), log)
    best.restore(net, log)
    net.eval()


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


def article_examples(article: PtcArticle, tokenizer, settings: TrainSettings) -> list[WindowExample]:
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


def train(
    fit: list[PtcArticle],
    base: Path,
    settings: TrainSettings,
    log: Callable[[str], None] = print,
    select: Callable[[TechniqueNet, object], float] | None = None,
) -> tuple[TechniqueNet, object]:
    """Returns the trained net (on CPU, eval mode) and its tokenizer. With `select`, each
    epoch's net is scored by it (higher is better) and the best epoch's weights are kept."""
    # deferred: transformers and torch are the optional train extra
    from tokenizers import Tokenizer
    from transformers import AutoModel

    seed_everything(settings.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    tokenizer = Tokenizer.from_file(str(Path(base) / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    pad_id = special_ids(tokenizer)[2]
    examples = [e for article in fit for e in article_examples(article, tokenizer, settings)]
    encoder = AutoModel.from_pretrained(str(base), attn_implementation="eager")
    frozen = freeze_lower_layers(encoder, settings.frozen_layers)
    net = TechniqueNet(encoder, encoder.config.hidden_size).to(device)
    pos_weight = positive_weights(examples).to(device)
    token_loss = nn.BCEWithLogitsLoss(reduction="none", pos_weight=pos_weight)
    channel_weight = torch.full((N_LABELS + 1,), (1 - settings.any_weight) / N_LABELS, device=device)
    channel_weight[N_LABELS] = settings.any_weight
    optimizer = torch.optim.AdamW([
        {"params": [p for p in net.encoder.parameters() if p.requires_grad], "lr": settings.encoder_lr},
        {"params": list(net.token_head.parameters()) + list(net.span_head.parameters()), "lr": settings.head_lr},
    ], weight_decay=0.01)
    steps = settings.epochs * math.ceil(len(examples) / settings.batch_size)
    schedule = warmup_then_decay(optimizer, steps, settings.warmup)
    log(f"training on {device}: {len(examples)} windows, {steps} steps, {frozen} lower layers frozen")
    order_rng = random.Random(settings.seed)
    step, began = 0, time.monotonic()
    best = BestEpoch()
    net.train()
    for epoch in range(settings.epochs):
        order = list(range(len(examples)))
        order_rng.shuffle(order)
        for first in range(0, len(order), settings.batch_size):
            batch = [examples[i] for i in order[first:first + settings.batch_size]]
            ids, mask, targets, token_mask, pool, span_t = (t.to(device) for t in collate(batch, pad_id))
            logits, hidden = net(ids, mask)
            per_token = (token_loss(logits, targets) * channel_weight).sum(-1)
            loss = (per_token * token_mask).sum() / token_mask.sum().clamp(min=1)
            if len(pool):
                pooled = pool @ hidden.reshape(-1, hidden.shape[-1])
                span_logits = net.span_head(net.dropout(pooled))
                loss = loss + -(span_t * torch.log_softmax(span_logits, -1)).sum(-1).mean()
            take_step(net, loss, optimizer, schedule)
            step += 1
            if step % 20 == 0 or step == steps:
                log(f"epoch {epoch + 1} step {step}/{steps} loss {loss.item():.4f} ({time.monotonic() - began:.0f}s)")
        if select is not None:
            net.eval()
            score = select(net, tokenizer)
            net.train()
            best.offer(net, epoch + 1, score, log)
    best.restore(net, log)
    return net.cpu().eval(), tokenizer

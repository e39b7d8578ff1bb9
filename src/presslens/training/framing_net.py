"""Fine-tunes a sentence encoder as a mention role classifier and exports it: the encoder to
ONNX (token states out), the two heads as arrays. Needs the `train` extra (torch, transformers).

The net is what analyzers/framing/model.py computes at run time: the same windows, the
same pooling of a mention's own tokens and of the tokens around it, a main-role softmax
and a fine-role sigmoid per role.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
from torch import nn

from presslens.analyzers.framing.model import RoleScores, mention_windows, pooling_weights
from presslens.analyzers.framing.roles import FINE_ROLES, MAIN_ROLES
from presslens.analyzers.onnx_models import special_ids
from presslens.training.framing_data import LabelledMention
from presslens.training.harness import Selector, ShuffledChunks, Trainer, export_onnx, padded
from presslens.training.settings import FramingTrainingSettings


class FramingNet(nn.Module):
    """Encoder; per mention the mean state of its tokens and of its context; two heads."""

    def __init__(self, encoder: nn.Module, hidden_size: int) -> None:
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(0.1)
        self.main_head = nn.Linear(2 * hidden_size, len(MAIN_ROLES))
        self.fine_head = nn.Linear(2 * hidden_size, len(FINE_ROLES))

    def forward(self, ids, mask, window_of, own, around):
        """`window_of` (mentions,) is each mention's row in the batch; `own` and `around`
        (mentions, width) its pooling weights. Returns (main logits, fine logits)."""
        hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state[window_of]
        feature = torch.cat([torch.einsum("mt,mth->mh", own, hidden), torch.einsum("mt,mth->mh", around, hidden)], 1)
        feature = self.dropout(feature)
        return self.main_head(feature), self.fine_head(feature)


class EncoderOnly(nn.Module):
    """What goes into ONNX: (input_ids, attention_mask) -> token states."""

    def __init__(self, net: FramingNet) -> None:
        super().__init__()
        self.encoder = net.encoder

    def forward(self, input_ids, attention_mask):
        return self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state


@dataclass
class Examples:
    """Windows and the labelled mentions in them."""

    windows: list[list[int]] = field(default_factory=list)
    # per window: (index in the mention list, rows a, b, main role index, fine-role targets, has fine roles)
    mentions: list[list[tuple[int, int, int, int, np.ndarray, bool]]] = field(default_factory=list)


def build_examples(tokenizer, texts: dict[str, str], mentions: list[LabelledMention], max_length: int) -> Examples:
    """The windows that hold `mentions` (as the model cuts them) and the mentions in each."""
    by_document: dict[str, list[int]] = {}
    for index, mention in enumerate(mentions):
        by_document.setdefault(mention.document, []).append(index)
    examples = Examples()
    for document, indices in by_document.items():
        spans = [(mentions[i].start, mentions[i].end) for i in indices]
        found = mention_windows(tokenizer, texts[document], spans, max_length)
        first = len(examples.windows)
        examples.windows.extend(found.ids)
        examples.mentions.extend([] for _ in found.ids)
        for index, window, (a, b) in zip(indices, found.mention_window, found.mention_rows):
            mention = mentions[index]
            fine = np.array([role in mention.fine for role in FINE_ROLES], dtype=np.float32)
            examples.mentions[first + window].append(
                (index, a, b, MAIN_ROLES.index(mention.main), fine, bool(mention.fine))
            )
    return examples


def batch_tensors(examples: Examples, chosen: list[int], pad_id: int, context: int):
    """Padded windows `chosen` and their mentions' pooling weights and targets, and the mentions' indices."""
    ids, mask = padded([examples.windows[i] for i in chosen], pad_id)
    width = ids.shape[1]
    window_of, own, around, main, fine, has_fine, indices = [], [], [], [], [], [], []
    for row, i in enumerate(chosen):
        for index, a, b, main_index, fine_vector, labelled in examples.mentions[i]:
            own_w, around_w = pooling_weights((a, b), len(examples.windows[i]), context)
            own.append(np.pad(own_w, (0, width - len(own_w))))
            around.append(np.pad(around_w, (0, width - len(around_w))))
            window_of.append(row)
            main.append(main_index)
            fine.append(fine_vector)
            has_fine.append(labelled)
            indices.append(index)
    inputs = (ids, mask, torch.tensor(window_of), torch.from_numpy(np.stack(own)), torch.from_numpy(np.stack(around)))
    targets = (torch.tensor(main), torch.from_numpy(np.stack(fine)), torch.tensor(has_fine, dtype=torch.float32))
    return inputs, targets, indices


def length_chunks(examples: Examples, batch_size: int) -> list[list[int]]:
    """Windows with mentions, in batches of like length."""
    by_length = sorted((i for i in range(len(examples.windows)) if examples.mentions[i]),
                       key=lambda i: len(examples.windows[i]))
    return [by_length[i:i + batch_size] for i in range(0, len(by_length), batch_size)]


def net_scores(net: FramingNet, tokenizer, texts: dict[str, str], mentions: list[LabelledMention],
               settings: FramingTrainingSettings) -> RoleScores:
    """The net's role probabilities for `mentions`, in order (eval mode, no gradient)."""
    pad_id = special_ids(tokenizer)[2]
    scores = RoleScores(np.zeros((len(mentions), len(MAIN_ROLES))), np.zeros((len(mentions), len(FINE_ROLES))))
    examples = build_examples(tokenizer, texts, mentions, settings.max_length)
    with torch.no_grad():
        for chosen in length_chunks(examples, settings.batch_size):
            inputs, _, indices = batch_tensors(examples, chosen, pad_id, settings.context)
            main, fine = net(*inputs)
            scores.main[indices] = torch.softmax(main, -1).numpy()
            scores.fine[indices] = torch.sigmoid(fine).numpy()
    return scores


def class_weights(mentions: list[LabelledMention]) -> torch.Tensor:
    """Main-role loss weights: the square root of (most frequent role's count / the role's)."""
    counts = np.array([max(sum(m.main == role for m in mentions), 1) for role in MAIN_ROLES], dtype=np.float32)
    return torch.from_numpy(np.sqrt(counts.max() / counts))


def train_framing_net(texts: dict[str, str], fit: list[LabelledMention], base: Path, settings: FramingTrainingSettings,
                      log: Callable[[str], None] = print,
                      select: Selector | None = None) -> tuple[FramingNet, object, Trainer]:
    """The trained net (CPU, eval mode), its tokenizer and the Trainer that ran it; with
    `select`, the epoch scoring highest by it on the dev part is the one kept."""
    trainer = Trainer(settings, log)
    tokenizer = trainer.tokenizer(base)
    pad_id = special_ids(tokenizer)[2]
    examples = build_examples(tokenizer, texts, fit, settings.max_length)
    encoder = trainer.encoder(base)
    net = FramingNet(encoder, encoder.config.hidden_size)
    chunks = length_chunks(examples, settings.batch_size)
    main_loss = nn.CrossEntropyLoss(weight=class_weights(fit))
    fine_loss = nn.BCEWithLogitsLoss(reduction="none")

    def loss_of(chosen: list[int]) -> torch.Tensor:
        inputs, (main, fine, has_fine), _ = batch_tensors(examples, chosen, pad_id, settings.context)
        main_logits, fine_logits = net(*inputs)
        # Mentions without fine labels (Narrative Frames) train the main head only.
        fine_part = (fine_loss(fine_logits, fine).mean(1) * has_fine).sum() / has_fine.sum().clamp(min=1.0)
        return main_loss(main_logits, main) + settings.fine_weight * fine_part

    log(f"training: {len(fit)} mentions in {sum(map(len, chunks))} windows, {settings.epochs * len(chunks)} steps")
    heads = [*net.main_head.parameters(), *net.fine_head.parameters()]
    return trainer.train(net, heads, ShuffledChunks(chunks), loss_of, select, tokenizer), tokenizer, trainer


def export_framing(net: FramingNet, tokenizer, out: Path, onnx_file: str) -> None:
    """The fp32 encoder graph (dynamic batch and sequence axes; output `hidden`), the
    tokenizer, and the heads as heads.npz."""
    out.mkdir(parents=True, exist_ok=True)
    export_onnx(EncoderOnly(net), out / onnx_file, {"hidden": {0: "batch", 1: "sequence"}})
    tokenizer.save(str(out / "tokenizer.json"))
    np.savez(
        out / "heads.npz",
        main_weight=net.main_head.weight.detach().numpy(), main_bias=net.main_head.bias.detach().numpy(),
        fine_weight=net.fine_head.weight.detach().numpy(), fine_bias=net.fine_head.bias.detach().numpy(),
    )

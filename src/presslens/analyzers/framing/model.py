"""The entity-framing model: main-role and fine-role scores for a mention in its context.

all-MiniLM-L6-v2, fine-tuned on SemEval-2025 Task 10 (subtask 1, English), exported to
ONNX, gives each token of a window its hidden state. A text is cut into windows of whole
sentences where it can be (no overlap, so each token runs once); a mention's feature is
the mean state of its own tokens beside the mean state of the tokens around it in its
window, and two linear heads read it: a softmax over the three main roles and one sigmoid
per fine role (roles.py). Only the windows that hold a mention run, all of a text's in
batches of one session call each. Only onnxruntime, tokenizers and numpy are used here:
torch stays in the optional `train` extra.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from presslens.analyzers.framing.roles import FINE_ROLES, FINE_ROLES_OF, MAIN_ROLES
from presslens.analyzers.onnx_models import OnnxModel, sigmoid, softmax, special_ids

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "framing"
MODEL_FILES = ("model.onnx", "tokenizer.json", "config.json", "heads.npz")
SENTENCE_ENDS = frozenset({".", "!", "?"})
# A fine-role threshold no probability reaches: one fine role a mention, never a second.
ONE_FINE_ROLE = 1.01


@dataclass
class MentionWindows:
    """A text's token windows and, for each mention, its window and token rows in it."""

    ids: list[list[int]]  # each window's ids, [CLS] ... [SEP]
    mention_window: list[int]  # per mention: its window
    mention_rows: list[tuple[int, int]]  # per mention: its rows [a, b) in the window (row 0 is [CLS])


def window_starts(tokens: list[str], room: int) -> list[int]:
    """Where each window of at most `room` tokens begins: a window ends after the last
    sentence end (., !, ?) in its second half, else at `room` tokens."""
    starts, start = [], 0
    while start < len(tokens):
        starts.append(start)
        end = min(start + room, len(tokens))
        if end < len(tokens):
            ends = [i + 1 for i in range(start + room // 2, end) if tokens[i] in SENTENCE_ENDS]
            end = ends[-1] if ends else end
        start = end
    return starts


def mention_windows(tokenizer, text: str, spans: list[tuple[int, int]], max_length: int) -> MentionWindows:
    """The windows of `text` that hold the character spans `spans` ([start, end)); a span
    is pooled in the window of its first token."""
    encoding = tokenizer.encode(text, add_special_tokens=False)
    offsets = np.array(encoding.offsets, dtype=np.int64).reshape(-1, 2)
    starts = window_starts(encoding.tokens, max_length - 2)
    bounds = [*starts, len(encoding.ids)]
    cls_id, sep_id, _ = special_ids(tokenizer)
    used: dict[int, int] = {}
    found = MentionWindows([], [], [])
    for start, end in spans:
        inside = np.flatnonzero((offsets[:, 0] < end) & (offsets[:, 1] > start)) if len(offsets) else []
        # A span no token covers (only spaces) is pooled from the token after it.
        if len(inside):
            first = int(inside[0])
        else:
            first = min(int(np.searchsorted(offsets[:, 0], start)), max(len(offsets) - 1, 0))
        last = int(inside[-1]) + 1 if len(inside) else first + 1
        window = max(int(np.searchsorted(starts, first, side="right")) - 1, 0)
        if window not in used:
            used[window] = len(found.ids)
            found.ids.append([cls_id, *encoding.ids[bounds[window]:bounds[window + 1]], sep_id])
        last = min(last, bounds[window + 1])
        found.mention_window.append(used[window])
        found.mention_rows.append((first - bounds[window] + 1, last - bounds[window] + 1))
    return found


def pooling_weights(rows: tuple[int, int], length: int, context: int) -> tuple[np.ndarray, np.ndarray]:
    """Averaging weights over a window's `length` rows: the mention's own rows, and the
    `context` rows either side of it (the mention left out; [CLS] and [SEP] too)."""
    a, b = rows
    own = np.zeros(length, dtype=np.float32)
    own[a:b] = 1.0 / max(b - a, 1)
    around = np.zeros(length, dtype=np.float32)
    around[max(1, a - context):a] = 1.0
    around[b:min(length - 1, b + context)] = 1.0
    if around.sum() == 0:
        around[a:b] = 1.0
    return own, around / around.sum()


@dataclass
class RoleScores:
    """Per mention: main-role probabilities (mentions, 3) and fine-role probabilities (mentions, 22)."""

    main: np.ndarray
    fine: np.ndarray


def fine_roles_of(main_role: str, fine: np.ndarray, threshold: float) -> list[str]:
    """The fine roles of `main_role` for one mention's fine-role probabilities: the
    likeliest, then any other at or above `threshold`, likeliest first."""
    candidates = sorted(FINE_ROLES_OF[main_role], key=lambda r: -fine[FINE_ROLES.index(r)])
    return [candidates[0]] + [r for r in candidates[1:] if fine[FINE_ROLES.index(r)] >= threshold]


def decode_roles(scores: RoleScores, fine_threshold: float) -> list[tuple[str, list[str]]]:
    """(main role, fine roles) of each mention: the likeliest main role, and its fine roles."""
    decoded = []
    for main, fine in zip(scores.main, scores.fine):
        role = MAIN_ROLES[int(np.argmax(main))]
        decoded.append((role, fine_roles_of(role, fine, fine_threshold)))
    return decoded


def entity_scores(main: np.ndarray) -> np.ndarray:
    """An entity's main-role scores from its mentions' (mentions, 3): their mean, so a role
    the article gives the entity once among many neutral mentions counts for less."""
    return main.mean(axis=0)


class FramingModel(OnnxModel):
    """The ONNX encoder of one model folder with its two role heads and decoding settings."""

    task, what, docs, bundled, files = "framing", "framing", "docs/framing.md", MODEL_DIR, MODEL_FILES[1:]

    def __init__(self, folder: Path, onnx_file: str = "model.onnx") -> None:
        super().__init__(folder, onnx_file)
        self.context = int(self.config.get("context", 24))
        # A fine role beside the best one of the main role is kept at or above this.
        self.fine_threshold = float(self.config.get("fine_threshold", ONE_FINE_ROLE))
        # An entity's role is null unless its best mean main-role score reaches this.
        self.entity_threshold = float(self.config.get("entity_threshold", 0.0))
        heads = np.load(self.folder / "heads.npz")
        self.main_weight, self.main_bias = heads["main_weight"], heads["main_bias"]
        self.fine_weight, self.fine_bias = heads["fine_weight"], heads["fine_bias"]

    def features(self, text: str, spans: list[tuple[int, int]]) -> np.ndarray:
        """(mentions, 2 * hidden): each span's own mean state and its context's."""
        found = mention_windows(self.tokenizer, text, spans, self.max_length)
        hidden_of: dict[int, np.ndarray] = {}
        order = sorted(range(len(found.ids)), key=lambda i: len(found.ids[i]))
        for first in range(0, len(order), self.batch_size):
            chosen = order[first:first + self.batch_size]
            width = max(len(found.ids[i]) for i in chosen)
            ids = np.full((len(chosen), width), self.pad_id, dtype=np.int64)
            mask = np.zeros((len(chosen), width), dtype=np.int64)
            for row, i in enumerate(chosen):
                ids[row, :len(found.ids[i])] = found.ids[i]
                mask[row, :len(found.ids[i])] = 1
            (hidden,) = self._session.run(None, {"input_ids": ids, "attention_mask": mask})
            for row, i in enumerate(chosen):
                hidden_of[i] = hidden[row, :len(found.ids[i])]
        rows = []
        for window, mention_rows in zip(found.mention_window, found.mention_rows):
            states = hidden_of[window]
            own, around = pooling_weights(mention_rows, len(states), self.context)
            rows.append(np.concatenate([own @ states, around @ states]))
        return np.stack(rows) if rows else np.zeros((0, self.main_weight.shape[1]), np.float32)

    def scores(self, text: str, spans: list[tuple[int, int]]) -> RoleScores:
        """Role probabilities of each character span [start, end) of `text`, in order."""
        if not spans:
            return RoleScores(np.zeros((0, len(MAIN_ROLES))), np.zeros((0, len(FINE_ROLES))))
        feature = self.features(text, spans)
        return RoleScores(
            softmax(feature @ self.main_weight.T + self.main_bias),
            sigmoid(feature @ self.fine_weight.T + self.fine_bias),
        )

    def decode(self, scores: RoleScores) -> list[tuple[str, list[str]]]:
        return decode_roles(scores, self.fine_threshold)


def load_framing_model(folder: Path | None = None) -> FramingModel:
    """The model in `folder` (default: PRESSLENS_FRAMING_MODEL or the bundled one), loaded once per process."""
    return FramingModel.load(folder)

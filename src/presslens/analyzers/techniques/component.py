"""Persuasion techniques: spans labelled with the 14 SemEval-2020 Task 11 techniques.

The bundled model is a multi-label token tagger (one sigmoid per technique plus one for
"any technique") with a span classifier over pooled token states, exported to ONNX.
Spans come from the "any" channel; the span classifier labels them, and a second stage
fitted on the development part adds what the encoder cannot see from its window (how
often the span recurs in the article, its form: see `technique_features`). An
article is cut into overlapping token windows, the windows run in batches, and each
token's outputs are averaged over the windows that hold it. Only onnxruntime, tokenizers
and numpy are used here: torch stays in the optional `train` extra.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from presslens.analysis import TechniqueSpan
from presslens.analyzers.layers import in_furniture, layer_attribute, write_layer
from presslens.analyzers.onnx_models import ModelComponent, OnnxModel, sigmoid, softmax, special_ids
from presslens.analyzers.techniques.features import FEATURE_NAMES, SpanFeatures
from presslens.analyzers.techniques.tidy import tidy_spans
from presslens.errors import ModelMissingError

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "techniques"
MODEL_FILES = ("model.onnx", "tokenizer.json", "labels.json", "config.json", "span_head.npz")
SPAN_KEY = "presslens_techniques"

# Runs a batch of windows: (input_ids, attention_mask) -> (token logits, hidden states).
WindowRunner = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


@dataclass
class Windows:
    """One text cut into overlapping token windows, each framed by [CLS] ... [SEP]."""

    offsets: np.ndarray  # (tokens, 2) character offsets of the text's tokens
    starts: list[int]  # index of each window's first text token
    lengths: list[int]  # text tokens in each window
    ids: list[list[int]]  # each window's token ids, special tokens included


def make_windows(tokenizer, text: str, max_length: int, stride: int) -> Windows:
    """Token windows of at most `max_length` ids, a new one every `stride` text tokens."""
    encoding = tokenizer.encode(text, add_special_tokens=False)
    token_ids = encoding.ids
    offsets = np.array(encoding.offsets, dtype=np.int64).reshape(-1, 2)
    cls_id, sep_id, _ = special_ids(tokenizer)
    room = max_length - 2
    starts = list(range(0, max(len(token_ids) - room, 0) + 1, stride))
    if starts[-1] + room < len(token_ids):
        starts.append(len(token_ids) - room)
    windows = Windows(offsets, [], [], [])
    for start in starts:
        piece = token_ids[start:start + room]
        windows.starts.append(start)
        windows.lengths.append(len(piece))
        windows.ids.append([cls_id, *piece, sep_id])
    return windows


def batches(windows: Windows, batch_size: int, pad_id: int):
    """Padded (index range, input_ids, attention_mask) batches, longest windows together."""
    order = sorted(range(len(windows.ids)), key=lambda i: len(windows.ids[i]))
    for first in range(0, len(order), batch_size):
        chosen = order[first:first + batch_size]
        width = max(len(windows.ids[i]) for i in chosen)
        ids = np.full((len(chosen), width), pad_id, dtype=np.int64)
        mask = np.zeros((len(chosen), width), dtype=np.int64)
        for row, i in enumerate(chosen):
            ids[row, :len(windows.ids[i])] = windows.ids[i]
            mask[row, :len(windows.ids[i])] = 1
        yield chosen, ids, mask


def token_outputs(windows: Windows, run: WindowRunner, batch_size: int, pad_id: int):
    """Per text token: logits and hidden states averaged over the windows holding it."""
    n = len(windows.offsets)
    logits_sum: np.ndarray | None = None
    hidden_sum: np.ndarray | None = None
    counts = np.zeros(n, dtype=np.float32)
    for chosen, ids, mask in batches(windows, batch_size, pad_id):
        logits, hidden = run(ids, mask)
        if logits_sum is None:
            logits_sum = np.zeros((n, logits.shape[-1]), dtype=np.float32)
            hidden_sum = np.zeros((n, hidden.shape[-1]), dtype=np.float32)
        for row, i in enumerate(chosen):
            start, length = windows.starts[i], windows.lengths[i]
            # Row 0 is [CLS]: text tokens sit at rows 1..length.
            logits_sum[start:start + length] += logits[row, 1:length + 1]
            hidden_sum[start:start + length] += hidden[row, 1:length + 1]
            counts[start:start + length] += 1
    if logits_sum is None:
        return np.zeros((0, 0), np.float32), np.zeros((0, 0), np.float32)
    counts = np.maximum(counts, 1)[:, None]
    return logits_sum / counts, hidden_sum / counts


def runs_above(probs: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """Half-open token ranges where `probs` stays at or above `threshold`."""
    above = np.concatenate([[False], probs >= threshold, [False]])
    edges = np.flatnonzero(above[1:] != above[:-1])
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2])]


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widens a span cut inside a word (a subword token) to the whole word."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end


def merge_close(runs: list[tuple[int, int]], gap: int) -> list[tuple[int, int]]:
    """Joins token ranges separated by at most `gap` tokens."""
    merged: list[tuple[int, int]] = []
    for a, b in runs:
        if merged and a - merged[-1][1] <= gap:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def char_ranges(text: str, offsets: np.ndarray, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token runs [a, b) as character spans of `text`, widened to whole words."""
    return [whole_words(text, int(offsets[a, 0]), int(offsets[b - 1, 1])) for a, b in runs]


def token_range(offsets: np.ndarray, start: int, end: int) -> tuple[int, int]:
    """Token indices [first, last) whose characters overlap [start, end)."""
    inside = np.flatnonzero((offsets[:, 0] < end) & (offsets[:, 1] > start))
    if len(inside) == 0:
        return 0, 0
    return int(inside[0]), int(inside[-1]) + 1


@dataclass
class ArticleOutputs:
    """Everything the decoders need about one text."""

    text: str
    offsets: np.ndarray
    logits: np.ndarray  # (tokens, techniques + 1) raw logits, "any" last
    probs: np.ndarray  # the same as calibrated probabilities
    hidden: np.ndarray
    features: SpanFeatures | None = None  # built at the first span classified

    def span_features(self, start: int, end: int) -> np.ndarray:
        if self.features is None:
            self.features = SpanFeatures(self.text)
        return self.features.vector(start, end)


@dataclass
class SpanDecoding:
    """How runs of the "any" channel become spans, all chosen on the development part.

    A run is the tokens at or above `extend_threshold` around at least one token at or
    above `threshold` (hysteresis); runs at most `merge_gap` tokens apart are joined, and
    spans shorter than `min_tokens` dropped. The defaults are plain thresholding.
    """

    threshold: float = 0.5
    extend_threshold: float | None = None
    merge_gap: int = 0
    min_tokens: int = 1

    @classmethod
    def from_config(cls, config: dict) -> SpanDecoding:
        return cls(
            float(config.get("any_threshold", 0.5)),
            config.get("any_extend_threshold"),
            int(config.get("merge_gap", 0)),
            int(config.get("min_tokens", 1)),
        )

    def as_config(self) -> dict:
        return {
            "any_threshold": self.threshold,
            "any_extend_threshold": self.extend_threshold,
            "merge_gap": self.merge_gap,
            "min_tokens": self.min_tokens,
        }

    def runs(self, probs: np.ndarray) -> list[tuple[int, int]]:
        low = self.threshold if self.extend_threshold is None else min(self.extend_threshold, self.threshold)
        runs = [(a, b) for a, b in runs_above(probs, low) if probs[a:b].max() >= self.threshold]
        return [(a, b) for a, b in merge_close(runs, self.merge_gap) if b - a >= self.min_tokens]


@dataclass
class ClassifierStage:
    """Second stage of the span classifier: per-technique weights on span features plus a
    per-technique bias, added to the span head's calibrated logits (zero: no change)."""

    weight: np.ndarray  # (techniques, features)
    bias: np.ndarray  # (techniques,)
    l2: float | None = None  # the regularisation it was fitted with, for the record

    @classmethod
    def neutral(cls, n_labels: int) -> ClassifierStage:
        return cls(np.zeros((n_labels, len(FEATURE_NAMES)), np.float32), np.zeros(n_labels, np.float32))

    @classmethod
    def from_config(cls, config: dict | None, n_labels: int) -> ClassifierStage:
        if not config:
            return cls.neutral(n_labels)
        if tuple(config.get("features", ())) != FEATURE_NAMES:
            raise ModelMissingError(
                f"config.json's tc_stage uses features {config.get('features')}, this presslens computes "
                f"{list(FEATURE_NAMES)}; refit it without the encoder "
                "(docs/techniques.md, 'Refitting without the encoder')"
            )
        return cls(np.array(config["weight"], np.float32), np.array(config["bias"], np.float32), config.get("l2"))

    def as_config(self) -> dict:
        return {
            "features": list(FEATURE_NAMES),
            "l2": self.l2,
            "weight": [[round(float(w), 5) for w in row] for row in self.weight],
            "bias": [round(float(b), 5) for b in self.bias],
        }

    def logits(self, features: np.ndarray) -> np.ndarray:
        return features @ self.weight.T + self.bias


class TechniqueModel(OnnxModel):
    """The tagger plus its labels, thresholds and calibration, from one model folder."""

    task, what, docs, bundled, files = "techniques", "technique", "docs/techniques.md", MODEL_DIR, MODEL_FILES[1:]

    def __init__(self, folder: Path, onnx_file: str = "model.onnx") -> None:
        super().__init__(folder, onnx_file)
        self.labels: list[str] = json.loads((self.folder / "labels.json").read_text(encoding="utf-8"))
        heads = np.load(self.folder / "span_head.npz")
        self.span_weight, self.span_bias = heads["weight"], heads["bias"]
        self.temperatures = np.array(self.config.get("temperatures", [1.0] * (len(self.labels) + 1)), np.float32)
        self.decoding = SpanDecoding.from_config(self.config)
        # Labelled spans have their own decoding; a model tuned before there was one uses SI's.
        self.labelled_decoding = SpanDecoding.from_config(self.config.get("labelled_spans") or self.config)
        self.span_temperature = float(self.config.get("span_temperature", 1.0))
        self.stage = ClassifierStage.from_config(self.config.get("tc_stage"), len(self.labels))

    def _run(self, ids: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        logits, hidden = self._session.run(["token_logits", "hidden"], {"input_ids": ids, "attention_mask": mask})
        return logits, hidden

    def outputs(self, text: str) -> ArticleOutputs:
        windows = make_windows(self.tokenizer, text, self.config["max_length"], self.config["stride"])
        logits, hidden = token_outputs(windows, self._run, self.config.get("batch_size", 16), self.pad_id)
        if len(logits) == 0:
            empty = np.zeros((0, len(self.labels) + 1), np.float32)
            return ArticleOutputs(text, windows.offsets, empty, empty, np.zeros((0, 1), np.float32))
        return ArticleOutputs(text, windows.offsets, logits, sigmoid(logits / self.temperatures), hidden)

    def span_ranges(self, out: ArticleOutputs) -> list[tuple[int, int]]:
        """Character spans where some technique is used (the "any" channel, SI decoding)."""
        return char_ranges(out.text, out.offsets, self.decoding.runs(out.probs[:, -1]))

    def head_logits(self, out: ArticleOutputs, first: int, last: int) -> np.ndarray:
        """The span head's calibrated logits for the tokens [first, last): the first stage."""
        pooled = out.hidden[first:last].mean(axis=0)
        return (pooled @ self.span_weight.T + self.span_bias) / self.span_temperature

    def _class_probs(self, out: ArticleOutputs, first: int, last: int, start: int, end: int) -> np.ndarray:
        return softmax(self.head_logits(out, first, last) + self.stage.logits(out.span_features(start, end)))

    def classify(self, out: ArticleOutputs, start: int, end: int) -> np.ndarray:
        """Technique probabilities for one given character span."""
        first, last = token_range(out.offsets, start, end)
        if last <= first:
            return np.full(len(self.labels), 1.0 / len(self.labels), np.float32)
        return self._class_probs(out, first, last, start, end)

    def technique_spans(self, out: ArticleOutputs) -> list[TechniqueSpan]:
        """Spans of the labelled-span decoding, each labelled by the span classifier. The score
        is the span's mean "any" probability times the probability of its technique: both
        calibrated on dev."""
        spans = []
        for a, b in self.labelled_decoding.runs(out.probs[:, -1]):
            start, end = whole_words(out.text, int(out.offsets[a, 0]), int(out.offsets[b - 1, 1]))
            probs = self._class_probs(out, a, b, start, end)
            k = int(np.argmax(probs))
            score = float(out.probs[a:b, -1].mean() * probs[k])
            spans.append(TechniqueSpan(start, end, out.text[start:end], self.labels[k], round(score, 4)))
        return spans

    def predict(self, text: str) -> list[TechniqueSpan]:
        return self.technique_spans(self.outputs(text))


def load_model(folder: Path | None = None) -> TechniqueModel:
    """The model in `folder` (default: PRESSLENS_TECHNIQUES_MODEL or the bundled one), loaded once per process."""
    return TechniqueModel.load(folder)


# Readers are better served by fewer false alarms than the SemEval F1 optimum gives:
# the layer keeps spans at or above this calibrated score (`predict` keeps them all).
# Not higher: a sentence-long run of loaded words and insults scores about 0.23, its
# technique probability split between Loaded_Language and Name_Calling.
LAYER_MIN_SCORE = 0.2
# The article page marks spans at or above this score unless the reader moves its
# threshold: plain factual text draws spans between 0.2 and 0.3 (MODEL_CARD.md, Limits).
SHOWN_MIN_SCORE = 0.3


@Language.factory(
    "presslens_techniques",
    assigns=[layer_attribute("techniques"), "doc.spans"],
    # Token.pos_ is read too (tidy.py); it comes from the attribute_ruler, which declares nothing.
    requires=["doc.ents", "token.tag"],
    default_config={"model_dir": None, "min_score": LAYER_MIN_SCORE},
)
def make_techniques(nlp: Language, name: str, model_dir: str | None, min_score: float) -> TechniqueTagger:
    return TechniqueTagger(name, model_dir, min_score)


class TechniqueTagger(ModelComponent[TechniqueModel]):
    """Writes the techniques layer (`doc._.presslens_techniques`) and `doc.spans["presslens_techniques"]`
    labelled by technique; the model reads only the text (loaded at first use), and its spans are
    tidied to whole words and names (tidy.py)."""

    model_class = TechniqueModel

    def __init__(self, name: str, model_dir: str | None = None, min_score: float = LAYER_MIN_SCORE) -> None:
        super().__init__(name, model_dir)
        self.min_score = min_score

    def __call__(self, doc: Doc) -> Doc:
        found = [s for s in self.model.predict(doc.text)
                 if s.score >= self.min_score and not in_furniture(doc, s.start, s.end)]
        write_layer(doc, "techniques", SPAN_KEY, tidy_spans(doc, found), lambda span: span.technique)
        return doc

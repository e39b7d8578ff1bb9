"""Fits the span classifier's second stage on the development part's gold spans.

The stage adds `weight @ features + bias` to the span head's calibrated logits: a
multinomial logistic regression whose offset is the first stage, so an L2 penalty pulls
it back towards the span head alone. The penalty is chosen by article-grouped
cross-validation on the development part (TC micro-F1, the task's own measure); the
held-out part is never looked at. Plain numpy, so a model folder can be refitted
without the `train` extra.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from presslens.analyzers.onnx_models import softmax
from presslens.analyzers.techniques.component import ArticleOutputs, ClassifierStage, TechniqueModel, token_range
from presslens.analyzers.techniques.features import FEATURE_NAMES
from presslens.training.techniques_data import PtcArticle

L2_GRID = (0.01, 0.003, 0.001, 0.0003, 0.0001, 0.00003, 0.00001)
FOLDS = 5
STEPS = 1500
LEARNING_RATE = 0.5
MOMENTUM = 0.9


@dataclass
class SpanRows:
    """One row per gold span line (a span used for two techniques is two rows)."""

    head: np.ndarray  # (rows, techniques) first-stage logits
    features: np.ndarray  # (rows, features)
    gold: np.ndarray  # (rows,) technique index
    article: np.ndarray  # (rows,) index of the article, for grouped folds
    keys: list[tuple[str, int, int]]  # (article id, start, end)


def span_rows(model: TechniqueModel, pairs: list[tuple[PtcArticle, ArticleOutputs]]) -> SpanRows:
    head, features, gold, article, keys = [], [], [], [], []
    for index, (ptc_article, out) in enumerate(pairs):
        for span in ptc_article.spans:
            first, last = token_range(out.offsets, span.start, span.end)
            if last <= first:
                continue
            head.append(model.head_logits(out, first, last))
            features.append(out.span_features(span.start, span.end))
            gold.append(model.labels.index(span.technique))
            article.append(index)
            keys.append((ptc_article.id, span.start, span.end))
    if not head:
        empty = np.zeros(0, int)
        return SpanRows(np.zeros((0, len(model.labels))), np.zeros((0, len(FEATURE_NAMES))), empty, empty, [])
    return SpanRows(np.stack(head), np.stack(features), np.array(gold), np.array(article), keys)


def fit(head: np.ndarray, features: np.ndarray, gold: np.ndarray, l2: float) -> ClassifierStage:
    """Mean cross-entropy plus l2 * squared weights and biases, by full-batch gradient descent with momentum."""
    n_labels = head.shape[1]
    targets = np.eye(n_labels)[gold]
    weight = np.zeros((n_labels, features.shape[1]))
    bias = np.zeros(n_labels)
    weight_step, bias_step = np.zeros_like(weight), np.zeros_like(bias)
    for _ in range(STEPS):
        error = (softmax(head + features @ weight.T + bias) - targets) / len(gold)
        weight_step = MOMENTUM * weight_step - LEARNING_RATE * (error.T @ features + 2 * l2 * weight)
        bias_step = MOMENTUM * bias_step - LEARNING_RATE * (error.sum(axis=0) + 2 * l2 * bias)
        weight += weight_step
        bias += bias_step
    return ClassifierStage(weight.astype(np.float32), bias.astype(np.float32), l2)


def tc_accuracy(probs: np.ndarray, rows: SpanRows) -> float:
    """TC micro-F1 as the scorer counts it: the k-th copy of a span takes its k-th likeliest label."""
    copies: Counter = Counter()
    predicted: Counter = Counter()
    for p, key in zip(probs, rows.keys):
        predicted[(key, int(np.argsort(-p)[min(copies[key], len(p) - 1)]))] += 1
        copies[key] += 1
    gold = Counter((key, int(g)) for key, g in zip(rows.keys, rows.gold))
    return sum((predicted & gold).values()) / max(len(rows.gold), 1)


def cross_validated(rows: SpanRows, l2: float) -> float:
    folds = rows.article % FOLDS
    probs = np.zeros_like(rows.head)
    for fold in range(FOLDS):
        train, held = folds != fold, folds == fold
        if not held.any():
            continue
        stage = fit(rows.head[train], rows.features[train], rows.gold[train], l2)
        probs[held] = softmax(rows.head[held] + stage.logits(rows.features[held]))
    return tc_accuracy(probs, rows)


def fit_stage(model: TechniqueModel, pairs: list[tuple[PtcArticle, ArticleOutputs]]) -> tuple[ClassifierStage, dict]:
    """The stage fitted on all of `pairs` with the cross-validated best penalty, and the CV figures.

    The stage is kept only when it beats the span head alone in cross-validation;
    otherwise the neutral stage (all zeros) is returned.
    """
    rows = span_rows(model, pairs)
    if len(rows.gold) < FOLDS * 10:
        return ClassifierStage.neutral(len(model.labels)), {"spans": len(rows.gold)}
    baseline = tc_accuracy(softmax(rows.head), rows)
    scores = {l2: cross_validated(rows, l2) for l2 in L2_GRID}
    # The strongest penalty among equal scores: the least departure from the span head.
    best = max(L2_GRID, key=lambda l2: (round(scores[l2], 4), l2))
    report = {
        "spans": len(rows.gold),
        "head_only_tc": round(baseline, 4),
        "cross_validated_tc": {str(l2): round(score, 4) for l2, score in scores.items()},
    }
    if scores[best] <= baseline:
        return ClassifierStage.neutral(len(model.labels)), report
    return fit(rows.head, rows.features, rows.gold, best), report

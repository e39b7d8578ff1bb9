"""Calibration and decision thresholds, fitted on the development part (never the held-out one).

"Calibrated" means temperature scaling: each sigmoid channel's logits are divided by the
temperature that minimises log loss on the development part's tokens, and the span
classifier's softmax likewise on its gold spans. Thresholds are then chosen on the same
part to maximise the SemEval overlap F1 of SI (the "any" channel).
"""

from __future__ import annotations

import numpy as np

from presslens.analyzers.techniques import ArticleOutputs, TechniqueModel, sigmoid, softmax, token_range
from presslens.training.ptc import PtcArticle
from presslens.training.scorer import score_si
from presslens.training.semeval import si_spans

TEMPERATURES = np.geomspace(0.4, 4.0, 21)
THRESHOLDS = np.round(np.arange(0.1, 0.91, 0.05), 2)


def token_targets(model: TechniqueModel, article: PtcArticle, out: ArticleOutputs) -> np.ndarray:
    targets = np.zeros_like(out.logits)
    for span in article.spans:
        first, last = token_range(out.offsets, span.start, span.end)
        targets[first:last, model.labels.index(span.technique)] = 1.0
        targets[first:last, -1] = 1.0
    return targets


def fit_temperatures(model: TechniqueModel, pairs: list[tuple[PtcArticle, ArticleOutputs]]) -> np.ndarray:
    logits = np.concatenate([out.logits for _, out in pairs])
    targets = np.concatenate([token_targets(model, a, out) for a, out in pairs])
    best = np.ones(logits.shape[1], np.float32)
    for k in range(logits.shape[1]):
        losses = []
        for t in TEMPERATURES:
            p = np.clip(sigmoid(logits[:, k] / t), 1e-7, 1 - 1e-7)
            losses.append(-np.mean(targets[:, k] * np.log(p) + (1 - targets[:, k]) * np.log(1 - p)))
        best[k] = TEMPERATURES[int(np.argmin(losses))]
    return best


def fit_span_temperature(model: TechniqueModel, pairs: list[tuple[PtcArticle, ArticleOutputs]]) -> float:
    rows, gold = [], []
    for article, out in pairs:
        for span in article.spans:
            first, last = token_range(out.offsets, span.start, span.end)
            if last > first:
                rows.append(out.hidden[first:last].mean(axis=0) @ model.span_weight.T + model.span_bias)
                gold.append(model.labels.index(span.technique))
    if not rows:
        return 1.0
    logits, gold_idx = np.stack(rows), np.array(gold)
    losses = [-np.mean(np.log(softmax(logits / t)[np.arange(len(gold_idx)), gold_idx] + 1e-9)) for t in TEMPERATURES]
    return float(TEMPERATURES[int(np.argmin(losses))])


def _recalibrate(model: TechniqueModel, pairs: list[tuple[PtcArticle, ArticleOutputs]]) -> None:
    for _, out in pairs:
        out.probs = sigmoid(out.logits / model.temperatures)


def tune_any_threshold(model: TechniqueModel, pairs: list[tuple[PtcArticle, ArticleOutputs]]) -> float:
    gold = [s for a, _ in pairs for s in a.spans]
    scores = []
    for threshold in THRESHOLDS:
        model.any_threshold = float(threshold)
        predicted = [s for a, out in pairs for s in si_spans(model, a.id, out)]
        scores.append(score_si(predicted, gold).f1)
    return float(THRESHOLDS[int(np.argmax(scores))])


def tune(model: TechniqueModel, dev: list[PtcArticle]) -> dict:
    """Fits temperatures and thresholds on `dev`, sets them on the model, returns them for config.json."""
    pairs = [(a, model.outputs(a.text)) for a in dev]
    model.temperatures = fit_temperatures(model, pairs)
    model.span_temperature = fit_span_temperature(model, pairs)
    _recalibrate(model, pairs)
    model.any_threshold = tune_any_threshold(model, pairs)
    return {
        "temperatures": [round(float(t), 4) for t in model.temperatures],
        "span_temperature": round(model.span_temperature, 4),
        "any_threshold": model.any_threshold,
    }

"""Calibration, span decoding and the classifier's second stage, fitted on the development
part (never the held-out one).

"Calibrated" means temperature scaling: each sigmoid channel's logits are divided by the
temperature that minimises log loss on the development part's tokens, and the span
classifier's softmax likewise on its gold spans. Then, on the same part: the span
decoding (thresholds, merging of close runs, shortest span) that maximises the SemEval
overlap F1 of SI; the classifier's second stage (`tc_stage`); and a second decoding for
labelled spans (what `analyze` shows and FLC scores) that maximises labelled-span F1,
since long merged spans help SI's partial credit but blur which technique is where.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import numpy as np

from presslens.analyzers.onnx_models import sigmoid, softmax
from presslens.analyzers.techniques.component import ArticleOutputs, SpanDecoding, TechniqueModel, token_range
from presslens.predict.techniques import flc_spans, si_spans
from presslens.training.techniques_data import PtcArticle
from presslens.training.techniques_scorer import score_flc, score_si
from presslens.training.techniques_stage import fit_stage

TEMPERATURES = np.geomspace(0.4, 4.0, 21)
THRESHOLDS = np.round(np.arange(0.1, 0.91, 0.05), 2)
# Around the best plain threshold: a higher seed threshold, a lower one to extend runs,
# the gap (tokens) across which runs join, and the shortest span kept.
SEED_STEPS = (0.0, 0.05, 0.1, 0.15)
EXTEND_THRESHOLDS = (0.25, 0.3, 0.35, 0.4)
MERGE_GAPS = (0, 4, 8, 16)
MIN_TOKENS = (1, 2, 3)


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


def si_f1(model: TechniqueModel, pairs: list[tuple[PtcArticle, ArticleOutputs]], decoding: SpanDecoding) -> float:
    model.decoding = decoding
    predicted = [s for a, out in pairs for s in si_spans(model, a.id, out)]
    return score_si(predicted, [s for a, _ in pairs for s in a.spans]).f1


def flc_f1(model: TechniqueModel, pairs: list[tuple[PtcArticle, ArticleOutputs]], decoding: SpanDecoding) -> float:
    model.labelled_decoding = decoding
    predicted = [s for a, out in pairs for s in flc_spans(model, a.id, out)]
    return score_flc(predicted, [s for a, _ in pairs for s in a.spans]).f1


def best_decoding(f1_of: Callable[[SpanDecoding], float], extend: bool = True) -> SpanDecoding:
    """The best plain threshold first, then the best decoding around it; ties keep the simpler one.
    Without `extend`, runs are not widened by a lower threshold."""
    plain = [f1_of(SpanDecoding(float(t))) for t in THRESHOLDS]
    base = float(THRESHOLDS[int(np.argmax(plain))])
    best, best_f1 = SpanDecoding(base), max(plain)
    extend_thresholds = EXTEND_THRESHOLDS if extend else (None,)
    for step, low, gap, shortest in itertools.product(SEED_STEPS, extend_thresholds, MERGE_GAPS, MIN_TOKENS):
        seed = round(base + step, 2)
        candidate = SpanDecoding(seed, None if low is None else min(low, seed), gap, shortest)
        f1 = f1_of(candidate)
        if f1 > best_f1:
            best, best_f1 = candidate, f1
    return best


def tune(model: TechniqueModel, dev: list[PtcArticle], log=lambda _: None) -> dict:
    """Fits calibration, decoding and the second stage on `dev`, sets them on the model,
    returns them for config.json."""
    pairs = [(a, model.outputs(a.text)) for a in dev]
    model.temperatures = fit_temperatures(model, pairs)
    model.span_temperature = fit_span_temperature(model, pairs)
    _recalibrate(model, pairs)
    model.decoding = best_decoding(lambda decoding: si_f1(model, pairs, decoding))
    log(f"SI decoding: {model.decoding}")
    model.stage, report = fit_stage(model, pairs)
    log(f"second stage: {report}")
    # Widening runs helps labelled-span F1 on dev too, but turns a sentence with a few
    # loaded words into one sentence-long span whose mean score hides it from `analyze`.
    model.labelled_decoding = best_decoding(lambda decoding: flc_f1(model, pairs, decoding), extend=False)
    log(f"labelled-span decoding: {model.labelled_decoding}")
    return {
        "temperatures": [round(float(t), 4) for t in model.temperatures],
        "span_temperature": round(model.span_temperature, 4),
        **model.decoding.as_config(),
        "labelled_spans": model.labelled_decoding.as_config(),
        "tc_stage": model.stage.as_config(),
        "tc_stage_dev": report,
    }

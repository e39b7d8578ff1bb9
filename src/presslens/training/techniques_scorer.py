"""SemEval-2020 Task 11 scoring, written from the task's definition.

Span identification (SI): with S the predicted and T the gold spans (character sets),
C(s, t, h) = |s ∩ t| / h;  P = Σ_s Σ_t C(s, t, |s|) / |S|;  R = Σ_s Σ_t C(s, t, |t|) / |T|.
Gold spans that overlap are merged per article first (SI ignores labels), and so are
predictions. The labelled-span score (FLC) is the same with C multiplied by 1 when the
labels match and 0 otherwise, without merging. Technique classification (TC) labels
given gold spans: micro-averaged P/R/F1 over (article, start, end, label) lines.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from presslens.predict.techniques_files import LabelledSpan


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float

    def as_dict(self) -> dict[str, float]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping half-open spans joined into one (spans that only touch stay apart)."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _by_article(spans: Iterable[LabelledSpan]) -> dict[str, list[LabelledSpan]]:
    grouped: dict[str, list[LabelledSpan]] = defaultdict(list)
    for span in spans:
        if span.end > span.start:
            grouped[span.article_id].append(span)
    return grouped


def _overlap_score(pred: dict[str, list[LabelledSpan]], gold: dict[str, list[LabelledSpan]], labelled: bool) -> Score:
    n_pred = sum(len(v) for v in pred.values())
    n_gold = sum(len(v) for v in gold.values())
    p_sum = r_sum = 0.0
    for article_id, predicted in pred.items():
        for s in predicted:
            for t in gold.get(article_id, []):
                if labelled and s.technique != t.technique:
                    continue
                shared = _overlap((s.start, s.end), (t.start, t.end))
                if shared:
                    p_sum += shared / (s.end - s.start)
                    r_sum += shared / (t.end - t.start)
    precision = p_sum / n_pred if n_pred else 0.0
    recall = r_sum / n_gold if n_gold else 0.0
    return Score(precision, recall, _f1(precision, recall))


def score_si(predicted: Iterable[LabelledSpan], gold: Iterable[LabelledSpan]) -> Score:
    def merged(spans: Iterable[LabelledSpan]) -> dict[str, list[LabelledSpan]]:
        return {
            aid: [LabelledSpan(aid, "", a, b) for a, b in merge_spans((s.start, s.end) for s in group)]
            for aid, group in _by_article(spans).items()
        }

    return _overlap_score(merged(predicted), merged(gold), labelled=False)


def score_flc(predicted: Iterable[LabelledSpan], gold: Iterable[LabelledSpan]) -> Score:
    return _overlap_score(_by_article(predicted), _by_article(gold), labelled=True)


def score_tc(predicted: Iterable[LabelledSpan], gold: Iterable[LabelledSpan]) -> Score:
    pred = Counter((s.article_id, s.start, s.end, s.technique) for s in predicted)
    true = Counter((s.article_id, s.start, s.end, s.technique) for s in gold)
    correct = sum((pred & true).values())
    precision = correct / sum(pred.values()) if pred else 0.0
    recall = correct / sum(true.values()) if true else 0.0
    return Score(precision, recall, _f1(precision, recall))

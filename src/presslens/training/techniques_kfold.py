"""A k-fold over all 371 PTC articles, so that the technique recipe's levers are judged on
every article once and the final model can be tuned on predictions no model saw its own
articles for.

Each fold is the test part once; half of the next fold (by a second hash) is its dev part,
which picks the epoch and tunes calibration, decoding and the second stage as the fixed
split's dev part does; the rest trains. With 5 folds that is about 74 test, 37 dev and 260
fit articles, the fixed split's proportions. A fold's test predictions are written without
text (article ids, character offsets, techniques, scores, and the "any" channel's logit for
every token), so that folds can run in different sessions and their figures be read from
all of them at once.
"""

from __future__ import annotations

import gzip
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from presslens.analyzers.techniques.component import TechniqueModel, token_range
from presslens.errors import InputError
from presslens.predict.techniques import si_spans, tc_labels
from presslens.predict.techniques_files import LabelledSpan
from presslens.training.buckets import hash_bucket
from presslens.training.techniques_data import PtcArticle, load_ptc
from presslens.training.techniques_scorer import score_flc, score_si, score_tc

FOLDS = 5


def fold_of(article_id: str, folds: int = FOLDS) -> int:
    """The fold whose test part holds the article: its hash bucket cut into `folds` runs."""
    return hash_bucket(article_id) * folds // 100


def kfold_parts(articles: list[PtcArticle], fold: int, folds: int = FOLDS) -> dict[str, list[PtcArticle]]:
    """fit, dev and test parts of one fold."""
    if not 0 <= fold < folds:
        raise InputError("fold", f"{fold} is not one of 0 to {folds - 1}")
    dev_fold = (fold + 1) % folds
    parts: dict[str, list[PtcArticle]] = {"fit": [], "dev": [], "test": []}
    for article in articles:
        home = fold_of(article.id, folds)
        if home == fold:
            parts["test"].append(article)
        elif home == dev_fold and hash_bucket(f"dev:{article.id}", 2) == 0:
            parts["dev"].append(article)
        else:
            parts["fit"].append(article)
    return parts


@dataclass
class ArticlePredictions:
    """One test article's predictions, without its text."""

    article: str
    si: list[tuple[int, int]]
    flc: list[tuple[str, int, int, float]]  # technique, start, end, score
    tc: list[tuple[str, int, int, list[float]]]  # the label given to each gold span, and the span head's logits
    token_offsets: list[tuple[int, int]]
    any_logits: list[float]

    def to_dict(self) -> dict:
        return {"article": self.article, "si": self.si, "flc": self.flc, "tc": self.tc,
                "token_offsets": self.token_offsets, "any_logits": self.any_logits}

    @classmethod
    def from_dict(cls, record: dict) -> ArticlePredictions:
        return cls(record["article"], [tuple(s) for s in record["si"]], [tuple(s) for s in record["flc"]],
                   [tuple(s) for s in record["tc"]], [tuple(s) for s in record["token_offsets"]], record["any_logits"])


def predict_article(model: TechniqueModel, article: PtcArticle) -> ArticlePredictions:
    out = model.outputs(article.text)
    tc = []
    for span in tc_labels(model, out, article.spans):
        first, last = token_range(out.offsets, span.start, span.end)
        head = model.head_logits(out, first, last) if last > first else np.zeros(len(model.labels))
        tc.append((span.technique, span.start, span.end, [round(float(x), 3) for x in head]))
    return ArticlePredictions(
        article.id,
        [(s.start, s.end) for s in si_spans(model, article.id, out)],
        [(s.technique, s.start, s.end, s.score) for s in model.technique_spans(out)],
        tc,
        [(int(a), int(b)) for a, b in out.offsets],
        [round(float(x), 3) for x in out.logits[:, -1]],
    )


def run_fold(
    data: Path, fold: int, out: Path, folds: int = FOLDS, base: Path | None = None, epochs: int = 5, seed: int = 13,
    any_weight: float = 0.5, max_length: int = 256, log: Callable[[str], None] = print,
) -> dict:
    """Trains the shipped recipe on one fold, writes its test predictions to `out` (gzipped
    JSON) and returns the fold's figures."""
    from presslens.training.techniques import train_on_parts  # deferred: torch is the optional train extra

    parts = kfold_parts(load_ptc(Path(data)), fold, folds)
    if not parts["fit"] or not parts["dev"] or not parts["test"]:
        raise InputError(str(data), f"too few articles for fold {fold} of {folds}")
    with tempfile.TemporaryDirectory(prefix=f"techniques-fold{fold}-") as workdir:
        metrics = train_on_parts(parts, Path(workdir), base, epochs, seed, 0, any_weight, max_length, log)
        model = TechniqueModel(Path(workdir))
        predictions = [predict_article(model, article) for article in parts["test"]]
    record = {
        "fold": fold, "folds": folds, "shipped": metrics["shipped"],
        "articles": {name: len(items) for name, items in parts.items()},
        "recipe": {"epochs": epochs, "seed": seed, "any_weight": any_weight, "max_length": max_length},
        "train_seconds": metrics.get("train_seconds"),
        "graphs": metrics["held_out"],  # both graphs' figures on the fold's test part
        "predictions": [p.to_dict() for p in predictions],
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8") as f:
        json.dump(record, f)
    return summary([record], {a.id: a for a in parts["test"]})


def read_fold(path: Path) -> dict:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def summary(records: list[dict], gold: dict[str, PtcArticle]) -> dict:
    """SI, TC and FLC over every fold's test articles at once, and each fold's own."""

    def figures(predictions: list[ArticlePredictions]) -> dict:
        ids = [p.article for p in predictions]
        gold_spans = [s for aid in ids for s in gold[aid].spans]
        si = [LabelledSpan(p.article, "", a, b) for p in predictions for a, b in p.si]
        flc = [LabelledSpan(p.article, t, a, b) for p in predictions for t, a, b, _ in p.flc]
        tc = [LabelledSpan(p.article, t, a, b) for p in predictions for t, a, b, _ in p.tc]
        return {"articles": len(ids), "gold_spans": len(gold_spans), "si": score_si(si, gold_spans).as_dict(),
                "tc": score_tc(tc, gold_spans).as_dict(), "flc": score_flc(flc, gold_spans).as_dict()}

    by_fold = {r["fold"]: [ArticlePredictions.from_dict(p) for p in r["predictions"]] for r in records}
    return {
        "folds": sorted(by_fold),
        "all": figures([p for fold in sorted(by_fold) for p in by_fold[fold]]),
        "per_fold": {fold: figures(by_fold[fold]) for fold in sorted(by_fold)},
    }

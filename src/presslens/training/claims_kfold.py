"""A k-fold over all the check-worthiness data (ClaimBuster and CLEF 2019 together), to
choose between recipes on more than one split: each fold's test predictions are kept
(keys, labels and scores, no text), and the figures are read from all of them at once.

A recipe is a function of one fold's parts (claims_data.kfold_parts) that returns the
ClaimBuster threshold it chose on dev and its scores on the test part.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from presslens.training.claims_data import (
    ClaimData,
    Sentence,
    average_precision,
    f1_scores,
    kfold_parts,
    load_claims,
)


@dataclass
class FoldPredictions:
    """One fold's test predictions and the threshold its recipe chose on dev."""

    fold: int
    threshold: float
    claimbuster: dict[str, tuple[int, float]]  # key -> (label, score)
    clef: dict[str, tuple[int, float]]

    def to_dict(self) -> dict:
        return {"fold": self.fold, "threshold": self.threshold, "claimbuster": self.claimbuster, "clef": self.clef}

    @classmethod
    def from_dict(cls, record: dict) -> FoldPredictions:
        return cls(record["fold"], record["threshold"], record["claimbuster"], record["clef"])


Recipe = Callable[[ClaimData], tuple[float, list[float], list[float]]]


def predictions(fold: int, parts: ClaimData, recipe: Recipe) -> FoldPredictions:
    threshold, cb_scores, clef_scores = recipe(parts)
    keyed = [{s.key: (s.label, round(float(x), 5)) for s, x in zip(sentences, scores)}
             for sentences, scores in ((parts.claimbuster["test"], cb_scores), (parts.clef["test"], clef_scores))]
    return FoldPredictions(fold, threshold, *keyed)


def run_fold(data_folder: Path, fold: int, folds: int, recipe: Recipe, out: Path) -> FoldPredictions:
    """Runs `recipe` on fold `fold` and writes its predictions to `out` (JSON)."""
    found = predictions(fold, kfold_parts(load_claims(data_folder), fold, folds), recipe)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(found.to_dict()), encoding="utf-8")
    return found


def summary(found: list[FoldPredictions]) -> dict:
    """ClaimBuster F1 (P, R) over every fold's test sentences, each at its fold's threshold,
    and CLEF MAP over every debate (each was a test debate in exactly one fold)."""
    labels = np.array([label for f in found for label, _ in f.claimbuster.values()])
    predicted = np.array([score >= f.threshold for f in found for _, score in f.claimbuster.values()])
    by_debate: dict[str, list[tuple[int, float]]] = {}
    for f in found:
        for key, pair in f.clef.items():
            by_debate.setdefault(key.rsplit(":", 1)[0], []).append(pair)
    per_debate = {debate: average_precision(np.array([a for a, _ in pairs]), np.array([b for _, b in pairs]))
                  for debate, pairs in sorted(by_debate.items())}
    return {
        "folds": sorted(f.fold for f in found),
        "claimbuster": {**f1_scores(labels, predicted), "sentences": int(len(labels))},
        "clef": {"map": round(float(np.mean(list(per_debate.values()))), 4), "debates": len(per_debate)},
        "per_fold_f1": [f1_scores(np.array([a for a, _ in f.claimbuster.values()]),
                                  np.array([b >= f.threshold for _, b in f.claimbuster.values()]))["f1"]
                        for f in sorted(found, key=lambda f: f.fold)],
    }


def texts(sentences: list[Sentence]) -> list[str]:
    return [s.text for s in sentences]

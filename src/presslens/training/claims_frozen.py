"""The frozen recipe of `presslens train claims`: linear heads on the shared sentence
encoder (not fine-tuned) and each sentence's features (analyzers/claims/features.py).

One logistic regression per head: "claimbuster" fitted on the ClaimBuster fit sentences,
"clef" on the CLEF fit lines; each head's L2 penalty chosen on dev (ClaimBuster F1 at its
best threshold; CLEF MAP). No torch: the encoder is the bundled ONNX graph, so this recipe
trains in a minute on two cores.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from presslens.analyzers.claims.model import head_inputs
from presslens.analyzers.sentence_encoder import load_sentence_encoder
from presslens.training.claims_data import (
    HEADS,
    ClaimData,
    Sentence,
    best_f1_threshold,
    clef_map,
    f1_scores,
)

PENALTIES = (0.3, 1.0, 3.0, 10.0)  # scikit-learn's C: the inverse of the L2 weight


class Inputs:
    """Each sentence's head inputs, computed once and found again by its key."""

    def __init__(self) -> None:
        self.encoder = load_sentence_encoder()
        self._rows: dict[str, np.ndarray] = {}

    def __call__(self, sentences: list[Sentence]) -> np.ndarray:
        missing = [s for s in dict.fromkeys(sentences) if s.key not in self._rows]
        if missing:
            for sentence, row in zip(missing, head_inputs(self.encoder, [s.text for s in missing])):
                self._rows[sentence.key] = row
        return np.stack([self._rows[s.key] for s in sentences])


def _dev_score(head: str, classifier, parts: ClaimData, inputs: Inputs) -> float:
    dev = parts.claimbuster["dev"] if head == "claimbuster" else parts.clef["dev"]
    scores = classifier.predict_proba(inputs(dev))[:, 1]
    if head == "clef":
        return clef_map(dev, scores)["map"]
    labels = np.array([s.label for s in dev])
    return f1_scores(labels, scores >= best_f1_threshold(labels, scores))["f1"]


def fit_heads(
    parts: ClaimData, inputs: Inputs, log: Callable[[str], None] = print,
) -> tuple[np.ndarray, np.ndarray, dict]:
    """(weights (heads, inputs), bias (heads,), the penalty chosen and dev score per head)."""
    # deferred: scikit-learn is part of the train extra
    from sklearn.linear_model import LogisticRegression

    weights, biases, chosen = [], [], {}
    for head in HEADS:
        fit = parts.claimbuster["fit"] if head == "claimbuster" else parts.clef["fit"]
        x, y = inputs(fit), np.array([s.label for s in fit])
        tried = []
        for penalty in PENALTIES:
            classifier = LogisticRegression(C=penalty, max_iter=5000).fit(x, y)
            tried.append((_dev_score(head, classifier, parts, inputs), penalty, classifier))
            log(f"{head}: C={penalty} dev {tried[-1][0]:.4f}")
        score, penalty, best = max(tried, key=lambda t: t[0])
        weights.append(best.coef_[0])
        biases.append(best.intercept_[0])
        chosen[head] = {"C": penalty, "dev": round(score, 4)}
    return np.stack(weights).astype(np.float32), np.array(biases, dtype=np.float32), chosen


def write_head_folder(out, weights: np.ndarray, bias: np.ndarray, config: dict) -> None:
    """A claims folder of the frozen recipe: head.npz and config.json (calibration comes after)."""
    from presslens.analyzers.claims.model import HEAD_FILE
    from presslens.training.model_folder import write_config

    out.mkdir(parents=True, exist_ok=True)
    np.savez(out / HEAD_FILE, weights=weights, bias=bias)
    write_config(out, config)

"""The check-worthiness data (ClaimBuster sentences, CLEF CheckThat! 2019 debates), its
fixed split into fit / dev / held-out parts, and the two scores the issue sets targets on.

ClaimBuster sentences split by a stable hash of their sentence_id (70 / 15 / 15); CLEF
lines split by debate, from fixed lists, so that a debate's lines never straddle parts
(MAP ranks the lines of one debate). Epochs, calibration and the threshold are chosen on
dev; the held-out figures are on text no choice ever looked at.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from presslens.errors import InputError
from presslens.training.buckets import hash_bucket

CLAIMBUSTER_FILE = "claimbuster-train.json"
CLEF_FILE = "clef2019-train.csv"
PARTS = ("fit", "dev", "test")
# The two sources label differently (CLEF marks far fewer debate lines check-worthy than
# ClaimBuster marks sentences), so the model has one output for each, on a shared encoder.
HEADS = ("claimbuster", "clef")
# Hash buckets of 100: [0, 70) fit, [70, 85) dev, [85, 100) held out.
CLAIMBUSTER_DEV_BUCKETS = range(70, 85)
CLAIMBUSTER_HELD_OUT_BUCKETS = range(85, 100)
# Chosen before any training, for a fair spread of positives (dev 45, held out 101) and of
# kinds of event (primary and presidential debates, a vice-presidential one, speeches).
CLEF_DEV_DEBATES = ("20161010_2pres.tsv", "20170928_trump_tax.tsv")
CLEF_HELD_OUT_DEBATES = (
    "20160209_msnbc_dem.tsv",
    "20161005_vice_pres.tsv",
    "20170228_trump_address.tsv",
    "20180916_trump_miami.tsv",
)


@dataclass(frozen=True)
class Sentence:
    text: str
    label: int  # 1 = check-worthy
    group: str  # "claimbuster", or the CLEF debate's file name
    key: str = ""  # "claimbuster:<sentence_id>" or "<debate>:<line_number>": names it in kept predictions

    @property
    def head(self) -> int:
        """Index in HEADS of the output trained on this sentence's label."""
        return 0 if self.group == "claimbuster" else 1


@dataclass
class ClaimData:
    """Each part's ClaimBuster sentences and CLEF lines."""

    claimbuster: dict[str, list[Sentence]]
    clef: dict[str, list[Sentence]]

    def sentences(self, part: str) -> list[Sentence]:
        return self.claimbuster[part] + self.clef[part]


def claimbuster_part(sentence_id: object) -> str:
    bucket = hash_bucket(str(sentence_id))
    if bucket in CLAIMBUSTER_HELD_OUT_BUCKETS:
        return "test"
    return "dev" if bucket in CLAIMBUSTER_DEV_BUCKETS else "fit"


def clef_part(debate: str) -> str:
    if debate in CLEF_HELD_OUT_DEBATES:
        return "test"
    return "dev" if debate in CLEF_DEV_DEBATES else "fit"


def kfold_parts(data: ClaimData, fold: int, folds: int = 5) -> ClaimData:
    """Every sentence of `data`, re-split for fold `fold` of a k-fold over all of it: that
    fold is the test part, the next one dev (epochs, calibration, threshold), the rest fit.
    ClaimBuster sentences fall in folds by the hash of their key; CLEF debates whole, in
    turn by name, so a debate's lines never straddle folds."""
    debates = sorted({s.group for part in PARTS for s in data.clef[part]})
    debate_fold = {debate: number % folds for number, debate in enumerate(debates)}
    role = {fold % folds: "test", (fold + 1) % folds: "dev"}
    parts = ClaimData({part: [] for part in PARTS}, {part: [] for part in PARTS})
    for source, fold_of in ((data.claimbuster, lambda s: hash_bucket(s.key) % folds),
                            (data.clef, lambda s: debate_fold[s.group])):
        target = parts.claimbuster if source is data.claimbuster else parts.clef
        for sentence in (s for part in PARTS for s in source[part]):
            target[role.get(fold_of(sentence), "fit")].append(sentence)
    return parts


def _label(value: object, source: Path, line: int | None) -> int:
    if str(value).strip() not in ("0", "1"):
        raise InputError(str(source), f"label must be 0 or 1, got {value!r}", line)
    return int(str(value).strip())


def load_claims(folder: Path) -> ClaimData:
    """Reads both files of `folder` and splits them; InputError names a bad file and line."""
    folder = Path(folder)
    data = ClaimData({part: [] for part in PARTS}, {part: [] for part in PARTS})
    claimbuster = folder / CLAIMBUSTER_FILE
    clef = folder / CLEF_FILE
    for path in (claimbuster, clef):
        if not path.is_file():
            raise InputError(str(path), "not found (expected claimbuster-train.json and clef2019-train.csv)")
    try:
        records = json.loads(claimbuster.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(str(claimbuster), f"not a JSON list of sentences ({exc})") from None
    if not isinstance(records, list):
        raise InputError(str(claimbuster), "expected a JSON list of {sentence_id, label, text}")
    for index, record in enumerate(records):
        if not isinstance(record, dict) or not {"sentence_id", "label", "text"} <= record.keys():
            raise InputError(str(claimbuster), f"item {index} lacks sentence_id, label or text")
        sentence = Sentence(str(record["text"]), _label(record["label"], claimbuster, None), "claimbuster",
                            f"claimbuster:{record['sentence_id']}")
        data.claimbuster[claimbuster_part(record["sentence_id"])].append(sentence)
    with clef.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"text", "label", "file_name"} - set(reader.fieldnames or ())
        if missing:
            raise InputError(str(clef), f"missing columns: {', '.join(sorted(missing))}", 1)
        for row in reader:
            debate = row["file_name"]
            sentence = Sentence(row["text"] or "", _label(row["label"], clef, reader.line_num), debate,
                                f"{debate}:{row.get('line_number') or reader.line_num}")
            data.clef[clef_part(debate)].append(sentence)
    return data


def f1_scores(labels: np.ndarray, predicted: np.ndarray) -> dict[str, float]:
    """Precision, recall and F1 of the positive (check-worthy) class."""
    true_pos = float(np.sum((labels == 1) & predicted))
    precision = true_pos / max(float(predicted.sum()), 1.0)
    recall = true_pos / max(float((labels == 1).sum()), 1.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": round(f1, 4), "precision": round(precision, 4), "recall": round(recall, 4)}


def best_f1_threshold(labels: np.ndarray, scores: np.ndarray) -> float:
    """The threshold (on a 0.01 grid) with the best positive-class F1."""
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    return float(max(grid, key=lambda t: (f1_scores(labels, scores >= t)["f1"], -abs(t - 0.5))))


def average_precision(labels: np.ndarray, scores: np.ndarray) -> float:
    """Average precision of the positives when lines are ranked by score (ties: line order)."""
    order = np.argsort(-scores, kind="stable")
    ranked = labels[order] == 1
    if not ranked.any():
        return 0.0
    hits = np.cumsum(ranked)
    return float(np.mean(hits[ranked] / (np.flatnonzero(ranked) + 1)))


def clef_map(sentences: list[Sentence], scores: np.ndarray) -> dict:
    """CheckThat! 2019 Task 1: average precision per debate, then the mean over debates."""
    labels = np.array([s.label for s in sentences])
    groups = np.array([s.group for s in sentences])
    per_debate = {
        debate: round(average_precision(labels[groups == debate], scores[groups == debate]), 4)
        for debate in sorted(set(groups.tolist()))
    }
    return {"map": round(float(np.mean(list(per_debate.values()))) if per_debate else 0.0, 4), "debates": per_debate}


def score_part(data: ClaimData, part: str, claimbuster_scores, clef_scores, threshold: float) -> dict:
    """ClaimBuster F1 (P, R) at `threshold` and CLEF MAP on `part`; each `*_scores(texts)` scores its source."""
    claimbuster, clef = data.claimbuster[part], data.clef[part]
    cb_scores = np.asarray(claimbuster_scores([s.text for s in claimbuster]), dtype=np.float64)
    debate_scores = np.asarray(clef_scores([s.text for s in clef]), dtype=np.float64)
    cb_labels = np.array([s.label for s in claimbuster])
    return {
        "claimbuster": {
            **f1_scores(cb_labels, cb_scores >= threshold),
            "sentences": len(claimbuster),
            "threshold": threshold,
        },
        "clef": {**clef_map(clef, debate_scores), "lines": len(clef)},
    }

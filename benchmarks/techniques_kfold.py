"""K-fold figures for the technique recipe over all 371 PTC articles: each fold is the test
part once, half of the next fold picks the epoch and tunes, the rest trains
(presslens.training.techniques_kfold). Each fold's test predictions (ids, offsets,
techniques, scores, token logits; no text) are written to
benchmarks/results/techniques-kfold/fold-N.json.gz, so that folds can run in different
sessions (one fold is about 50 minutes of training on 2 idle cores); the figures are read
from every fold written, scored with presslens' SemEval-2020 scorer.

    .venv/bin/python benchmarks/techniques_kfold.py --data ../shared/data/ptc --fold 0
    .venv/bin/python benchmarks/techniques_kfold.py --data ../shared/data/ptc --summary
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from presslens.errors import PresslensError
from presslens.training.techniques_data import load_ptc
from presslens.training.techniques_kfold import FOLDS, read_fold, run_fold, summary

RESULTS = Path(__file__).resolve().parent / "results" / "techniques-kfold"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ptc"))
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--fold", type=int, action="append", help="run these folds (default: none, read only)")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--summary", action="store_true", help="only read the folds already written")
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args()
    for fold in [] if args.summary else args.fold or []:
        began = time.perf_counter()
        one = run_fold(args.data, fold, args.results / f"fold-{fold}.json.gz", args.folds, epochs=args.epochs,
                       seed=args.seed, log=lambda m: print(m, file=sys.stderr, flush=True))["all"]
        print(f"fold {fold}: SI F1 {one['si']['f1']:.3f}, TC F1 {one['tc']['f1']:.3f}, FLC F1 {one['flc']['f1']:.3f} "
              f"on {one['articles']} articles ({time.perf_counter() - began:.0f} s)", flush=True)
    records = [read_fold(path) for path in sorted(args.results.glob("fold-*.json.gz"))]
    if not records:
        sys.exit(f"error: {args.results}: no fold written yet; run one with --fold N")
    gold = {a.id: a for a in load_ptc(args.data)}
    print(json.dumps(summary(records, gold), indent=1))


if __name__ == "__main__":
    try:
        main()
    except PresslensError as exc:
        sys.exit(f"error: {exc}")

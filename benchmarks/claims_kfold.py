"""K-fold figures for a check-worthiness recipe over all the training data (ClaimBuster and
the CLEF 2019 debates together): each fold is the test part once, the next fold chooses
epochs, penalties, calibration and threshold, the rest trains. Each fold's test predictions
(keys, labels, scores; no text) are written to benchmarks/results/claims-kfold/, so that
folds can run in different sessions; the figures are read from every fold written.

    .venv/bin/python benchmarks/claims_kfold.py --data ../shared/data/claims --recipe frozen
    .venv/bin/python benchmarks/claims_kfold.py --data ../shared/data/claims --recipe finetuned --fold 0
    .venv/bin/python benchmarks/claims_kfold.py --recipe finetuned --summary
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from presslens.errors import PresslensError
from presslens.training.claims_kfold import FoldPredictions, run_fold, summary

RESULTS = Path(__file__).resolve().parent / "results" / "claims-kfold"


def _recipe(name: str, workdir: Path):
    from presslens.training import claims

    if name == "frozen":
        return claims.frozen_recipe(workdir, log=lambda m: None)
    return claims.finetuned_recipe(workdir, log=lambda m: print(m, file=sys.stderr, flush=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/claims"))
    parser.add_argument("--recipe", choices=("frozen", "finetuned"), required=True)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--fold", type=int, action="append", help="run only these folds (default: all)")
    parser.add_argument("--summary", action="store_true", help="only read the folds already written")
    args = parser.parse_args()
    if not args.summary:
        with tempfile.TemporaryDirectory() as workdir:
            recipe = _recipe(args.recipe, Path(workdir))
            for fold in args.fold or range(args.folds):
                began = time.perf_counter()
                found = run_fold(args.data, fold, args.folds, recipe, RESULTS / f"{args.recipe}-{fold}.json")
                one = summary([found])
                print(f"{args.recipe} fold {fold}: ClaimBuster F1 {one['claimbuster']['f1']:.3f}, "
                      f"CLEF MAP {one['clef']['map']:.3f} ({time.perf_counter() - began:.0f} s)", flush=True)
    kept = sorted(RESULTS.glob(f"{args.recipe}-*.json"))
    written = [FoldPredictions.from_dict(json.loads(path.read_text())) for path in kept]
    print(json.dumps({"recipe": args.recipe, **summary(written)}, indent=1))


if __name__ == "__main__":
    try:
        main()
    except PresslensError as exc:
        sys.exit(f"error: {exc}")

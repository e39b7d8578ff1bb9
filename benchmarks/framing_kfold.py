"""K-fold figures for an entity-framing training recipe, on the fit and dev articles only.

The fixed development part holds 76 mentions (8 of them Protagonist): too few to choose
between recipes. This trains a recipe K times, each time on all fit and dev articles but
one fold (plus the Narrative Frames mentions and name swaps when asked), for a fixed
number of epochs (no epoch is chosen on what is scored), and scores the fp32 net on the
fold left out. The held-out part is never read. Prints each fold and the pooled figures.

    .venv/bin/python benchmarks/framing_kfold.py --data ../shared/data/entity-framing \\
        --extra ../shared/data/narrative-frames [--swap-names] [--folds 3] [--epochs 3] [--seed 13] \\
        [--max-length 128] [--context 24] [--extra-per-entity 1]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np
import torch

from presslens.analyzers.framing.model import ONE_FINE_ROLE, RoleScores, decode_roles
from presslens.errors import PresslensError
from presslens.training.buckets import hash_bucket
from presslens.training.framing_data import (
    FramingData,
    add_name_swaps,
    add_narrative_frames,
    framing_scores,
    load_semeval,
)
from presslens.training.framing_net import net_scores, train_framing_net
from presslens.training.model_folder import resolve_base
from presslens.training.settings import FramingTrainingSettings


def fold_of(document: str, folds: int) -> int:
    return hash_bucket(f"framing-kfold:{document}", folds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--extra", type=Path)
    parser.add_argument("--extra-per-entity", type=int, default=1, help="Narrative Frames occurrences per entity")
    parser.add_argument("--swap-names", action="store_true")
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--max-length", type=int, default=FramingTrainingSettings.max_length, help="tokens a window")
    parser.add_argument(
        "--context", type=int, default=FramingTrainingSettings.context, help="tokens either side pooled"
    )
    parser.add_argument("--base", type=Path)
    args = parser.parse_args()
    if args.folds < 2:
        parser.error(f"--folds: {args.folds} leaves nothing to train on; use 2 or more")
    torch.set_num_threads(min(2, os.cpu_count() or 1))
    base, base_name = resolve_base(args.base)
    try:
        semeval = load_semeval(args.data)
    except PresslensError as exc:
        sys.exit(f"error: {exc}")
    labelled = semeval.parts["fit"] + semeval.parts["dev"]
    settings = FramingTrainingSettings(epochs=args.epochs, seed=args.seed, max_length=args.max_length,
                                    context=args.context)
    gold_all, main_all, fine_all = [], [], []
    began = time.monotonic()
    for fold in range(args.folds):
        left_out = [m for m in labelled if fold_of(m.document, args.folds) == fold]
        data = FramingData(
            dict(semeval.texts),
            {"fit": [m for m in labelled if fold_of(m.document, args.folds) != fold], "dev": [], "test": []},
        )
        if args.extra:
            add_narrative_frames(data, args.extra, per_entity=args.extra_per_entity)
        if args.swap_names:
            add_name_swaps(data, args.seed)
        net, tokenizer, _ = train_framing_net(data.texts, data.parts["fit"], base, settings, log=lambda _: None)
        scores = net_scores(net, tokenizer, data.texts, left_out, settings)
        result = framing_scores(left_out, decode_roles(scores, ONE_FINE_ROLE))
        print(f"fold {fold + 1}/{args.folds}: {len(data.parts['fit'])} training mentions; {result['mentions']} scored: "
              f"accuracy {result['accuracy']:.3f}, macro-F1 {result['macro_f1']:.3f}, EMR {result['emr']:.3f} "
              f"({time.monotonic() - began:.0f}s)", flush=True)
        gold_all += left_out
        main_all.append(scores.main)
        fine_all.append(scores.fine)
    pooled = framing_scores(
        gold_all, decode_roles(RoleScores(np.concatenate(main_all), np.concatenate(fine_all)), ONE_FINE_ROLE)
    )
    recipe = ", ".join([
        base_name, f"{args.max_length}-token windows", f"context {args.context}", f"{args.epochs} epochs",
        f"seed {args.seed}", *([f"Narrative Frames x{args.extra_per_entity}"] if args.extra else []),
        *(["name swaps"] if args.swap_names else []),
    ])
    print(f"{args.folds}-fold over {len({m.document for m in labelled})} fit+dev articles ({recipe}): "
          f"{pooled['mentions']} mentions, accuracy {pooled['accuracy']:.3f}, macro-F1 {pooled['macro_f1']:.3f} "
          f"(P {pooled['f1_per_role']['Protagonist']:.3f} / A {pooled['f1_per_role']['Antagonist']:.3f} / "
          f"I {pooled['f1_per_role']['Innocent']:.3f}), EMR {pooled['emr']:.3f}")


if __name__ == "__main__":
    main()

"""How often entity framing gives a role on ordinary news: of the people, organisations,
places and groups the pipeline frames in a random sample of AllSides articles, how many
get each role and how many get none (their best mean score under the model's
`entity_threshold`). A reader sees only the roles, so this is how much of an article the
entity chips colour.

    .venv/bin/python benchmarks/framing_roles.py [--articles 30] [--seed 7] [--model DIR]

`--model` scores another model folder (default: the bundled one), to compare two.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter

from allsides_sample import allsides_sample
from presslens.analyzers.framing.model import FramingModel, load_framing_model
from presslens.analyzers.framing.roles import MAIN_ROLES
from presslens.article import Article
from presslens.errors import PresslensError
from presslens.pipeline import WITH_FRAMING, Pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--model", help="framing model folder (default: the bundled one)")
    args = parser.parse_args()
    if args.articles < 1:
        parser.error(f"--articles: {args.articles} is not a positive number")
    if args.model:
        os.environ[FramingModel.env_var()] = args.model
    try:
        model = load_framing_model()
    except PresslensError as exc:
        sys.exit(f"error: {exc}")
    texts = allsides_sample(args.articles, args.seed)
    pipeline = Pipeline(WITH_FRAMING)
    roles: Counter = Counter()
    began = time.perf_counter()
    for text in texts:
        analysis = pipeline.analyze(Article(text=text))
        roles.update(e.framing["role"] for e in analysis.entities if e.framing)
    seconds = time.perf_counter() - began
    framed = sum(roles.values())
    print(f"{model.model_id} (entity_threshold {model.entity_threshold}), {len(texts)} AllSides articles "
          f"(seed {args.seed}): {framed:,} framed entities")
    for role in (*MAIN_ROLES, None):
        share = roles[role] / framed if framed else 0.0
        print(f"  {role or 'no clear role':<14} {roles[role]:>6,}  {share:6.1%}")
    print(f"with a role: {1 - roles[None] / framed if framed else 0.0:.1%}; {seconds:.0f} s")


if __name__ == "__main__":
    main()

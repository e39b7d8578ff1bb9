"""A seeded random sample of the AllSides corpus in ../shared/data, for the benchmarks that
measure what the models do on ordinary news."""

from __future__ import annotations

import random
import sys
import warnings
from pathlib import Path

from presslens.article import Article
from presslens.errors import DroppedFieldWarning
from presslens.readers import read_path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "corpus" / "allsides.jsonl.gz"


def allsides_sample(n: int, seed: int) -> list[str]:
    """The texts of `n` articles drawn at random (seeded) from the whole corpus; exits with
    one line when the corpus is not there."""
    if not CORPUS.is_file():
        sys.exit(f"error: {CORPUS}: not found (the AllSides corpus of ../shared/data)")
    with warnings.catch_warnings():  # the corpus's odd dates: the texts are what is sampled
        warnings.simplefilter("ignore", DroppedFieldWarning)
        articles: list[Article] = list(read_path(CORPUS, on_error=lambda error: None))
    chosen = random.Random(seed).sample(articles, min(n, len(articles)))
    return [a.text for a in chosen]

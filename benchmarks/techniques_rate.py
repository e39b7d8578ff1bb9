"""How many technique spans the bundled model marks per 1,000 words, beside how many the
PTC annotators marked: a model that marks far more than the gold rate on ordinary news is
over-marking, one that marks far fewer is missing most of it.

Three rows, each counted the same way (words as the pipeline's `scores.words` counts
them: `analyzers.scores.word_count`):
- PTC gold: the annotated spans of the held-out part (70 articles the model never saw);
- the model on those same articles, at the layer's floor (0.2) and at the page's
  default marking threshold (0.3);
- the model on a random sample of AllSides articles (`--allsides N`), at both thresholds,
  with the most spans any one article got and how many spans are made only of stop words
  or punctuation (the component drops those, so this must print 0).

    .venv/bin/python benchmarks/techniques_rate.py [--allsides 200] [--seed 7]
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from allsides_sample import allsides_sample
from presslens.analyzers.layers import get_layer
from presslens.analyzers.scores import word_count
from presslens.analyzers.techniques.component import LAYER_MIN_SCORE, SHOWN_MIN_SCORE
from presslens.analyzers.techniques.tidy import carries_words
from presslens.pipeline import Pipeline
from presslens.training.techniques_data import load_ptc, split

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"


@dataclass
class Rate:
    articles: int = 0
    words: int = 0
    spans: dict[float, int] = field(default_factory=lambda: {LAYER_MIN_SCORE: 0, SHOWN_MIN_SCORE: 0})
    per_article: list[float] = field(default_factory=list)  # spans at the page threshold per 1,000 words
    most: int = 0
    stop_word_only: int = 0


def count_model(nlp, texts: list[str]) -> Rate:
    rate = Rate()
    for doc in nlp.pipe(texts, batch_size=4):
        spans = get_layer(doc, "techniques")
        words = word_count(doc)
        rate.articles += 1
        rate.words += words
        for threshold in rate.spans:
            rate.spans[threshold] += sum(s.score >= threshold for s in spans)
        shown = sum(s.score >= SHOWN_MIN_SCORE for s in spans)
        rate.per_article.append(1000 * shown / words if words else 0.0)
        rate.most = max(rate.most, len(spans))
        rate.stop_word_only += sum(not carries_words(doc, s.start, s.end) for s in spans)
    return rate


def row(name: str, rate: Rate, threshold: float | None, gold_spans: int | None = None) -> str:
    spans = gold_spans if gold_spans is not None else rate.spans[threshold]
    per_1000 = 1000 * spans / rate.words if rate.words else 0.0
    cut = "gold" if threshold is None else f">= {threshold:.1f}"
    return f"{name:<30} {cut:>7} {rate.articles:>8,} {rate.words:>9,} {spans:>7,} {per_1000:>10.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--allsides", type=int, default=200, help="AllSides articles to sample")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    nlp = Pipeline(("presslens_techniques",)).nlp
    held_out = split(load_ptc(DATA / "ptc"))["test"]
    began = time.perf_counter()
    ptc_model = count_model(nlp, [a.text for a in held_out])
    gold = sum(len(a.spans) for a in held_out)
    sample = allsides_sample(args.allsides, args.seed)
    allsides = count_model(nlp, sample)
    seconds = time.perf_counter() - began
    print(f"{'':<30} {'score':>7} {'articles':>8} {'words':>9} {'spans':>7} {'per 1,000':>10}")
    print(row("PTC held-out, annotators", ptc_model, None, gold_spans=gold))
    for threshold in (LAYER_MIN_SCORE, SHOWN_MIN_SCORE):
        print(row("PTC held-out, model", ptc_model, threshold))
    for threshold in (LAYER_MIN_SCORE, SHOWN_MIN_SCORE):
        print(row(f"AllSides sample (seed {args.seed}), model", allsides, threshold))
    shown = sorted(allsides.per_article)
    print(f"\nAllSides, spans per 1,000 words per article at >= {SHOWN_MIN_SCORE}: median "
          f"{statistics.median(shown):.1f}, 90th percentile {shown[int(0.9 * (len(shown) - 1))]:.1f}, "
          f"max {shown[-1]:.1f}; most spans in one article {allsides.most} (at >= {LAYER_MIN_SCORE})")
    print(f"spans made only of stop words or punctuation: {ptc_model.stop_word_only + allsides.stop_word_only}")
    print(f"{seconds:.0f} s for {ptc_model.articles + allsides.articles} articles")


if __name__ == "__main__":
    main()

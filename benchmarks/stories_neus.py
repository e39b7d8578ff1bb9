"""How well `presslens stories cluster` finds NeuS's stories (docs/stories.md).

NeuS (Lee et al. 2022) holds 2,403 stories, each the opening of one article from a left, a
centre and a right outlet (7,192 articles; no outlets or dates, so the clusterer works on text
alone). The file lists a story's articles together, which an online clusterer would find for
free, so the articles are shuffled (fixed seed) before clustering. Stories with
hash_bucket(story) < 30 are the tuning part (the settings' defaults were fitted there); the
rest is held out. Scores are B-cubed precision, recall and F1, over: the whole file, the
held-out part, and random slices of 1,000 stories (each clustered alone). Beside each: TF-IDF
cosine average-link (scikit-learn and SciPy, the bench and train extras), its distance
threshold fitted on the tuning part.

Runs the same code as the command (`stories.batch.cluster_articles`); `--cache` keeps the
embeddings (the slow part: about 3 minutes on 2 cores) between runs. `--tune` prints a grid of
the two thresholds on the tuning part instead.

    .venv/bin/python benchmarks/stories_neus.py [--data ../shared/data/stories/neus-stories.jsonl]
        [--cache /tmp/neus-embeddings.npy] [--slices 5] [--out benchmarks/results/stories_neus.json]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np

from presslens.article import Article
from presslens.stories.batch import cluster_articles
from presslens.stories.clusterer import StoryClusterer, StorySettings
from presslens.training.buckets import hash_bucket

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "stories" / "neus-stories.jsonl"
TUNING_BUCKETS = 30


def read_neus(path: Path, seed: int = 0) -> tuple[list[Article], list[str]]:
    """The articles, shuffled, and the story of each."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    articles = [Article(text=rows[i]["text"], title=rows[i]["title"], id=f"neus-{i}") for i in order]
    return articles, [rows[i]["story"] for i in order]


def bcubed(predicted: list[str], gold: list[str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 (Bagga and Baldwin 1998), averaged over articles."""
    ours, theirs, both = Counter(predicted), Counter(gold), Counter(zip(predicted, gold))
    precision = float(np.mean([both[p, g] / ours[p] for p, g in zip(predicted, gold)]))
    recall = float(np.mean([both[p, g] / theirs[g] for p, g in zip(predicted, gold)]))
    return {"precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(2 * precision * recall / (precision + recall), 4)}


def embeddings(articles: list[Article], cache: Path | None) -> np.ndarray:
    if cache and cache.exists():
        return np.load(cache)
    found = StoryClusterer().embeddings_for(articles)
    if cache:
        np.save(cache, found)
    return found


def tfidf_tree(texts: list[str]):
    """The baseline's merge tree: TF-IDF (sublinear, English stop words) cosine, average-link."""
    from scipy.cluster.hierarchy import linkage
    from scipy.spatial.distance import squareform
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    distances = np.clip(1 - (matrix @ matrix.T).toarray(), 0, None)  # rows are unit length: 1 - cosine
    np.fill_diagonal(distances, 0)
    return linkage(squareform(distances, checks=False), "average")


def cut(tree, threshold: float) -> list[str]:
    from scipy.cluster.hierarchy import fcluster

    return [str(label) for label in fcluster(tree, threshold, "distance")]


def fit_baseline(texts: list[str], gold: list[str]) -> float:
    tree = tfidf_tree(texts)
    scores = {t: bcubed(cut(tree, t), gold)["f1"] for t in np.arange(0.5, 1.0, 0.025)}
    return float(max(scores, key=scores.get))


def evaluate(articles, gold, vectors, picked, threshold, settings) -> dict:
    chosen = [articles[i] for i in picked]
    truth = [gold[i] for i in picked]
    started = time.perf_counter()
    ours = cluster_articles(chosen, vectors[picked], settings)
    seconds = time.perf_counter() - started
    texts = [f"{a.title}. {a.text}" for a in chosen]
    return {"articles": len(picked), "stories": len(set(truth)), "stories_found": len(set(ours)),
            "clusterer": bcubed(ours, truth), "baseline": bcubed(cut(tfidf_tree(texts), threshold), truth),
            "clustering_seconds": round(seconds, 1)}


def slices(gold: list[str], count: int, size: int = 1000) -> list[list[int]]:
    stories = sorted(set(gold))
    chosen = [set(random.Random(seed).sample(stories, size)) for seed in range(count)]
    return [[i for i, story in enumerate(gold) if story in each] for each in chosen]


def tune(articles, gold, vectors, tuning) -> None:
    for join in (0.4, 0.5):
        for merge in (-0.05, -0.025, 0.0, 0.025):
            settings = replace(StorySettings(), join_threshold=join, merge_threshold=merge)
            ours = cluster_articles([articles[i] for i in tuning], vectors[tuning], settings)
            print(f"join {join} merge {merge}: {bcubed(ours, [gold[i] for i in tuning])}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--cache", type=Path, help="an .npy file for the embeddings (read when present)")
    parser.add_argument("--slices", type=int, default=5)
    parser.add_argument("--tune", action="store_true")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "stories_neus.json")
    args = parser.parse_args()
    articles, gold = read_neus(args.data)
    vectors = embeddings(articles, args.cache)
    tuning = [i for i, story in enumerate(gold) if hash_bucket(story) < TUNING_BUCKETS]
    if args.tune:
        tune(articles, gold, vectors, tuning)
        return
    threshold = fit_baseline([f"{articles[i].title}. {articles[i].text}" for i in tuning], [gold[i] for i in tuning])
    settings = StorySettings()
    held_out = [i for i, story in enumerate(gold) if hash_bucket(story) >= TUNING_BUCKETS]
    results = {"settings": settings.__dict__, "baseline_threshold": round(threshold, 3),
               "tuning": evaluate(articles, gold, vectors, tuning, threshold, settings),
               "held_out": evaluate(articles, gold, vectors, held_out, threshold, settings),
               "whole": evaluate(articles, gold, vectors, list(range(len(gold))), threshold, settings)}
    parts = [evaluate(articles, gold, vectors, picked, threshold, settings) for picked in slices(gold, args.slices)]
    results["slices_of_1000_stories"] = {
        "slices": parts,
        "mean_f1": {who: round(float(np.mean([p[who]["f1"] for p in parts])), 4) for who in ("clusterer", "baseline")},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

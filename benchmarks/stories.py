"""What building stories costs on a real corpus: the AllSides corpus of ../shared/data
(37,554 articles, dated, three sides per story), docs/stories.md.

Stores every article but 50 (picked by hash_bucket of the id: the same on every run) in a
fresh SQLite file, times `presslens stories build` over them from nothing (the sentence
encoder reads each title and lead: most of the time), then stores the 50 and times the build
that places them. Each build runs in a process of its own, so its peak memory (maximum resident
set: the model, the vectors and the rows read) is the build's alone. Prints wall time, peak
memory and the stories found, and writes the figures to
benchmarks/results/stories_allsides.json.

    .venv/bin/python benchmarks/stories.py --db sqlite:////tmp/stories.db
        [--corpus ../shared/data/corpus/allsides.jsonl.gz]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from presslens.corpus.stories import list_stories
from presslens.readers import iter_articles
from presslens.store import open_store
from presslens.training.buckets import hash_bucket

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "corpus" / "allsides.jsonl.gz"
HELD_BACK = 50


def timed_build(db: str) -> dict:
    """One `stories build` in a fresh process: its figures and peak memory."""
    code = ("import json, resource, sys; from presslens.corpus.stories import build_stories; "
            "from presslens.store import open_store; store = open_store(sys.argv[1]); run = build_stories(store); "
            "print(json.dumps({**run.__dict__, 'peak_mb': round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss "
            "/ 1024, 1)}))")  # ru_maxrss is in kB on Linux
    done = subprocess.run([sys.executable, "-c", code, db], check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--db", required=True, help="a new SQLite URL (an existing store keeps its articles)")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "stories_allsides.json")
    args = parser.parse_args()
    articles = list(iter_articles([args.corpus]))
    # a fixed, arbitrary pick: the lowest buckets of a 1,000,000-bucket hash of the id
    held = set(sorted((a.id for a in articles), key=lambda i: (hash_bucket(i, 1_000_000), i))[:HELD_BACK])
    with open_store(args.db) as store:
        store.add_articles([a for a in articles if a.id not in held])
    first = timed_build(args.db)
    with open_store(args.db) as store:
        store.add_articles([a for a in articles if a.id in held])
    joined = timed_build(args.db)
    with open_store(args.db) as store:
        found = list_stories(store)
    results = {
        "articles": len(articles), "first_build": first, "50_new": joined,
        "stories": len(found), "stories_of_2_or_more_outlets": sum(len(s.outlets) >= 2 for s in found),
        "largest": max(len(s.members) for s in found),
        "stories_by_size": {n: sum(len(s.members) == n for s in found) for n in range(1, 8)},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

"""Time references over AllSides articles: counts by kind, references per article, how
many of spaCy's DATE entities our spans cover, and throughput.

    .venv/bin/python benchmarks/timeref_examples.py [--articles 200] [--show 15]

Needs ../shared/data/corpus/allsides.jsonl.gz. Prints figures only; asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from datetime import date
from itertools import islice
from pathlib import Path

from presslens.analyzers.layers import set_published
from presslens.analyzers.timeref.component import TimeRefFinder
from presslens.nlp import load_nlp

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "corpus" / "allsides.jsonl.gz"


def dated_articles(limit: int):
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        records = (json.loads(line) for line in lines)
        yield from islice((r for r in records if r.get("published") and r.get("text")), limit)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--show", type=int, default=15, help="most frequent uncovered DATE entities to list")
    args = parser.parse_args()

    nlp = load_nlp()
    finder = TimeRefFinder("presslens_time_refs")
    records = list(dated_articles(args.articles))
    docs = []
    for record in records:
        doc = nlp.make_doc(record["text"])
        set_published(doc, date.fromisoformat(record["published"][:10]))
        docs.append(doc)

    started = time.perf_counter()
    parsed = list(nlp.pipe(docs, batch_size=16))
    spacy_seconds = time.perf_counter() - started

    kinds: Counter[str] = Counter()
    unresolved = 0
    covered = overlapped = dates = 0
    missed: Counter[str] = Counter()
    started = time.perf_counter()
    for doc in parsed:
        finder(doc)
    finder_seconds = time.perf_counter() - started
    for doc in parsed:
        spans = doc.spans[finder.name]
        refs = doc.user_data["presslens.time_refs"]
        kinds.update(r.kind for r in refs)
        unresolved += sum("X" in r.value for r in refs if r.kind == "date")
        for ent in (e for e in doc.ents if e.label_ == "DATE"):
            dates += 1
            start, end = ent.start_char, ent.end_char
            if any(s.start_char <= start and end <= s.end_char for s in spans):
                covered += 1
            if any(s.start_char < end and start < s.end_char for s in spans):
                overlapped += 1
            else:
                missed[ent.text.lower()] += 1

    total = sum(kinds.values())
    characters = sum(len(d.text) for d in parsed)
    print(f"articles: {len(parsed)}  characters: {characters:,}")
    print(f"time references: {total}  ({total / len(parsed):.2f} per article)")
    for kind in ("date", "duration", "set"):
        print(f"  {kind:9s} {kinds[kind]:6d}  ({kinds[kind] / max(total, 1):.1%})")
    print(f"dates left with X (no anchor or unknown): {unresolved}")
    print(f"spaCy DATE entities: {dates}; inside one of our spans: {covered / max(dates, 1):.1%}; "
          f"overlapping one: {overlapped / max(dates, 1):.1%}")
    print(f"spaCy model: {len(parsed) / spacy_seconds:.1f} articles/s; time refs alone: "
          f"{len(parsed) / finder_seconds:.1f} articles/s ({characters / finder_seconds / 1e6:.2f} M chars/s)")
    if args.show:
        print(f"most frequent DATE entities we do not touch (top {args.show}):")
        for text, count in missed.most_common(args.show):
            print(f"  {count:4d}  {text!r}")


if __name__ == "__main__":
    main()

"""How many annotated entity mentions of SemEval-2025 Task 10 (entity framing, English)
fall inside one of our entity mentions.

    .venv/bin/python benchmarks/entities_framing.py [--limit N]

Reads ../shared/data/entity-framing (documents/*.txt and annotations.tsv, whose end
offsets are inclusive). Prints the share of annotated mentions inside one of our
mentions; the same after cutting from the annotation what our mentions leave out by
design (a leading "the", titles and honorifics, a trailing possessive or punctuation:
"the United Nations", "Dr. Carol Baker", "BlackRock's"); the share that at least
overlaps one; and the CPU time per document of spaCy's model and of the component.
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import defaultdict
from pathlib import Path

from presslens.analyzers.entities.titles import norm
from presslens.analyzers.entities.words import HONORIFICS, TITLE_QUALIFIERS, TITLES
from presslens.analyzers.layers import get_layer
from presslens.pipeline import Pipeline

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "entity-framing"


def gold_mentions(data: Path) -> dict[str, list[tuple[int, int, str]]]:
    """file name -> [(start, end, mention)], end made exclusive."""
    gold: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    with open(data / "annotations.tsv", encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t"):
            gold[row[0]].append((int(row[2]), int(row[3]) + 1, row[1]))
    return gold


def without_extras(text: str, start: int, end: int) -> tuple[int, int]:
    """The annotated span less a leading "the", titles and honorifics, and a trailing
    possessive or punctuation."""
    leading = {"the"} | HONORIFICS | TITLES | TITLE_QUALIFIERS
    while True:
        word = text[start:end].split(" ", 1)[0]
        if len(word) == end - start or norm(word) not in leading:
            break
        start += len(word) + 1
    for ending in ("’s", "'s"):
        if text[start:end].endswith(ending):
            end -= len(ending)
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    args = parser.parse_args()

    gold = gold_mentions(DATA)
    names = sorted(gold)[: args.limit]
    texts = [(DATA / "documents" / name).read_text(encoding="utf-8") for name in names]
    pipeline = Pipeline(["presslens_entities"])

    started = time.process_time()
    docs = list(pipeline.nlp.pipe(texts, batch_size=8, disable=["presslens_entities"]))
    model_seconds = time.process_time() - started
    component = pipeline.nlp.get_pipe("presslens_entities")
    started = time.process_time()
    docs = [component(doc) for doc in docs]
    component_seconds = time.process_time() - started

    inside = inside_trimmed = overlapping = total = 0
    for name, doc in zip(names, docs):
        ours = [(m.start, m.end) for e in get_layer(doc, "entities") for m in e.mentions]
        for start, end, _ in gold[name]:
            total += 1
            inside += any(s <= start and end <= e for s, e in ours)
            core_start, core_end = without_extras(doc.text, start, end)
            inside_trimmed += any(s <= core_start and core_end <= e for s, e in ours)
            overlapping += any(s < end and start < e for s, e in ours)

    print(f"documents: {len(names)}  annotated mentions: {total}")
    print(f"inside one of our mentions:   {inside / total:.3f} ({inside})")
    print(f"inside, the annotation less the/titles/possessive: {inside_trimmed / total:.3f} ({inside_trimmed})")
    print(f"overlapping one of our mentions: {overlapping / total:.3f} ({overlapping})")
    print(
        f"CPU per document: spaCy en_core_web_sm {1000 * model_seconds / len(docs):.0f} ms, "
        f"presslens_entities {1000 * component_seconds / len(docs):.1f} ms"
    )


if __name__ == "__main__":
    main()

"""How `resolve_mention` does on the pronoun speakers of PolNeAR (dev split).

    .venv/bin/python benchmarks/entities_pronouns.py [--show N] [--skip K]

Every Source span of ../shared/data/polnear/dev that is just "he" or "she" is resolved.
Prints how many resolve to a PERSON entity and how many to None. PolNeAR has no gold
coreference, so `--show N` prints N of them (shuffled with a fixed seed, after skipping K)
with the text before them, for a person to judge by reading.
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Iterator
from pathlib import Path

from presslens.analyzers.entities.index import resolve_mention
from presslens.analyzers.layers import get_layer
from presslens.pipeline import Pipeline

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "polnear" / "dev"
PRONOUNS = {"he", "she"}


def pronoun_sources(data: Path) -> Iterator[tuple[Path, int, int]]:
    """(text file, start, end) of each he/she Source span, once per annotator."""
    for ann in sorted((data / "attributions").glob("*.ann")):
        text = data / "text" / (re.sub(r"_[0-9a-f]{4}$", "", ann.stem) + ".txt")
        for line in ann.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if text.exists() and len(fields) == 3 and fields[1].startswith("Source ") and fields[2].lower() in PRONOUNS:
                start, end = map(int, fields[1].split()[1:3])
                yield text, start, end


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print N resolutions to judge")
    parser.add_argument("--skip", type=int, default=0, help="skip the first K of the shuffled list")
    args = parser.parse_args()

    # shuffled with a fixed seed, then the spans two annotators share kept once
    items = list(pronoun_sources(DATA))
    random.Random(5).shuffle(items)
    items = list(dict.fromkeys(items))
    pipeline = Pipeline(["presslens_entities"])
    docs = {}
    resolved = 0
    for path in sorted({path for path, _, _ in items}):
        docs[path] = pipeline.nlp(path.read_text(encoding="utf-8"))
    for path, start, end in items:
        resolved += resolve_mention(docs[path], start, end) is not None
    print(
        f"he/she sources: {len(items)}  resolved to a person: {resolved / len(items):.3f}  "
        f"None: {len(items) - resolved}"
    )

    for n, (path, start, end) in enumerate(items[args.skip : args.skip + args.show], start=args.skip):
        doc = docs[path]
        names = {e.id: e.name for e in get_layer(doc, "entities")}
        found = resolve_mention(doc, start, end)
        print(f"[{n}] {doc.text[start:end]} -> {names.get(found)}\n    ...{doc.text[max(0, start - 330) : end + 25]!r}")


if __name__ == "__main__":
    main()

"""An aid for annotating the audit set by hand: prints one article of it with paragraph and
quotation-mark offsets, so that the annotator can read it and write offsets down.

    .venv/bin/python benchmarks/audit_show.py RECORD_ID [--corpus FILE]

It runs no presslens analyzer: what is a quote, who said it and what is furniture stays the
annotator's judgement (docs/audit.md).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from audit_set import CORPUS, read_annotated

# An opening mark, then the shortest run to its closing mark or the paragraph's end (a quote
# running over paragraphs opens at each one and closes only at the last).
QUOTED = re.compile(r'“([^”\n]*)(?:”|$)|"([^"\n]*)(?:"|$)|(?<![\w’])‘([^‘\n]*?)(?:’(?!\w)|$)', re.MULTILINE)


def paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The [start, end) of the words inside each pair of quotation marks."""
    spans = []
    for match in QUOTED.finditer(text):
        group = next(g for g in (1, 2, 3) if match.group(g) is not None)
        if match.end(group) > match.start(group):
            spans.append((match.start(group), match.end(group)))
    return spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("record_id")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    item = read_annotated([args.record_id], args.corpus).get(args.record_id)
    if item is None:
        raise SystemExit(f"error: {args.corpus}: no article with id {args.record_id}")
    text = item.article.text
    print(f"{item.record_id}  {item.outlet} ({item.bias})  {item.article.title}")
    spans = quoted_spans(text)
    for number, (start, end) in enumerate(paragraphs(text), 1):
        print(f"\nP{number} [{start},{end})  {text[start:end]}")
        for q, (qs, qe) in enumerate(spans, 1):
            if start <= qs < end:
                print(f"    Q{q} [{qs},{qe})  {text[qs:qe][:70]}")


if __name__ == "__main__":
    main()

"""Quote extraction against PolNeAR gold attributions: presslens vs textacy.

    .venv/bin/python benchmarks/quotes_polnear.py [--split train|dev|both] [--limit N]

Both systems read the same spaCy Docs (en_core_web_sm plus presslens_entities and
presslens_quotes). textacy's `direct_quotations` is the peer; it finds direct quotes
only and gives up on an article with an odd number of quote marks (counted as no
predictions). Scoring is defined in presslens.training.polnear and docs/quotes.md.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from spacy.tokens import Doc

from presslens.analyzers.entities.index import resolve_mention
from presslens.analyzers.layers import get_layer
from presslens.pipeline import Pipeline
from presslens.training.polnear import Predicted, Score, read_polnear, score_article

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "polnear"
THRESHOLDS = (0.3, 0.8)


def presslens_predictions(doc: Doc) -> list[Predicted]:
    return [
        Predicted(
            content=((q.start, q.end),),
            speaker=((q.speaker.start, q.speaker.end),) if q.speaker else (),
            entity=q.speaker.entity if q.speaker else None,
        )
        for q in get_layer(doc, "quotes")
    ]


def textacy_predictions(doc: Doc) -> list[Predicted] | None:
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # an odd number of quote marks: textacy bails out on the article
        return None
    found = []
    for speaker, _cue, content in triples:
        spans = tuple((t.idx, t.idx + len(t)) for t in speaker)
        entity = resolve_mention(doc, spans[0][0], spans[-1][1]) if spans else None
        found.append(Predicted(((content.start_char, content.end_char),), spans, entity))
    return found


def run(split: str, data: Path, limit: int | None, nlp) -> None:
    articles = list(read_polnear(data, split))[:limit]
    scores = {(system, t): Score() for system in ("presslens", "textacy") for t in THRESHOLDS}
    bailed = 0
    began = time.perf_counter()
    docs = nlp.pipe((a.text for a in articles), batch_size=16)
    for article, doc in zip(articles, docs):
        def gold_entity(start: int, end: int, doc: Doc = doc) -> str | None:
            return resolve_mention(doc, start, end)

        ours = presslens_predictions(doc)
        peer = textacy_predictions(doc)
        bailed += peer is None
        for t in THRESHOLDS:
            scores["presslens", t].add(score_article(article.text, article.attributions, ours, t, gold_entity))
            scores["textacy", t].add(score_article(article.text, article.attributions, peer or [], t, gold_entity))
    seconds = time.perf_counter() - began
    gold = scores["presslens", THRESHOLDS[0]]
    print(f"\nPolNeAR {split}: {len(articles)} articles, {gold.gold} gold attributions "
          f"({gold.direct_gold} direct), {seconds:.0f} s for both systems")
    print(f"textacy gave up on {bailed} article(s) with unbalanced quote marks")
    header = f"{'system':<10} {'overlap':>7} {'pred':>6} {'P':>6} {'R':>6} {'F1':>6} {'directR':>8} {'speaker':>8}"
    print(header)
    print("-" * len(header))
    for (system, t), s in scores.items():
        print(f"{system:<10} {t:>7.1f} {s.predicted:>6} {s.precision:>6.3f} {s.recall:>6.3f} "
              f"{s.f1:>6.3f} {s.direct_recall:>8.3f} {s.speaker_accuracy:>8.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("train", "dev", "both"), default="both")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="first N articles of each split")
    args = parser.parse_args()
    nlp = Pipeline(("presslens_entities", "presslens_quotes")).nlp
    for split in ("train", "dev") if args.split == "both" else (args.split,):
        run(split, args.data, args.limit, nlp)


if __name__ == "__main__":
    main()

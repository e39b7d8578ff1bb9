"""Quote extraction against PolNeAR gold attributions: presslens vs textacy.

    .venv/bin/python benchmarks/quotes_polnear.py [--split train|dev|both] [--limit N]

Both systems read the same spaCy Docs (en_core_web_sm plus presslens_furniture,
presslens_entities and presslens_quotes). textacy's `direct_quotations` is the peer; it finds direct quotes
only and gives up on an article with an odd number of quote marks (counted as no
predictions). Scoring is defined in presslens.training.polnear and docs/quotes.md.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

from spacy.tokens import Doc

from presslens.analyzers.entities.index import resolve_mention
from presslens.analyzers.layers import get_layer
from presslens.analyzers.quotes.reported_speech import noun_phrase
from presslens.pipeline import Pipeline
from presslens.training.polnear import GoldAttribution, Predicted, Score, read_polnear, score_article

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "polnear"
THRESHOLDS = (0.3, 0.8)


def presslens_predictions(doc: Doc) -> list[Predicted]:
    found = [
        (
            (q.cue.start, q.cue.end) if q.cue and q.kind == "direct" else None,
            Predicted(
                content=((q.start, q.end),),
                speaker=((q.speaker.start, q.speaker.end),) if q.speaker else (),
                entity=q.speaker.entity if q.speaker else None,
            ),
        )
        for q in get_layer(doc, "quotes")
    ]
    return one_per_cue(found)


def one_per_cue(found: list[tuple[tuple[int, int] | None, Predicted]]) -> list[Predicted]:
    """Direct quotes in a row that share one cue ('"A," she said. "B."') are one
    attribution, as PolNeAR annotates a split quotation: one content of two fragments."""
    joined: list[Predicted] = []
    last_cue = None
    for cue, p in found:
        if cue is not None and cue == last_cue:
            joined[-1] = Predicted(joined[-1].content + p.content, joined[-1].speaker or p.speaker,
                                   joined[-1].entity or p.entity)
        else:
            joined.append(p)
        last_cue = cue
    return joined


def textacy_predictions(doc: Doc) -> list[Predicted] | None:
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # an odd number of quote marks: textacy bails out on the article
        return None
    found = []
    for speaker, cue, content in sorted(triples, key=lambda triple: triple[2].start_char):
        spans = tuple((t.idx, t.idx + len(t)) for t in speaker)
        entity = resolve_mention(doc, spans[0][0], spans[-1][1]) if spans else None
        cue_span = (cue[0].idx, cue[-1].idx + len(cue[-1])) if len(cue) else None
        found.append((cue_span, Predicted(((content.start_char, content.end_char),), spans, entity)))
    return one_per_cue(found)


def with_antecedents(doc: Doc, gold: list[GoldAttribution]) -> list[GoldAttribution]:
    """PolNeAR makes "who" the Source of "Smith, who said ..."; both systems name Smith, the
    person "who" stands for, so a relative pronoun Source is scored as its antecedent."""
    resolved = []
    for g in gold:
        if len(g.source) == 1:
            span = doc.char_span(*g.source[0])
            relative = span is not None and len(span) == 1 and span[0].tag_ in ("WP", "WDT")
            if relative and span[0].head.dep_ == "relcl":
                g = replace(g, source=(noun_phrase(span[0].head.head),))
        resolved.append(g)
    return resolved


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
        gold = with_antecedents(doc, article.attributions)
        for t in THRESHOLDS:
            scores["presslens", t].add(score_article(article.text, gold, ours, t, gold_entity))
            scores["textacy", t].add(score_article(article.text, gold, peer or [], t, gold_entity))
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
    nlp = Pipeline(("presslens_furniture", "presslens_entities", "presslens_quotes")).nlp
    for split in ("train", "dev") if args.split == "both" else (args.split,):
        run(split, args.data, args.limit, nlp)


if __name__ == "__main__":
    main()

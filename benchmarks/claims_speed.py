"""What the check-worthiness model costs beside spaCy's nlp.pipe and the technique model.

Takes N AllSides articles (../shared/data/corpus), parses them with the base spaCy model
(presslens.nlp.load_nlp, timed), then times `ClaimModel.score` over every sentence spaCy
found and the technique model over every article. Each model is warmed up on a little
text first; threads follow PRESSLENS_THREADS. The claims layer scores only candidate
sentences, so its share of a full analysis is at most what this reports.

    PRESSLENS_THREADS=2 .venv/bin/python benchmarks/claims_speed.py [--articles 40]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "corpus" / "allsides.jsonl.gz"


def article_texts(n: int) -> list[str]:
    found = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        for line in lines:
            text = (json.loads(line).get("text") or "").strip()
            if text:
                found.append(text)
            if len(found) == n:
                break
    return found


def timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main() -> None:
    # deferred: the models and spaCy load after the arguments are read
    from presslens.analyzers.claims.model import load_claim_model
    from presslens.analyzers.techniques.component import load_model
    from presslens.nlp import load_nlp

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40)
    texts = article_texts(parser.parse_args().articles)
    nlp, claims, techniques = load_nlp(), load_claim_model(), load_model()
    list(nlp.pipe(texts[:2]))
    docs: list = []
    spacy_s = timed(lambda: docs.extend(nlp.pipe(texts)))
    sentences = [s.text for doc in docs for s in doc.sents if s.text.strip()]
    claims.score(sentences[:8])
    claims_s = timed(lambda: claims.score(sentences))
    techniques.outputs(texts[0])
    techniques_s = timed(lambda: [techniques.outputs(text) for text in texts])
    tokens = sum(len(e.ids) for e in claims.tokenizer.encode_batch(sentences))
    print(json.dumps({
        "articles": len(texts), "sentences": len(sentences), "tokens": tokens,
        "spacy_s": round(spacy_s, 2), "claims_s": round(claims_s, 2), "techniques_s": round(techniques_s, 2),
        "claims_sentences_per_s": round(len(sentences) / claims_s, 1), "claims_tokens_per_s": round(tokens / claims_s),
        "claims_over_spacy": round(claims_s / spacy_s, 2), "techniques_over_spacy": round(techniques_s / spacy_s, 2),
    }, indent=1))


if __name__ == "__main__":
    main()

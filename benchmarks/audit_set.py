"""The hand-annotated AllSides audit set: how its articles were drawn and how they are read.

The draw is seeded and stratified: equal shares of the three AllSides bias labels, at most
`PER_OUTLET` articles of one outlet, only articles of `MIN_WORDS`..`MAX_WORDS` words (long
enough to quote someone, short enough to annotate by hand). Articles are read with presslens'
own JSON Lines reader, one record at a time, so that annotation offsets index `Article.text`
exactly as the pipeline sees it; each annotation keeps the text's SHA-1 and length so that a
changed reader is caught rather than silently misaligned.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import random
import sys
import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from presslens.article import Article
from presslens.errors import DroppedFieldWarning, InputError
from presslens.readers import read_stream

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "corpus" / "allsides.jsonl.gz"
ANNOTATIONS = Path(__file__).resolve().parent / "audit" / "annotations.json"
SEED = 25
SIZE = 32
PER_OUTLET = 2
MIN_WORDS, MAX_WORDS = 150, 1000
BIASES = ("left", "center", "right")


@dataclass
class AuditArticle:
    record_id: str
    outlet: str
    bias: str
    article: Article


def text_check(text: str) -> dict[str, object]:
    """What an annotation keeps of the text it was made on: its SHA-1 and length."""
    return {"sha1": hashlib.sha1(text.encode("utf-8")).hexdigest(), "length": len(text)}


def corpus_lines(corpus: Path = CORPUS) -> list[bytes]:
    if not corpus.is_file():
        sys.exit(f"error: {corpus}: not found (the AllSides corpus of ../shared/data)")
    with gzip.open(corpus, "rb") as stream:
        return stream.read().splitlines()


def read_record(line: bytes, corpus: Path = CORPUS) -> AuditArticle:
    """One corpus line read by presslens' JSONL reader (the Article) and as JSON (the id and bias)."""
    record = json.loads(line)
    with warnings.catch_warnings():  # the corpus's odd dates: the text is what is annotated
        warnings.simplefilter("ignore", DroppedFieldWarning)
        [article] = read_stream(io.BytesIO(line), str(corpus), corpus.name.removesuffix(".gz"))
    return AuditArticle(record["id"], record["outlet"], record["allsides_bias"], article)


def draw(seed: int = SEED, size: int = SIZE, corpus: Path = CORPUS) -> list[AuditArticle]:
    """The seeded, stratified sample: `size` articles, the biases in turn, outlets capped."""
    lines = corpus_lines(corpus)
    order = list(range(len(lines)))
    random.Random(seed).shuffle(order)
    quota = {bias: size // len(BIASES) + (i < size % len(BIASES)) for i, bias in enumerate(BIASES)}
    per_outlet: Counter[str] = Counter()
    chosen: list[AuditArticle] = []
    for index in order:
        record = json.loads(lines[index])
        bias, outlet = record.get("allsides_bias"), record.get("outlet")
        words = len(str(record.get("text") or "").split())
        if quota.get(bias, 0) == 0 or per_outlet[outlet] >= PER_OUTLET or not MIN_WORDS <= words <= MAX_WORDS:
            continue
        try:
            audit_article = read_record(lines[index], corpus)
        except InputError:
            continue
        quota[bias] -= 1
        per_outlet[outlet] += 1
        chosen.append(audit_article)
        if not any(quota.values()):
            break
    return chosen


def read_annotated(record_ids: list[str], corpus: Path = CORPUS) -> dict[str, AuditArticle]:
    """The annotated articles by AllSides record id, read afresh from the corpus."""
    wanted = set(record_ids)
    found: dict[str, AuditArticle] = {}
    for line in corpus_lines(corpus):
        if not wanted - found.keys():
            break
        record_id = json.loads(line).get("id")
        if record_id in wanted:
            found[record_id] = read_record(line, corpus)
    return found

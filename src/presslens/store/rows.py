"""Turns Article and Analysis objects into table rows and back."""

from __future__ import annotations

import hashlib
import unicodedata
from typing import Any

from presslens.analysis import Analysis, Claim, Cue, Entity, Mention, Quote, Speaker, TechniqueSpan, TimeRef
from presslens.article import Article

# Typographic variants that differ between copies of one article saved by different tools.
_FOLD = (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2013", "-"), ("\u2014", "-"))


def normalised_words(text: str) -> list[str]:
    """The words of `text` after NFKC and with curly quotes and dashes folded to plain ones."""
    if not text.isascii():
        if not unicodedata.is_normalized("NFKC", text):  # a fast check; most texts already are
            text = unicodedata.normalize("NFKC", text)
        for variant, plain in _FOLD:  # str.replace per pair: far faster than str.translate on long texts
            text = text.replace(variant, plain)
    return text.split()


def text_key(article: Article, words: list[str] | None = None) -> str:
    """Second dedupe key: the same outlet, date and text up to spacing, case and quote style.

    `words` are `normalised_words(article.text)` when the caller already has them."""
    parts = [
        (article.outlet or "").strip().casefold(),
        article.published.isoformat() if article.published else "",
        " ".join(words if words is not None else normalised_words(article.text)).casefold(),
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def article_row(article: Article) -> dict[str, Any]:
    """The articles row, with the outlet's name under "outlet" until the store maps it to an id.

    `words` counts the normalised words, the ones the dedupe key is made of (NFKC leaves
    word boundaries alone in all but rare symbols), so the text is split once."""
    words = normalised_words(article.text)
    return {
        "id": article.id,
        "text_key": text_key(article, words),
        "outlet": article.outlet,
        "published": article.published,
        "url": article.url,
        "title": article.title,
        "language": article.language or "en",
        "words": len(words),
        "text": article.text,
    }


def article_rows(batch: list[Article]) -> list[dict[str, Any]]:
    """Rows for a batch, the first of any repeated id only."""
    seen: set[str] = set()
    rows = []
    for article in batch:
        if article.id not in seen:
            seen.add(article.id)
            rows.append(article_row(article))
    return rows


def article_from_row(row: Any) -> Article:
    return Article(
        id=row.id, text=row.text, outlet=row.outlet, published=row.published,
        url=row.url, title=row.title, language=row.language,
    )


def layer_rows(analysis_id: int, analysis: Analysis) -> dict[str, list[dict[str, Any]]]:
    """Rows for every layer table, keyed by table name, in layer order."""
    rows: dict[str, list[dict[str, Any]]] = {
        "entities": [], "mentions": [], "quotes": [], "time_refs": [], "claims": [], "technique_spans": [],
    }
    for i, entity in enumerate(analysis.entities):
        rows["entities"].append({
            "analysis_id": analysis_id, "idx": i, "key": entity.id, "name": entity.name, "type": entity.type,
            "aliases": list(entity.aliases), "framing": dict(entity.framing), "mentions": len(entity.mentions),
        })
        rows["mentions"].extend(
            {"analysis_id": analysis_id, "entity_idx": i, "idx": j, "start": m.start, "end": m.end}
            for j, m in enumerate(entity.mentions)
        )
    for i, q in enumerate(analysis.quotes):
        rows["quotes"].append({
            "analysis_id": analysis_id, "idx": i, "start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
            "speaker": q.speaker.name if q.speaker else None,
            "speaker_entity": q.speaker.entity if q.speaker else None,
            "speaker_start": q.speaker.start if q.speaker else None,
            "speaker_end": q.speaker.end if q.speaker else None,
            "cue": q.cue.text if q.cue else None,
            "cue_start": q.cue.start if q.cue else None,
            "cue_end": q.cue.end if q.cue else None,
            "via": q.via,
        })
    for i, t in enumerate(analysis.time_refs):
        rows["time_refs"].append({
            "analysis_id": analysis_id, "idx": i, "start": t.start, "end": t.end, "text": t.text,
            "kind": t.kind, "value": t.value,
        })
    for i, c in enumerate(analysis.claims):
        rows["claims"].append({
            "analysis_id": analysis_id, "idx": i, "start": c.start, "end": c.end, "text": c.text, "score": c.score,
            "time_refs": [vars(t) for t in c.time_refs], "entities": list(c.entities),
        })
    for i, s in enumerate(analysis.techniques):
        rows["technique_spans"].append({
            "analysis_id": analysis_id, "idx": i, "start": s.start, "end": s.end, "text": s.text,
            "technique": s.technique, "score": s.score,
        })
    return rows


def entities_from_rows(entity_rows: list[Any], mention_rows: list[Any]) -> list[Entity]:
    by_entity: dict[int, list[Mention]] = {}
    for m in mention_rows:
        by_entity.setdefault(m.entity_idx, []).append(Mention(start=m.start, end=m.end))
    return [
        Entity(id=e.key, name=e.name, type=e.type, aliases=list(e.aliases), mentions=by_entity.get(e.idx, []),
               framing=dict(e.framing))
        for e in entity_rows
    ]


def quote_from_row(q: Any) -> Quote:
    speaker = Speaker(entity=q.speaker_entity, name=q.speaker, start=q.speaker_start, end=q.speaker_end) if q.speaker is not None else None
    cue = Cue(text=q.cue, start=q.cue_start, end=q.cue_end) if q.cue is not None else None
    return Quote(start=q.start, end=q.end, text=q.text, kind=q.kind, speaker=speaker, cue=cue, via=q.via)


def time_ref_from_row(t: Any) -> TimeRef:
    return TimeRef(start=t.start, end=t.end, text=t.text, kind=t.kind, value=t.value)


def claim_from_row(c: Any) -> Claim:
    return Claim(start=c.start, end=c.end, text=c.text, score=c.score,
                 time_refs=[TimeRef(**t) for t in c.time_refs], entities=list(c.entities))


def technique_from_row(s: Any) -> TechniqueSpan:
    return TechniqueSpan(start=s.start, end=s.end, text=s.text, technique=s.technique, score=s.score)

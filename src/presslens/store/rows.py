"""Turns Article and Analysis objects into table rows and back, a batch at a time."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any

from presslens.analysis import Analysis
from presslens.article import Article
from presslens.store.schema import SPAN_LAYERS


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


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
    """Rows for every layer table, by table name, in layer order."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for attribute, layer in SPAN_LAYERS.items():
        rows.update(layer.rows(getattr(analysis, attribute), {"analysis_id": analysis_id}))
    return rows


def layers_from_rows(rows_by_table: Mapping[str, list[Any]]) -> dict[str, list[Any]]:
    """Every layer of an Analysis, by attribute, from the rows of each layer table (in key order) by table name."""
    return {attribute: layer.items(rows_by_table) for attribute, layer in SPAN_LAYERS.items()}

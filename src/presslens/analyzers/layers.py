"""How analyzers hand their layers to each other on a spaCy Doc.

Each presslens component stores its typed layer (a list of analysis objects) under its
own key in `doc.user_data` and never overwrites another's; it also writes plain spaCy
spans to `doc.spans[<component name>]` so the Doc is useful in any spaCy pipeline.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from spacy.tokens import Doc

_PREFIX = "presslens."


def set_layer(doc: Doc, name: str, items: Any) -> None:
    doc.user_data[_PREFIX + name] = items


def write_layer(doc: Doc, name: str, spans_key: str, items: list, label: Callable[[Any], str]) -> None:
    """Stores a typed layer of span-like items (with `start`, `end`) and the same spans as
    plain spaCy spans under `doc.spans[spans_key]`, each labelled by `label(item)`."""
    set_layer(doc, name, items)
    spacy_spans = (doc.char_span(i.start, i.end, label=label(i), alignment_mode="expand") for i in items)
    doc.spans[spans_key] = [span for span in spacy_spans if span is not None]


def get_layer(doc: Doc, name: str, default: Any = None) -> Any:
    return doc.user_data.get(_PREFIX + name, [] if default is None else default)


def set_published(doc: Doc, published: date | None) -> None:
    doc.user_data[_PREFIX + "published"] = published


def published_of(doc: Doc) -> date | None:
    """The article's publication date, the anchor for relative dates like "Sunday"."""
    return doc.user_data.get(_PREFIX + "published")

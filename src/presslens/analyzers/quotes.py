"""Quotes: direct, indirect and mixed quotations with their speakers and cues."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from presslens.analyzers.layers import set_layer


@Language.factory("presslens_quotes", assigns=["doc.spans"], requires=["token.dep"])
def make_quotes(nlp: Language, name: str) -> "QuoteFinder":
    return QuoteFinder(name)


class QuoteFinder:
    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        set_layer(doc, "quotes", [])
        return doc

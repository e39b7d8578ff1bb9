"""Time references: dates, durations and sets, normalised to ISO 8601."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from presslens.analyzers.layers import set_layer


@Language.factory("presslens_time_refs", assigns=["doc.spans"])
def make_time_refs(nlp: Language, name: str) -> "TimeRefFinder":
    return TimeRefFinder(name)


class TimeRefFinder:
    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        set_layer(doc, "time_refs", [])
        return doc

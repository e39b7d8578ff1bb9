"""Persuasion techniques: spans labelled with the 14 SemEval-2020 Task 11 techniques."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from presslens.analyzers.layers import set_layer


@Language.factory("presslens_techniques", assigns=["doc.spans"])
def make_techniques(nlp: Language, name: str) -> "TechniqueTagger":
    return TechniqueTagger(name)


class TechniqueTagger:
    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        set_layer(doc, "techniques", [])
        return doc

"""Article-level figures computed from the other layers."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from presslens.analyzers.layers import get_layer, set_layer


@Language.factory("presslens_scores")
def make_scores(nlp: Language, name: str) -> "ArticleScores":
    return ArticleScores(name)


class ArticleScores:
    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        words = sum(1 for t in doc if not (t.is_space or t.is_punct))
        set_layer(doc, "scores", {
            "words": words,
            "sentences": sum(1 for _ in doc.sents),
            "quotes": len(get_layer(doc, "quotes")),
            "entities": len(get_layer(doc, "entities")),
        })
        return doc

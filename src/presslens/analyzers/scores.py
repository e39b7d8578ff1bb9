"""Article-level figures computed from the other layers.

`presslens_scores` writes the `scores` layer (`doc._.presslens_scores`, a dict of counts
and rates) and no `doc.spans` key: every figure describes the whole article, not a
stretch of its text, so there is no span to label. It requires the entities, quotes, claims
and techniques layers, so that a count of 0 always means "none found", never "not run".
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from presslens.analyzers.layers import check_requires, get_layer, layer_attribute, set_layer


@Language.factory(
    "presslens_scores",
    assigns=[layer_attribute("scores")],
    requires=[
        "doc.sents", layer_attribute("entities"), layer_attribute("quotes"), layer_attribute("claims"),
        layer_attribute("techniques"),
    ],
)
def make_scores(nlp: Language, name: str) -> ArticleScores:
    check_requires(nlp, name, "presslens_scores")
    return ArticleScores(name)


def technique_figures(doc: Doc) -> dict:
    """How densely the article uses persuasion techniques, per sentence and per technique."""
    techniques = get_layer(doc, "techniques")
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    with_technique = sum(
        1 for start, end in sentences if any(t.start < end and t.end > start for t in techniques)
    )
    n = len(sentences)
    return {
        "techniques": len(techniques),
        "techniques_per_100_sentences": round(100 * len(techniques) / n, 2) if n else 0.0,
        "share_of_sentences_with_technique": round(with_technique / n, 4) if n else 0.0,
        "technique_counts": dict(sorted(Counter(t.technique for t in techniques).items())),
    }


def word_count(doc: Doc) -> int:
    """Words as the scores count them: tokens that are neither space nor punctuation."""
    return sum(1 for t in doc if not (t.is_space or t.is_punct))


class ArticleScores:
    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        set_layer(doc, "scores", {
            "words": word_count(doc),
            "sentences": sum(1 for _ in doc.sents),
            "quotes": len(get_layer(doc, "quotes")),
            "entities": len(get_layer(doc, "entities")),
            "claims": len(get_layer(doc, "claims")),
            **technique_figures(doc),
        })
        return doc

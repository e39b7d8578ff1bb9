"""The techniques layer never marks a span made only of stop words or punctuation, with the
real bundled model and spaCy's own tokens (sentences written for this test)."""

from __future__ import annotations

from presslens.analyzers.techniques.component import LAYER_MIN_SCORE, load_model
from presslens.analyzers.techniques.tidy import carries_words
from presslens.article import Article

# The bundled model scores "It is what it is." at about 0.23, above the layer's 0.2.
TEXT = "They will never, ever, ever stop. It is what it is. And that is that! We are who we are."
STOP_ONLY = "It is what it is."


def test_the_model_alone_would_mark_a_span_of_stop_words_only():
    raw = {s.text: s.score for s in load_model().predict(TEXT)}
    assert raw.get(STOP_ONLY, 0) >= LAYER_MIN_SCORE


def test_the_layer_drops_it_and_keeps_the_spans_with_words(pipeline):
    analysis = pipeline.analyze(Article(text=TEXT))
    kept = [t.text for t in analysis.techniques]
    assert STOP_ONLY not in kept
    assert "They will never, ever, ever stop" in kept
    assert analysis.scores["techniques"] == len(kept)
    doc = pipeline.nlp(TEXT)
    assert STOP_ONLY not in {span.text for span in doc.spans["presslens_techniques"]}


def test_a_span_carries_words_unless_all_its_tokens_are_stop_words_punctuation_or_space(pipeline):
    text = 'The cruel and illegal law. Of it, the THE "..." and\n\nthem.'
    doc = pipeline.nlp.make_doc(text)

    def carries(piece: str) -> bool:
        start = text.index(piece)
        return carries_words(doc, start, start + len(piece))

    assert carries("The cruel and illegal law.")
    assert carries("cruel")
    assert not carries("The")
    assert not carries('Of it, the THE "..." and\n\nthem.')

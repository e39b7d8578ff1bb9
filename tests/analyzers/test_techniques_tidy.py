"""Technique spans are whole words and phrases, never a piece of a name: the ragged spans the
model gave on AllSides articles (", clean", "roaring, the", "for citizens", "a Hero" out of a
PAC's name), on sentences written for this test and spaCy's own parse."""

from __future__ import annotations

import pytest

from presslens.analysis import TechniqueSpan
from presslens.analyzers.techniques.tidy import tidy_spans
from presslens.article import Article

TEXT = ("The donors gave to the Make Port Elm a Hero Again PAC, whose crowds were roaring, the organisers said. "
        "Our streets must be safe, clean and free for citizens of Port Elm, said radical Mayor Dana Kettering. "
        "The lawless mob will destroy everything. The long-serving chairman ran a grass-roots machine.")


@pytest.fixture(scope="module")
def doc(pipeline):
    """TEXT parsed by spaCy's own components (tags, parse, entities), no presslens one."""
    doc = pipeline.nlp.make_doc(TEXT)
    for name, component in pipeline.nlp.pipeline:
        if not name.startswith("presslens_"):
            doc = component(doc)
    return doc


def tidied(doc, piece: str, start_at: int = 0) -> list[str]:
    start = TEXT.index(piece, start_at)
    span = TechniqueSpan(start, start + len(piece), piece, "Flag-Waving", 0.5)
    return [s.text for s in tidy_spans(doc, [span])]


@pytest.mark.parametrize(("ragged", "tidy"), [
    (", clean", "clean"),
    ("roaring, the", "roaring"),
    ("for citizens", "citizens"),
    ("mob will destroy everything.", "mob will destroy everything"),
    ("ess mob", "lawless mob"),  # cut inside a word: the whole word
    ("The lawless mob will", "The lawless mob"),
    ("serving chairman", "long-serving chairman"),  # a hyphenated word is one word
    ("grass", "grass-roots"),
])
def test_a_ragged_span_becomes_whole_words_without_stray_edges(doc, ragged, tidy):
    assert tidied(doc, ragged) == [tidy]


def test_a_piece_of_a_name_is_dropped(doc):
    assert tidied(doc, "a Hero") == []
    assert tidied(doc, "Hero Again") == []


def test_a_span_that_cuts_into_a_name_takes_the_whole_name(doc):
    assert tidied(doc, "radical Mayor Dana") == ["radical Mayor Dana Kettering"]


def test_nothing_but_stop_words_and_punctuation_is_dropped(doc):
    assert tidied(doc, ", the") == []


def test_two_spans_that_tidy_to_the_same_words_keep_the_higher_score(doc):
    start = TEXT.index("roaring")
    spans = [TechniqueSpan(start, start + 12, "roaring, the", "Loaded_Language", 0.4),
             TechniqueSpan(start - 5, start + 7, "were roaring", "Loaded_Language", 0.6),
             TechniqueSpan(start, start + 7, "roaring", "Loaded_Language", 0.7)]
    assert [(s.text, s.score) for s in tidy_spans(doc, spans)] == [("were roaring", 0.6), ("roaring", 0.7)]


def test_the_layer_marks_only_tidy_spans(pipeline):
    spans = pipeline.analyze(Article(text=TEXT)).techniques
    assert spans
    for span in spans:
        assert span.text == span.text.strip(" ,.;:") and span.text == TEXT[span.start:span.end]
        assert not span.text.lower().startswith(("for ", "and ", ", ")) and not span.text.lower().endswith(" the")

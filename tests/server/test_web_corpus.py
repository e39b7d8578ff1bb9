"""The fabricated web corpus (tests/support/web_corpus.py) is what the API, page and browser
tests take it for: its offsets name their text and it round-trips through a real store."""

from __future__ import annotations

from presslens.store import open_store
from support.web_corpus import HARBOUR_ID, HOSTILE_ID, HOSTILE_OUTLET, build_store, corpus, harbour_analysis


def test_offsets_of_the_fabricated_layers_name_their_text():
    for analysis in corpus():
        text = analysis.article.text
        for span in [*analysis.techniques, *analysis.quotes, *analysis.time_refs]:
            assert text[span.start:span.end] == span.text


def test_the_corpus_round_trips_through_a_real_store(tmp_path):
    store = open_store(build_store(tmp_path / "corpus.db"))
    try:
        back = store.get_analysis(HARBOUR_ID)
        assert back is not None
        assert [(t.technique, t.start, t.end) for t in back.techniques] == [
            (t.technique, t.start, t.end) for t in harbour_analysis().techniques
        ]
        assert store.get_article(HOSTILE_ID).outlet == HOSTILE_OUTLET
    finally:
        store.close()

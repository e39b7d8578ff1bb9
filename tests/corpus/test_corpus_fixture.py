"""The hand-counted corpus (tests/support/counted_corpus.py) has the figures its docstring
promises, so the corpus, export and CLI tests can check against plain arithmetic."""

from __future__ import annotations

from support.counted_corpus import A1, A2, A3, A4


def test_every_analysed_fixture_text_has_twenty_words():
    assert [len(a.text.split()) for a in (A1, A2, A3, A4)] == [20, 20, 20, 20]

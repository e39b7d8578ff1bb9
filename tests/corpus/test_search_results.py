"""What a search answers beside its hits: how many articles match, which are analysed, and
highlights that follow the index's stemming (tests/support/counted_corpus.py)."""

from __future__ import annotations

import pytest

from presslens.corpus import Filters, article_search, search
from presslens.errors import InputError
from support.counted_corpus import A1, A2, A3, A5


def test_the_total_counts_every_match_and_how_many_are_analysed(corpus_store):
    page = search(corpus_store, Filters(query="ferry"), limit=1)
    assert len(page.items) == 1
    assert (page.total, page.total_capped, page.analysed) == (3, False, 2)
    narrowed = search(corpus_store, Filters(query="ferry", outlets=["Valley Post"]))
    assert (narrowed.total, narrowed.analysed) == (1, 0)


def test_the_total_stops_counting_at_the_cap(corpus_store, monkeypatch):
    monkeypatch.setattr(article_search, "SEARCH_COUNT_LIMIT", 2)
    page = search(corpus_store, Filters(query="ferry"))
    assert (page.total, page.total_capped) == (2, True)
    assert len(page.items) == 3


def test_each_hit_says_whether_it_is_analysed_with_its_counts(corpus_store):
    hits = {h.article_id: h for h in search(corpus_store, Filters(query="ferry")).items}
    assert (hits[A1.id].analysed, hits[A1.id].techniques, hits[A1.id].quotes) == (True, 2, 1)
    assert (hits[A2.id].analysed, hits[A2.id].techniques, hits[A2.id].quotes) == (True, 2, 2)
    assert (hits[A5.id].analysed, hits[A5.id].techniques, hits[A5.id].quotes) == (False, None, None)


def test_words_the_index_matched_by_their_stem_are_highlighted(corpus_store):
    # "planning" matches "plan" (A1) and "planned" (A3) through the stemmer, though
    # neither word starts with what was typed.
    hits = {h.article_id: h for h in search(corpus_store, Filters(query="planning")).items}
    assert set(hits) == {A1.id, A3.id}
    assert [hits[A1.id].snippet[s:e] for s, e in hits[A1.id].highlights] == ["plan"]
    assert [hits[A3.id].snippet[s:e] for s, e in hits[A3.id].highlights] == ["planned"]


def test_a_match_in_the_title_is_highlighted_there(corpus_store):
    hits = {h.article_id: h for h in search(corpus_store, Filters(query="harbors")).items}
    assert [hits[A3.id].title[s:e] for s, e in hits[A3.id].title_highlights] == ["Harbor"]
    assert hits[A5.id].title_highlights == []
    assert [hits[A5.id].snippet[s:e] for s, e in hits[A5.id].highlights] == ["harbor"]


def test_only_positive_words_and_whole_phrases_are_highlighted(corpus_store):
    hit = search(corpus_store, Filters(query='"ferry costs" -gamble')).items[0]
    assert hit.article_id == A2.id
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["ferry costs"]
    assert [hit.title[s:e] for s, e in hit.title_highlights] == ["Ferry costs"]


def test_highlights_fold_case_and_accents_and_survive_control_characters():
    from presslens.store.fulltext import highlight_spans, parse_query

    text = "Le Café opened.\x00\x01 Two CAFES \x02and a cafeteria; studies of cafés"
    marked = [text[s:e] for s, e in highlight_spans(text, parse_query("cafe study"))]
    assert marked == ["Café", "CAFES", "studies", "cafés"]
    assert [text[s:e] for s, e in highlight_spans(text, parse_query("caf*"))] == ["Café", "CAFES", "cafeteria", "cafés"]


def _found(store, query: str) -> set[str]:
    return {h.article_id for h in search(store, Filters(query=query)).items}


def test_not_leaves_out_what_follows_it_as_a_minus_does(corpus_store):
    # "ferry" is in A1, A2 and A5; only A5 says "valley"
    assert _found(corpus_store, "ferry NOT valley") == _found(corpus_store, "ferry -valley") == {A1.id, A2.id}
    assert _found(corpus_store, 'ferry NOT "ferry service"') == {A1.id, A2.id}
    # a lowercase "not" is a word to find, not an operator: SQLite finds no text with it,
    # PostgreSQL drops it as a stopword and finds "ferry" with "valley"
    assert _found(corpus_store, "ferry not valley") <= {A5.id}
    for query in ("NOT valley", "-valley"):
        with pytest.raises(InputError, match=r"has no word to search for \(NOT and - only leave words out\)$"):
            search(corpus_store, Filters(query=query))


def test_full_width_letters_find_the_words_they_spell(corpus_store):
    hits = search(corpus_store, Filters(query="Ｆｅｒｒｙ ＮＯＴ ｖａｌｌｅｙ")).items
    assert {h.article_id for h in hits} == {A1.id, A2.id}
    assert {h.snippet[s:e].lower() for h in hits for s, e in h.highlights} == {"ferry"}

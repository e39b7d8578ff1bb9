"""Search stays cheap whatever is typed: repeats count once, too many words and cursors
out of range are input errors (tests/corpus/test_corpus.py has the query syntax)."""

from __future__ import annotations

import pytest

from presslens.corpus import Filters, list_articles, search, speaker_quotes
from presslens.errors import InputError
from presslens.store.fulltext import MAX_QUERY_TERMS, parse_query, to_fts5, to_tsquery
from support.counted_corpus import A1, A2, A5


def ids(page) -> set[str]:
    return {h.article_id for h in page.items}


def test_a_query_of_200_repeated_words_searches_each_word_once(corpus_store):
    repeated = " ".join(["ferry", "Ferry", "ferry OR ferry", "-doubts", "fer*"] * 40)
    parsed = parse_query(repeated)
    assert to_fts5(parsed) == '(("ferry") AND ("fer" *)) NOT "doubts"'
    assert to_tsquery(parsed) == "((ferry)) & ((fer:*)) & !(doubts)"
    page = search(corpus_store, Filters(query=repeated))
    assert ids(page) == ids(search(corpus_store, Filters(query="ferry -doubts"))) == {A1.id, A5.id}
    assert all(page.items[0].snippet[s:e].lower() == "ferry" for s, e in page.items[0].highlights)


def test_more_distinct_words_than_the_cap_is_a_one_line_input_error(corpus_store):
    words = " ".join(f"word{i}" for i in range(MAX_QUERY_TERMS))
    assert search(corpus_store, Filters(query=words)).items == []
    with pytest.raises(InputError) as caught:
        search(corpus_store, Filters(query=words + " one-more"))
    assert caught.value.source == "query"
    assert f"at most {MAX_QUERY_TERMS}" in caught.value.problem and "\n" not in str(caught.value)


@pytest.mark.parametrize("cursor", [str(2**63), str(2**64 + 5), "9" * 5000, str(10**15 + 1)])
def test_a_cursor_out_of_range_is_an_input_error(corpus_store, cursor):
    for query in (
        lambda: search(corpus_store, Filters(query="ferry"), cursor=cursor),
        lambda: list_articles(corpus_store, Filters(), cursor=cursor),
        lambda: speaker_quotes(corpus_store, "lena park", Filters(), cursor=cursor),
    ):
        with pytest.raises(InputError) as caught:
            query()
        assert caught.value.source == "cursor" and len(str(caught.value)) < 120


def test_the_largest_cursor_still_answers_an_empty_page(corpus_store):
    assert search(corpus_store, Filters(query="ferry"), cursor=str(10**15)).items == []
    assert list_articles(corpus_store, Filters(), cursor=str(10**15)).items == []
    assert ids(search(corpus_store, Filters(query="ferry"), cursor="0")) == {A1.id, A2.id, A5.id}

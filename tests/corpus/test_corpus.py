"""Corpus queries on the fixture corpus, against figures counted by hand (tests/support/counted_corpus.py)."""

from __future__ import annotations

from datetime import date

import pytest

from presslens.analysis import Speaker
from presslens.article import Article
from presslens.corpus import (
    Filters,
    combine_months,
    list_articles,
    list_outlets,
    outlet_stats,
    search,
    speaker_quotes,
    top_entities,
    top_speakers,
)
from presslens.errors import InputError
from presslens.store import open_store
from support.analyses import fabricated_analysis, span
from support.counted_corpus import A1, A2, A3, A4, A5, HT, VP


def ids(page) -> set[str]:
    return {h.article_id if hasattr(h, "article_id") else h.id for h in page.items}


def test_outlet_stats_match_the_hand_counted_rates_and_shares(corpus_store):
    stats = {(g.outlet, g.month): g for g in outlet_stats(corpus_store, Filters())}
    assert set(stats) == {(HT, "2021-01"), (HT, "2021-02"), (VP, "2021-01")}
    jan = stats[(HT, "2021-01")]
    assert (jan.articles, jan.words) == (2, 40)
    assert jan.technique_rates == {"Doubt": 25.0, "Loaded_Language": 75.0}
    assert jan.technique_shares == {"Doubt": 0.5, "Loaded_Language": 1.0}
    feb = stats[(HT, "2021-02")]
    assert (feb.articles, feb.words, feb.technique_rates, feb.technique_shares) == (1, 20, {}, {})
    vp = stats[(VP, "2021-01")]
    assert (vp.articles, vp.words, vp.technique_rates, vp.technique_shares) \
        == (1, 20, {"Flag-Waving": 50.0}, {"Flag-Waving": 1.0})


def test_outlet_stats_follow_the_filters(corpus_store):
    only_doubt = outlet_stats(corpus_store, Filters(technique="doubt"))
    assert [(g.outlet, g.month, g.articles, g.technique_rates) for g in only_doubt] == [
        (HT, "2021-01", 1, {"Doubt": 50.0, "Loaded_Language": 50.0})]
    assert [g.outlet for g in outlet_stats(corpus_store, Filters(outlets=["valley post"]))] == [VP]
    assert [g.month for g in outlet_stats(corpus_store, Filters(since=date(2021, 2, 1)))] == ["2021-02"]


def test_months_combine_into_per_outlet_figures(corpus_store):
    combined = {g.outlet: g for g in combine_months(outlet_stats(corpus_store, Filters()))}
    ht = combined[HT]
    assert (ht.articles, ht.words) == (3, 60)
    assert ht.technique_rates == {"Doubt": pytest.approx(1000 / 60), "Loaded_Language": pytest.approx(3000 / 60)}
    assert ht.technique_shares == {"Doubt": pytest.approx(1 / 3), "Loaded_Language": pytest.approx(2 / 3)}


def test_search_ranks_a_title_and_body_match_above_a_body_match(corpus_store):
    page = search(corpus_store, Filters(query="harbor"))
    assert [h.article_id for h in page.items] == [A3.id, A5.id]
    assert page.items[0].score > page.items[1].score
    for hit in page.items:
        assert hit.highlights
        assert {hit.snippet[s:e].lower() for s, e in hit.highlights} == {"harbor"}


def test_a_listing_narrowed_by_words_is_in_search_order_and_pages_like_it(corpus_store):
    ranked = [h.article_id for h in search(corpus_store, Filters(query="fer*")).items]
    first = list_articles(corpus_store, Filters(query="fer*"), limit=2)
    rest = list_articles(corpus_store, Filters(query="fer*"), limit=2, cursor=first.next_cursor)
    assert [a.id for a in first.items + rest.items] == ranked and len(ranked) == 3
    assert all(a.words for a in first.items + rest.items) and rest.next_cursor is None


def test_search_understands_phrases_exclusions_prefixes_and_plurals(corpus_store):
    assert ids(search(corpus_store, Filters(query='"reckless gamble"'))) == {A1.id}
    assert ids(search(corpus_store, Filters(query="ferry -doubts"))) == {A1.id, A5.id}
    assert ids(search(corpus_store, Filters(query="fer*"))) == {A1.id, A2.id, A5.id}
    assert ids(search(corpus_store, Filters(query="cost"))) == {A2.id, A3.id}
    assert ids(search(corpus_store, Filters(query="bridge OR lights"))) == {A3.id, A4.id}
    assert ids(search(corpus_store, Filters(query='ferry AND "x OR y" NOT ( * )'))) == set()


def test_search_filters_narrow_the_hits(corpus_store):
    def hits(**kw):
        return ids(search(corpus_store, Filters(query="ferry", **kw)))

    assert hits() == {A1.id, A2.id, A5.id}
    assert hits(outlets=[VP]) == {A5.id}
    assert hits(technique="Doubt") == {A2.id}
    assert hits(speaker="park") == {A1.id, A2.id}
    assert hits(entity="LENA") == {A1.id, A2.id}
    assert hits(since=date(2021, 1, 15)) == {A2.id, A5.id}
    assert hits(until=date(2021, 1, 15)) == {A1.id}


def test_search_pages_with_a_cursor(corpus_store):
    first = search(corpus_store, Filters(query="ferry"), limit=2)
    assert len(first.items) == 2 and first.next_cursor
    second = search(corpus_store, Filters(query="ferry"), limit=2, cursor=first.next_cursor)
    assert len(second.items) == 1 and second.next_cursor is None
    assert ids(first) | ids(second) == {A1.id, A2.id, A5.id}


def test_search_rejects_a_query_without_words(corpus_store):
    with pytest.raises(InputError, match="no word"):
        search(corpus_store, Filters(query='- "" *'))
    with pytest.raises(InputError):
        search(corpus_store, Filters(query=None))


def test_listing_is_newest_first_with_counts_only_for_analysed_articles(corpus_store):
    page = list_articles(corpus_store, Filters())
    assert [a.id for a in page.items] == [A5.id, A3.id, A2.id, A4.id, A1.id]
    counts = {a.id: (a.words, a.techniques, a.quotes) for a in page.items}
    assert counts[A1.id] == (20, 2, 1)
    assert counts[A2.id] == (20, 2, 2)
    assert counts[A5.id] == (19, None, None)
    assert [a.id for a in list_articles(corpus_store, Filters(technique="Flag-Waving")).items] == [A4.id]


def test_outlets_speakers_and_entities(corpus_store):
    assert [(o.name, o.articles, o.first, o.last) for o in list_outlets(corpus_store)] == [
        (HT, 3, date(2021, 1, 10), date(2021, 2, 5)), (VP, 2, date(2021, 1, 15), date(2021, 2, 25))]
    assert [(s.name, s.entity_name, s.quotes, s.articles) for s in top_speakers(corpus_store, Filters())] == [
        ("Lena Park", "Lena Park", 3, 2), ("Tom Reyes", "Tom Reyes", 1, 1)]
    assert [(e.name, e.type, e.mentions, e.articles) for e in top_entities(corpus_store, Filters())] == [
        ("Lena Park", "PERSON", 3, 2), ("Tom Reyes", "PERSON", 1, 1), ("harbor", "FAC", 1, 1)]
    assert [s.name for s in top_speakers(corpus_store, Filters(outlets=[VP]))] == ["Tom Reyes"]


def test_speaker_quotes_newest_first_and_paged(corpus_store):
    page = speaker_quotes(corpus_store, "lena park", Filters(), limit=2)
    assert [(q.article_id, q.text) for q in page.items] == [
        (A2.id, "The numbers are a disgraceful fantasy,"), (A2.id, "Nobody believes them,")]
    rest = speaker_quotes(corpus_store, "lena park", Filters(), limit=2, cursor=page.next_cursor)
    assert [(q.article_id, q.text, q.kind) for q in rest.items] == [(A1.id, "It is a reckless gamble,", "direct")]
    assert rest.next_cursor is None
    quote = rest.items[0]
    assert A1.text[quote.start:quote.end] == quote.text


def test_a_full_text_query_narrows_stats_speakers_and_entities(corpus_store):
    narrowed = Filters(query="disgraceful")
    assert [(g.outlet, g.articles, g.words) for g in outlet_stats(corpus_store, narrowed)] == [(HT, 1, 20)]
    assert [(s.name, s.quotes) for s in top_speakers(corpus_store, narrowed)] == [("Lena Park", 2)]
    assert [(e.name, e.mentions) for e in top_entities(corpus_store, narrowed)] == [("Lena Park", 2)]
    assert [a.id for a in list_articles(corpus_store, narrowed).items] == [A2.id]


def test_speakers_linked_to_one_entity_count_together(store_url):
    text = 'Ana Ruiz spoke first. "We will rebuild," Ruiz said. "Soon," she added. "No," said Jo Lane.'
    article = Article(text=text, outlet="Port Gazette")
    analysis = fabricated_analysis(
        article, quotes=[("Ana Ruiz", *span(text, "We will rebuild,")), ("Ana Ruiz", *span(text, "Soon,")),
                         ("Jo Lane", *span(text, "No,"))],
        entities=[("Ana Ruiz", "PERSON", [span(text, "Ana Ruiz"), span(text, "Ruiz said")])])
    first, second, third = analysis.quotes
    first.speaker = Speaker(entity="E0", name="Ruiz", start=text.index("Ruiz said"), end=text.index("Ruiz said") + 4)
    second.speaker = Speaker(entity="E0", name="she", start=text.index("she"), end=text.index("she") + 3)
    store = open_store(store_url)
    try:
        store.save_analysis(analysis)
        assert [(s.name, s.entity_name, s.quotes) for s in top_speakers(store, Filters())] == [
            ("Ana Ruiz", "Ana Ruiz", 2), ("Jo Lane", None, 1)]
        assert [(q.speaker, q.text) for q in speaker_quotes(store, "ana ruiz", Filters()).items] == [
            ("Ruiz", "We will rebuild,"), ("she", "Soon,")]
    finally:
        store.close()

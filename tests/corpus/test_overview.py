"""corpus_overview and outlets_page on the hand-counted corpus (tests/support/counted_corpus.py):
Harbor Times 3 articles, all analysed; Valley Post 2, one analysed. On SQLite, then PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from presslens import corpus
from presslens.analysis import Analysis, Quote, Speaker
from presslens.article import Article
from presslens.errors import InputError
from support.counted_corpus import A5, HT, VP


def test_the_overview_counts_articles_and_analysed_ones_per_month(corpus_store):
    overview = corpus.corpus_overview(corpus_store)
    assert (overview.articles, overview.analysed, overview.outlets) == (5, 4, 2)
    assert overview.months == [corpus.MonthCount("2021-01", 3, 3), corpus.MonthCount("2021-02", 2, 1)]
    assert [(o.name, o.articles, o.analysed) for o in overview.top_outlets] == [(HT, 3, 3), (VP, 2, 1)]


def test_the_overview_counts_techniques_and_speakers_over_analysed_articles_only(corpus_store):
    overview = corpus.corpus_overview(corpus_store)
    assert overview.techniques == [corpus.TechniqueCount("Loaded_Language", 3, 2), corpus.TechniqueCount("Doubt", 1, 1),
                                   corpus.TechniqueCount("Flag-Waving", 1, 1)]
    assert [(s.name, s.quotes, s.articles) for s in overview.speakers] == [("Lena Park", 3, 2), ("Tom Reyes", 1, 1)]


def test_most_quoted_people_leave_out_speakers_not_linked_to_a_person(corpus_store):
    text = '"We will rebuild the pier," he said. "It will take a year," he added. "Soon," they said.'
    article = Article(text=text, outlet=VP, published=date(2021, 3, 1), title="Pier")
    quotes = [Quote(start=text.index(q), end=text.index(q) + len(q), text=q, kind="direct",
                    speaker=Speaker(entity=None, name=who, start=text.index(who, text.index(q)),
                                    end=text.index(who, text.index(q)) + len(who)))
              for q, who in (('"We will rebuild the pier,"', "he"), ('"It will take a year,"', "he"),
                             ('"Soon,"', "they"))]
    corpus_store.add_articles([article])
    corpus_store.save_analysis(Analysis(article=article, quotes=quotes, pipeline={"version": "test-1", "models": {}}))
    # unresolved pronouns are no one's name: no list of speakers shows them
    assert not {"he", "they"} & {s.name for s in corpus.top_speakers(corpus_store, corpus.Filters())}
    people = corpus.corpus_overview(corpus_store).speakers
    assert [s.name for s in people] == ["Lena Park", "Tom Reyes"]


def test_the_most_recent_articles_come_first_and_say_whether_they_are_analysed(corpus_store):
    corpus_store.add_articles([Article(text="A notice dated far ahead by a typing slip.", outlet=VP,
                                       published=date(2050, 9, 30), title="Slip")])
    recent = corpus.corpus_overview(corpus_store, top=2).recent
    assert (recent[0].id, recent[0].analysed, recent[0].techniques) == (A5.id, False, None)
    assert recent[1].analysed is True and recent[1].techniques == 0


def test_an_empty_store_has_an_empty_overview(store_url):
    from presslens.store import open_store

    with open_store(store_url) as store:
        overview = corpus.corpus_overview(store)
    assert (overview.articles, overview.analysed, overview.outlets, overview.months, overview.recent) \
        == (0, 0, 0, [], [])


def test_outlets_page_filters_by_part_of_the_name_and_counts_every_match(corpus_store):
    assert [(o.name, o.analysed) for o in corpus.outlets_page(corpus_store, "post").items] == [(VP, 1)]
    second = corpus.outlets_page(corpus_store, limit=1, offset=1)
    assert (second.total, [o.name for o in second.items]) == (2, [VP])
    assert corpus.outlets_page(corpus_store, limit=1, offset=9) == corpus.OutletList(items=[], total=2)
    assert corpus.outlets_page(corpus_store, "%").total == 0, "LIKE wildcards are matched as typed"


@pytest.mark.parametrize("options, message", [
    ({"contains": "a\x00b"}, "contains: a name holds no NUL character"),
    ({"limit": 0}, "limit: 0 is not a positive number"),
    ({"offset": -1}, "offset: -1 is not between 0"),
])
def test_outlets_page_refuses_what_it_cannot_look_up(corpus_store, options, message):
    with pytest.raises(InputError, match=message):
        corpus.outlets_page(corpus_store, **options)

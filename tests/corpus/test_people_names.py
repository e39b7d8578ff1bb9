"""Across articles, on articles written for issue #25: different first names are never one
person, and `people show` finds a person by any name an article gave them."""

from __future__ import annotations

from datetime import date

import pytest

from presslens.article import Article
from presslens.corpus import Filters
from presslens.corpus.people import find_person, list_people
from presslens.pipeline import Pipeline
from presslens.store import open_store

BEN = Article(outlet="Harbor Times", published=date(2024, 1, 5), title="Podcast", text=(
    'Ben Shapiro criticised the harbour plan on his podcast on Monday. "It will fail," Shapiro said.'))
WALTER = Article(outlet="Valley Post", published=date(2024, 1, 6), title="Column", text=(
    'Walter Shapiro defended the harbour plan in his column on Tuesday. "It will work," Shapiro wrote.'))
MARSH = Article(outlet="Valley Post", published=date(2024, 1, 7), title="Senate", text=(
    'Senator Lena Marsh voted against the harbour bill on Wednesday. "It costs too much," Marsh said.'))


@pytest.fixture()
def store(store_url):
    pipeline = Pipeline(["presslens_entities", "presslens_quotes"])
    with open_store(store_url) as opened:
        opened.add_articles([BEN, WALTER, MARSH])
        for article in (BEN, WALTER, MARSH):
            opened.save_analysis(pipeline.analyze(article))
        yield opened


def test_ben_and_walter_shapiro_are_two_people_across_the_corpus(store):
    people = {p.name: p for p in list_people(store, Filters(), limit=100)}
    assert people["Ben Shapiro"].id != people["Walter Shapiro"].id
    assert people["Ben Shapiro"].articles == people["Walter Shapiro"].articles == 1


def test_people_show_finds_a_person_by_an_alias_an_article_gave_them(store):
    marsh = {p.name: p for p in list_people(store, Filters(), limit=100)}["Lena Marsh"]
    assert find_person(store, "Marsh") == find_person(store, "marsh") == marsh.id

"""The story clusterer on made-up reports: one event across outlets is one story, articles
join stories later without moving the rest, and each story says what it is and when."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from presslens.stories.clusterer import KnownArticle, StoryClusterer
from support.stories import FLOOD, FOOTBALL, LATE_FLOOD, RATES, as_article


@pytest.fixture(scope="module")
def clustered() -> StoryClusterer:
    clusterer = StoryClusterer()
    # interleaved, as a feed would bring them
    records = [FLOOD[0], RATES[0], FOOTBALL, FLOOD[1], RATES[1], FLOOD[2], RATES[2]]
    clusterer.add([as_article(r) for r in records])
    return clusterer


def _groups(clusterer: StoryClusterer) -> set[frozenset[str]]:
    return {frozenset(story.article_ids) for story in clusterer.stories()}


def test_each_event_is_one_story_and_the_odd_article_is_alone(clustered):
    assert _groups(clustered) == {
        frozenset(r["id"] for r in FLOOD), frozenset(r["id"] for r in RATES), frozenset({"football"})}


def test_a_story_has_a_label_a_date_span_outlets_and_its_most_central_member_first(clustered):
    flood = next(s for s in clustered.stories() if "flood-left" in s.article_ids)
    assert flood.label == flood.members[0].title
    assert flood.label in {r["title"] for r in FLOOD}
    assert (flood.first, flood.last) == (date(2024, 3, 4), date(2024, 3, 5))
    assert flood.outlets == ("Centre Courier", "Left Ledger", "Right Review")
    scores = [m.centrality for m in flood.members]
    assert scores == sorted(scores, reverse=True) and 0 < scores[-1] <= scores[0] <= 1


def test_a_later_article_joins_its_story_and_no_story_changes_id(clustered):
    before = {s.id: set(s.article_ids) for s in clustered.stories()}
    (joined,) = clustered.add([as_article(LATE_FLOOD)])
    assert before[joined] == {r["id"] for r in FLOOD}
    after = {s.id: set(s.article_ids) for s in clustered.stories()}
    assert after.keys() == before.keys()
    assert after[joined] == before[joined] | {"flood-late"}


def test_the_same_report_a_month_later_is_another_story():
    clusterer = StoryClusterer()
    again = as_article({**FLOOD[1], "id": "flood-again", "published": "2024-04-20"})
    first, later = clusterer.add([as_article(FLOOD[0]), again])
    assert first != later


def test_undated_articles_cluster_on_text_alone():
    clusterer = StoryClusterer()
    undated = [replace(as_article(r), published=None) for r in FLOOD + RATES]
    ids = clusterer.add(undated)
    assert len(set(ids[:3])) == 1 and len(set(ids[3:])) == 1 and ids[0] != ids[3]
    assert all(s.first is None and s.last is None for s in clusterer.stories())


def test_resumed_stories_take_new_articles_as_if_never_stopped(clustered):
    first = StoryClusterer()
    articles = [as_article(r) for r in FLOOD + RATES]
    ids = first.add(articles)
    embeddings = first.embeddings_for(articles)
    resumed = StoryClusterer()
    resumed.resume([KnownArticle(a, sid, e, first.nearest(a.id)) for a, sid, e in zip(articles, ids, embeddings)])
    (joined,) = resumed.add([as_article(LATE_FLOOD)])
    assert joined == ids[0]
    assert {frozenset(s.article_ids) for s in resumed.stories()} == {
        frozenset(r["id"] for r in FLOOD) | {"flood-late"}, frozenset(r["id"] for r in RATES)}


def test_an_undated_article_finds_its_dated_story():
    clusterer = StoryClusterer()
    dated = clusterer.add([as_article(r) for r in FLOOD + RATES])
    (undated,) = clusterer.add([replace(as_article(LATE_FLOOD), published=None)])
    assert undated == dated[0]

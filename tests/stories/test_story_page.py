"""The story page over a real SQLite store: three outlets' reports of one event, analysed by
the real pipeline, with their stories built; and the list of stories."""

from __future__ import annotations

import re
from datetime import date

import pytest
from fastapi.testclient import TestClient

from presslens.article import Article
from presslens.config import Settings
from presslens.corpus.stories import build_stories
from presslens.corpus.story_view import story_view
from presslens.pipeline import Pipeline
from presslens.server.app import create_app
from presslens.store import open_store
from support.stories import FLOOD, FOOTBALL, RATES, as_article

# Written for this test: one made-up event told by three made-up outlets.
FERRY = [
    Article(id="ferry-a", outlet="Harbour Post", published=date(2024, 3, 5),
            title="Kelmouth ferry fares to rise by 8 percent in June",
            text='Ferry fares between Kelmouth and Arden Island will rise by 8 percent in June, the island council '
                 'said on Monday. "This is a shameless tax on island families," said Piet Varga, who runs the '
                 'harbour cafe. The council said fuel costs had doubled since 2021.'),
    Article(id="ferry-b", outlet="Island Courier", published=date(2024, 3, 5),
            title="Council raises Kelmouth ferry fares 8 percent from June",
            text='The island council will raise Kelmouth ferry fares by 8 percent from June. Piet Varga, a cafe '
                 'owner, called it "a shameless tax on island families." Councillor Mara Lind said, "We have no '
                 'other way to keep the boats running."'),
    Article(id="ferry-c", outlet="Mainland Times", published=date(2024, 3, 6),
            title="Kelmouth ferry fares go up 8 percent in June as island fuel bills bite",
            text='Kelmouth ferry fares to Arden Island go up 8 percent in June, the island council announced. '
                 '"We have no other way to keep the boats running," Councillor Mara Lind said. Ticket sales fell by '
                 'a fifth last winter, according to the ferry company.'),
]


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('story-page') / 'stories.db'}"
    pipeline = Pipeline()
    with open_store(url) as store:
        # other events around it, as in any corpus: a story is judged against its neighbours
        store.add_articles(FERRY + [as_article(r) for r in FLOOD + RATES + [FOOTBALL]])
        for article in FERRY:
            store.save_analysis(pipeline.analyze(article))
        build_stories(store)
        story_id = store.stories.story_of("ferry-a")
    with TestClient(create_app(Settings(db=url)), raise_server_exceptions=False) as client:
        yield url, client, story_id


def test_the_three_reports_are_one_story_each_outlet_told(stored):
    url, _, story_id = stored
    with open_store(url) as store:
        view = story_view(store, story_id)
    assert {t.outlet for t in view.tellings} == {"Harbour Post", "Island Courier", "Mainland Times"}
    assert view.analysed == 3
    told = {t.outlet: t for t in view.tellings}
    varga = [q for q in told["Harbour Post"].quotes if "shameless tax" in q.text]
    assert varga and varga[0].speaker == "Piet Varga" and varga[0].shared_with == ("Island Courier",)
    lind = [q for q in told["Mainland Times"].quotes if "keep the boats running" in q.text]
    assert lind and lind[0].shared_with == ("Island Courier",)
    assert any("fuel costs had doubled" in c for c in told["Harbour Post"].own_claims)
    assert not any("fuel costs had doubled" in c for c in told["Mainland Times"].own_claims)
    assert all(t.rate is not None for t in view.tellings) and view.mean_rate is not None


def test_the_story_page_shows_titles_rates_and_what_only_one_outlet_said(stored):
    _, client, story_id = stored
    page = client.get(f"/stories/{story_id}")
    assert page.status_code == 200
    html = page.text
    for article in FERRY:
        assert article.title in html
    assert "rest on the 3 analysed articles of the 3" in html
    assert re.search(r"also quoted by Island Courier", html)
    assert 'id="story-rates"' in html and "<svg" in html
    assert "entity framing, which is off by default" in html


def test_the_list_links_each_story_and_the_article_page_links_its_story(stored):
    _, client, story_id = stored
    listing = client.get("/stories")
    assert listing.status_code == 200 and f'href="/stories/{story_id}"' in listing.text
    assert "Kelmouth" in listing.text
    article = client.get("/articles/ferry-b")
    assert f'href="/stories/{story_id}"' in article.text


@pytest.mark.parametrize(("url", "status", "message"), [
    ("/stories/s000000000000", 404, "no story"),
    ("/stories?min_outlets=many", 400, "is not a number of outlets"),
    ("/stories?since=soon", 400, "is not a date"),
])
def test_an_unknown_story_or_a_bad_filter_is_a_one_line_4xx(stored, url, status, message):
    _, client, _ = stored
    answer = client.get(url)
    assert answer.status_code == status and message in answer.text

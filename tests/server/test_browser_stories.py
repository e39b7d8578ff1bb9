"""The story page in a real browser: over a real AllSides story when ../shared is present (the
busiest week of the first 3,000 articles, its stories built, the largest story's articles
analysed by the real pipeline), else over the made-up ferry story of test_story_page.py.

PRESSLENS_SCREENSHOTS=DIR saves the page (AllSides ones in DIR/allsides/, which git ignores).
"""

from __future__ import annotations

import os
from collections import Counter
from datetime import timedelta
from itertools import islice
from pathlib import Path

import pytest

from presslens.corpus.stories import build_stories, list_stories
from presslens.readers import iter_articles
from presslens.store import open_store
from support.browser import needs_chromium
from support.paths import SHARED_DATA
from support.serve import served, small_png
from support.stories import FLOOD, FOOTBALL, RATES, as_article

ALLSIDES = SHARED_DATA / "corpus" / "allsides.jsonl.gz"
SLICE = 3000

pytestmark = needs_chromium


def _busiest_week(articles):
    weeks = Counter(a.published - timedelta(days=a.published.weekday()) for a in articles if a.published)
    start = weeks.most_common(1)[0][0]
    return [a for a in articles if a.published and start <= a.published < start + timedelta(days=7)]


def _store_story(store, pipeline) -> str:
    if ALLSIDES.is_file():
        store.add_articles(_busiest_week(list(islice(iter_articles([ALLSIDES], on_error=lambda e: None), SLICE))))
    else:
        from stories.test_story_page import FERRY

        store.add_articles(FERRY + [as_article(r) for r in FLOOD + RATES + [FOOTBALL]])
    build_stories(store)
    story = max(list_stories(store, min_outlets=2), key=lambda s: (len(s.outlets), len(s.members)))
    wanted = {m.article_id for m in story.members[:6]}  # a story of dozens is read from its first six
    store.save_analyses(list(pipeline.analyze_many([store.get_article(article_id) for article_id in sorted(wanted)])))
    return story.id


@pytest.fixture(scope="module")
def story_site(tmp_path_factory, request):
    url = f"sqlite:///{tmp_path_factory.mktemp('browser-stories') / 'stories.db'}"
    with open_store(url) as store:
        story_id = _store_story(store, request.getfixturevalue("pipeline"))
        story = next(s for s in list_stories(store) if s.id == story_id)
    with served(url) as base:
        yield base, story


def test_a_story_reads_outlet_by_outlet_with_its_chart(page, story_site):
    base, story = story_site
    response = page.goto(f"{base}/stories/{story.id}")
    assert response.status == 200
    assert page.locator("h1").inner_text() == (story.label or "Untitled story")
    titles = page.locator("#story-titles tbody tr")
    assert titles.count() == len(story.members)
    for member in story.members:
        if member.title:
            assert page.get_by_role("link", name=member.title, exact=True).first.is_visible()
    bars = page.locator("#story-rates svg rect")
    analysed_outlets = page.locator("section.telling", has_not_text="Not analysed yet").count()
    assert bars.count() == analysed_outlets + 1  # one an analysed outlet, and the story's
    assert bars.last.bounding_box()["width"] >= 0 and page.locator("#story-rates figcaption").is_visible()
    summary = page.locator("#story-summary").inner_text()
    assert f"{len(story.members)} articles from {len(story.outlets)} outlets" in summary
    assert page.errors == []
    if os.environ.get("PRESSLENS_SCREENSHOTS"):
        folder = Path(os.environ["PRESSLENS_SCREENSHOTS"]) / ("allsides" if ALLSIDES.is_file() else "")
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / "story.png"), full_page=True)
        small_png(folder / "story.png")


def test_an_article_of_the_story_leads_to_it_and_the_list_back(page, story_site):
    base, story = story_site
    page.goto(f"{base}/articles/{story.members[0].article_id}")
    page.get_by_role("link", name="this story in other outlets").click()
    assert page.url.endswith(f"/stories/{story.id}")
    page.get_by_role("link", name="Stories", exact=True).click()
    assert page.locator(f'#stories a[href="/stories/{story.id}"]').count() == 1

"""/api/stories and /api/stories/{id} over a real SQLite store whose stories were built."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from presslens.config import Settings
from presslens.corpus.stories import build_stories
from presslens.server.app import create_app
from presslens.store import open_store
from support.stories import FLOOD, FOOTBALL, RATES, as_article


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('stories') / 'api.db'}"
    with open_store(url) as store:
        store.add_articles([as_article(r) for r in FLOOD + RATES + [FOOTBALL]])
        build_stories(store)
    with TestClient(create_app(Settings(db=url)), raise_server_exceptions=False) as c:
        yield c


def test_stories_come_latest_first_with_their_articles_and_outlets(client):
    listed = client.get("/api/stories").json()
    assert [len(s["members"]) for s in listed] == [3, 3, 1]
    rates = listed[0]
    assert {m["article_id"] for m in rates["members"]} == {r["id"] for r in RATES}
    assert rates["outlets"] == ["Centre Courier", "Left Ledger", "Right Review"]
    assert (rates["first"], rates["last"]) == ("2024-03-06", "2024-03-07")
    assert rates["label"] == rates["members"][0]["title"]


def test_filters_narrow_the_list(client):
    assert len(client.get("/api/stories", params={"min_outlets": 2}).json()) == 2
    assert len(client.get("/api/stories", params={"since": "2024-03-06"}).json()) == 1
    assert client.get("/api/stories", params={"outlet": "Nobody's Paper"}).json() == []
    assert client.get("/api/stories", params={"since": "soon"}).status_code == 422


def test_one_story_in_full_and_an_unknown_one_is_404(client):
    first = client.get("/api/stories").json()[0]
    assert client.get(f"/api/stories/{first['id']}").json() == first
    missing = client.get("/api/stories/s000000000000")
    assert missing.status_code == 404 and "no story" in missing.json()["error"]

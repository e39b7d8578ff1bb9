"""Requests that used to stall the server or end in a 500: a search of many repeated words,
too many words, a cursor past 2**63, a JSON file nested 100,000 deep."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from presslens.config import Settings
from presslens.server.app import create_app
from presslens.store.fulltext import MAX_QUERY_TERMS
from support.web_corpus import COURIER_ID, build_store

TOKEN = "test-token-limits"


@pytest.fixture()
def client(tmp_path):
    app = create_app(Settings(db=build_store(tmp_path / "limits.db"), api_token=TOKEN))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def test_a_search_of_200_repeated_words_answers_like_the_words_once(client):
    once = client.get("/api/search", params={"q": "drought farmers"})
    repeated = client.get("/api/search", params={"q": " ".join(["drought", "Farmers"] * 100)})
    assert repeated.status_code == once.status_code == 200
    assert (
        [h["article_id"] for h in repeated.json()["items"]]
        == [h["article_id"] for h in once.json()["items"]]
        == [COURIER_ID]
    )


def test_more_distinct_words_than_the_cap_is_a_400(client):
    q = " ".join(f"word{i}" for i in range(MAX_QUERY_TERMS + 1))
    response = client.get("/api/search", params={"q": q})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error.startswith("query:") and f"at most {MAX_QUERY_TERMS}" in error and "\n" not in error
    assert client.get("/api/articles", params={"q": q}).status_code == 400
    page = client.get("/search", params={"q": q})
    assert page.status_code == 400 and f"at most {MAX_QUERY_TERMS}" in page.text


@pytest.mark.parametrize("path", ["/api/search", "/api/articles", "/api/timeline", "/api/speakers/Mayor/quotes"])
@pytest.mark.parametrize("cursor", [str(2**63), str(2**64), "9" * 5000])
def test_a_cursor_out_of_range_is_a_400(client, path, cursor):
    response = client.get(path, params={**({"q": "drought"} if path == "/api/search" else {}), "cursor": cursor})
    assert response.status_code == 400
    assert response.json()["error"].startswith("cursor:") and len(response.json()["error"]) < 120


def test_an_uploaded_json_file_nested_100000_deep_is_a_400(client):
    deep = '{"text": "Some words.", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"
    response = client.post(
        "/api/articles", headers={"authorization": f"Bearer {TOKEN}"},
        files={"file": ("deep.json", deep.encode(), "application/json")},
    )
    assert response.status_code == 400
    assert response.json()["error"] == "deep.json: JSON nested more than 100 levels deep"

"""The search page and GET /api/search on each store backend, over the hand-counted corpus
(tests/support/counted_corpus.py): the total, the analysed marks and the highlights a
reader sees."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from presslens.config import Settings
from presslens.server.app import create_app
from presslens.store import open_store
from support.counted_corpus import A1, A3, A5, store_corpus


@pytest.fixture()
def client(store_url):
    with open_store(store_url) as store:
        store_corpus(store)
    with TestClient(create_app(Settings(db=store_url)), raise_server_exceptions=False) as c:
        yield c


def hit_html(html: str, article_id: str) -> str:
    """The <li> of one hit, found by its title link."""
    start = html.index(f'href="/articles/{article_id}"')
    return html[html.rindex("<li", 0, start):html.index("</li>", start)]


def test_the_page_shows_the_total_and_which_hits_are_analysed(client):
    html = client.get("/search", params={"q": "ferry"}).text
    assert re.search(r"3 matching articles, 2 analysed", html)
    assert "Analysed: 2 technique spans, 1 quote<" in hit_html(html, A1.id)
    assert "Not analysed yet" in hit_html(html, A5.id)
    assert "Not analysed yet" not in hit_html(html, A1.id)


def test_the_page_marks_stemmed_matches_in_the_snippet_and_the_title(client):
    html = client.get("/search", params={"q": "harbors"}).text
    assert "1 matching article," in client.get("/search", params={"q": "gamble"}).text
    assert '<a class="title" href="/articles/' + A3.id + '"><mark>Harbor</mark> lights repaired</a>' in html
    assert "<mark>harbor</mark>" in hit_html(html, A3.id) and "<mark>harbor</mark>" in hit_html(html, A5.id)
    planned = client.get("/search", params={"q": "planning"}).text
    assert "<mark>planned</mark>" in hit_html(planned, A3.id) and "<mark>plan</mark>" in hit_html(planned, A1.id)


def test_the_api_answers_the_total_and_analysed_per_hit(client):
    body = client.get("/api/search", params={"q": "ferry", "limit": 1}).json()
    assert (body["total"], body["total_capped"], body["analysed"]) == (3, False, 2)
    assert len(body["items"]) == 1 and body["next_cursor"]
    hits = {h["article_id"]: h for h in client.get("/api/search", params={"q": "ferry"}).json()["items"]}
    assert (hits[A1.id]["analysed"], hits[A1.id]["techniques"], hits[A1.id]["quotes"]) == (True, 2, 1)
    assert (hits[A5.id]["analysed"], hits[A5.id]["techniques"], hits[A5.id]["quotes"]) == (False, None, None)
    title = client.get("/api/search", params={"q": "harbor"}).json()["items"][0]
    assert [title["title"][s:e] for s, e in title["title_highlights"]] == ["Harbor"]


def test_a_query_of_spaces_is_the_empty_search_form(client):
    response = client.get("/search", params={"q": "   "})
    assert response.status_code == 200
    assert "matching article" not in response.text and 'id="q"' in response.text


def test_not_and_full_width_words_search_as_a_reader_means_them(client):
    html = client.get("/search", params={"q": "ｆｅｒｒｙ NOT valley"}).text
    assert re.search(r"2 matching articles, 2 analysed", html)
    assert f'href="/articles/{A5.id}"' not in html
    api = client.get("/api/search", params={"q": "Ｆｅｒｒｙ"})
    assert api.status_code == 200 and len(api.json()["items"]) == 3
    refused = client.get("/api/search", params={"q": "NOT valley"})
    assert refused.status_code == 400
    assert refused.json() == {"error": "query: 'NOT valley' has no word to search for (NOT and - only leave words out)"}

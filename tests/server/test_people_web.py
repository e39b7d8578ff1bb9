"""One person across the corpus on the web: GET /api/people, GET /api/people/{id}, the person
page and the links to it from the most quoted lists, over a real SQLite store of the made-up
corpus of tests/support/people.py."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from support.analyses import fabricated_analysis, span
from support.dom import Dom, assert_inert
from support.people import FARM, HT, READY, VP, store_people_corpus

from presslens.article import Article
from presslens.config import Settings
from presslens.server.app import create_app
from presslens.store import open_store


def people_db(folder: Path) -> str:
    url = f"sqlite:///{folder / 'people.db'}"
    with open_store(url) as store:
        store_people_corpus(store)
    return url


@pytest.fixture()
def client(tmp_path):
    with TestClient(create_app(Settings(db=people_db(tmp_path))), raise_server_exceptions=False) as c:
        yield c


def cells_apart(html: str) -> str:
    """The page's text with every tag read as a space, so table cells stay apart."""
    return " ".join(Dom(re.sub(r"<[^>]+>", " ", html)).text.split())


def velasco_id(client) -> int:
    return next(p["id"] for p in client.get("/api/people").json() if p["name"] == "Marta Q. Velasco")


def test_the_api_lists_people_most_quoted_first_with_their_names(client):
    body = client.get("/api/people").json()
    assert body[0] == {"id": velasco_id(client), "name": "Marta Q. Velasco",
                       "names": ["Velasco", "Marta Q. Velasco", "Marta Velasco"], "quotes": 3, "articles": 3,
                       "outlets": 2}
    assert [p["name"] for p in client.get("/api/people", params={"outlet": HT, "limit": 2}).json()] == [
        "Ines Harrow", "Bram Oduya"]
    assert [p["name"] for p in client.get("/api/people", params={"kind": "org"}).json()] == ["Harbor Authority"]
    assert client.get("/api/people", params={"kind": "place"}).status_code == 422


def test_the_api_gives_one_person_in_full_and_an_unknown_id_one_line(client):
    body = client.get(f"/api/people/{velasco_id(client)}").json()
    assert (body["name"], body["quotes"], body["articles"], body["outlets"]) == ("Marta Q. Velasco", 3, 3, 2)
    assert body["by_outlet"][0] == {"outlet": VP, "quotes": 2, "quoting": 2, "articles": 2}
    assert body["recent"][0]["article_id"] == READY.id and body["recent"][0]["name"] == "Velasco"
    missing = client.get("/api/people/99999")
    assert missing.status_code == 404 and missing.json() == {"error": "person 99999 not found"}
    assert client.get("/api/people/0").status_code == 422


def test_the_person_page_shows_names_outlets_months_roles_and_why(client):
    response = client.get(f"/people/{velasco_id(client)}")
    assert response.status_code == 200
    dom = Dom(response.text)
    assert_inert(dom)
    text = cells_apart(response.text)
    assert "Marta Q. Velasco Person · also called Velasco, Marta Velasco" in text
    assert "3 quotes; named in 3 analysed articles from 2 outlets" in text
    # by outlet (quotes, articles quoting, articles naming), then by outlet and month
    assert f"Articles naming {VP} 2 2 2 {HT} 1 1 1" in text
    assert f"Articles quoting {HT} 2024-01 1 1 {VP} 2024-01 1 1 {VP} 2024-02 1 1" in text
    # how each outlet casts them: articles naming, framed, Protagonist, Antagonist, Innocent, no clear role
    assert f"{HT} 1 1 0 0 0 1 {VP} 2 2 1 0 0 1" in text
    assert "surname only; the only person named Velasco in the corpus: 1 article (Velasco)" in text
    assert {a.get("href") for a in dom.tags("a")} >= {f"/articles/{READY.id}", f"/outlets/{VP.replace(' ', '%20')}"}


def test_an_ambiguous_surname_is_shown_unlinked_on_each_candidate_page(client):
    lena = next(p["id"] for p in client.get("/api/people").json() if p["name"] == "Lena Oduya")
    dom = Dom(client.get(f"/people/{lena}").text)
    assert "“Oduya” in 1 article: ambiguous: 2 people named Oduya (Bram Oduya, Lena Oduya)" in dom.text
    assert f"/articles/{FARM.id}" in {a.get("href") for a in dom.tags("a")}


def test_an_unknown_person_page_is_a_404_page(client):
    for path in ("/people/99999", "/people/not-a-number"):
        response = client.get(path)
        assert response.status_code == 404 and "not found" in response.text


def test_the_most_quoted_on_the_home_page_link_to_their_person_page(client):
    home = client.get("/").text
    assert f'href="/people/{velasco_id(client)}"' in home


def test_a_hostile_name_stays_text_on_the_person_page(tmp_path):
    hostile = "<script>alert('x')</script> Dock Union"
    article = Article(outlet="<b>Bold</b> Outlet", published=date(2024, 5, 1), title="Strike",
                      text=f"The {hostile} called a strike at dawn.")
    url = f"sqlite:///{tmp_path / 'hostile.db'}"
    with open_store(url) as store:
        store.add_articles([article])
        store.save_analysis(fabricated_analysis(article, entities=[(hostile, "ORG", [span(article.text, hostile)])]))
    with TestClient(create_app(Settings(db=url))) as c:
        (org,) = c.get("/api/people", params={"kind": "org"}).json()
        response = c.get(f"/people/{org['id']}")
    assert response.status_code == 200 and "<script>alert" not in response.text
    dom = Dom(response.text)
    assert_inert(dom)
    assert hostile in dom.text and "<b>Bold</b> Outlet" in dom.text

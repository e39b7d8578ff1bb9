"""One person across the corpus on the web: GET /api/people, GET /api/people/{id}, the person
page and the links to it from the most quoted lists, over a real SQLite store of the made-up
corpus of tests/support/people.py."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from presslens.article import Article
from presslens.config import Settings
from presslens.server.app import create_app
from presslens.store import open_store
from support.analyses import fabricated_analysis, span
from support.dom import Dom, assert_inert
from support.people import FARM, HT, READY, VP, store_people_corpus


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


def people_rows(html: str) -> list[list[str]]:
    """The people table's rows as lists of cell texts."""
    table = re.search(r'<table class="data" id="people">.*?</table>', html, re.S)
    assert table, "no people table on the page"
    rows = re.findall(r"<tr>(.*?)</tr>", table.group(0), re.S)[1:]
    return [[" ".join(Dom(c).text.split()) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)] for row in rows]


def test_the_people_page_lists_the_most_quoted_with_names_counts_and_links(client):
    response = client.get("/people")
    assert response.status_code == 200
    assert_inert(Dom(response.text))
    rows = people_rows(response.text)
    assert rows[0] == ["1", "Marta Q. Velasco", "Velasco, Marta Velasco", "3", "3", "2"]
    assert [r[1] for r in rows[:3]] == ["Marta Q. Velasco", "Ines Harrow", "Bram Oduya"]
    assert f'href="/people/{velasco_id(client)}"' in response.text
    assert 'href="/people"' in client.get("/").text  # the main navigation reaches it


def test_the_people_page_narrows_by_name_outlet_subject_and_kind(client):
    assert [r[1] for r in people_rows(client.get("/people", params={"name": "oduya"}).text)] == [
        "Bram Oduya", "Lena Oduya"]
    assert [r[1] for r in people_rows(client.get("/people", params={"outlet": HT}).text)][:2] == [
        "Ines Harrow", "Bram Oduya"]
    # who is quoted on a subject: the articles holding the words
    assert [r[1] for r in people_rows(client.get("/people", params={"q": "tolls"}).text)] == ["Marta Q. Velasco"]
    assert [r[1] for r in people_rows(client.get("/people", params={"kind": "org"}).text)] == ["Harbor Authority"]
    nobody = client.get("/people", params={"name": "Zebedee"})
    assert nobody.status_code == 200 and "No one whose name contains “Zebedee”" in Dom(nobody.text).text


def test_bad_people_filters_are_a_400_page_with_one_line(client):
    for params, said in (({"since": "2024-13-01"}, "since"), ({"kind": "place"}, "kind"),
                         ({"page": "0"}, "page"), ({"name": "x" * 300}, "name")):
        response = client.get("/people", params=params)
        assert response.status_code == 400, params
        (error,) = re.findall(r'<p class="error" role="alert">(.*?)</p>', response.text, re.S)
        assert said in error and "\n" not in error.strip()
    page_two = client.get("/people", params={"page": "2"})
    assert page_two.status_code == 200 and "No one on page 2" in Dom(page_two.text).text


def test_the_api_pages_and_filters_people_by_name(client):
    everyone = [p["name"] for p in client.get("/api/people").json()]
    assert [p["name"] for p in client.get("/api/people", params={"offset": 1, "limit": 2}).json()] == everyone[1:3]
    assert [p["name"] for p in client.get("/api/people", params={"name": "QUILL"}).json()] == [
        "Tomas K. Quill", "Tomas R. Quill"]
    assert client.get("/api/people", params={"name": "%"}).json() == []  # a LIKE wildcard is a plain character


def test_the_person_page_draws_quotes_per_outlet_and_month(client):
    html = client.get(f"/people/{velasco_id(client)}").text
    (figure,) = re.findall(r'<figure class="chart">(.*?)</figure>', html, re.S)
    assert "Quotes of Marta Q. Velasco" in Dom(figure).text and "from 3 quoting articles" in Dom(figure).text
    points = sorted(Dom(t).text for t in re.findall(r"<circle[^>]*><title>(.*?)</title>", figure, re.S))
    assert points == [f"{HT}, January 2024: 1 quote, from 1 quoting article (fewer than 5: not a trend)",
                      f"{VP}, February 2024: 1 quote, from 1 quoting article (fewer than 5: not a trend)",
                      f"{VP}, January 2024: 1 quote, from 1 quoting article (fewer than 5: not a trend)"]
    (key,) = re.findall(r'<ul class="series-key".*?</ul>', html, re.S)
    assert [Dom(li).text for li in re.findall(r"<li>(.*?)</li>", key, re.S)][:2] == [VP, HT]


def test_the_person_page_lists_ten_outlets_and_folds_the_rest(tmp_path):
    url = f"sqlite:///{tmp_path / 'many.db'}"
    stories = []
    for n in range(12):
        text = f'Mayor Ana Petrik said "the ferry runs again on route {n}" at dawn.'
        story = Article(outlet=f"Outlet {n:02d}", published=date(2024, 3, 1 + n), title=f"Ferry {n}", text=text)
        stories.append(
            fabricated_analysis(
                story,
                quotes=[("Ana Petrik", *span(text, f'"the ferry runs again on route {n}"'))],
                entities=[("Ana Petrik", "PERSON", [span(text, "Mayor Ana Petrik")])],
            )
        )
    with open_store(url) as store:
        store.add_articles([a.article for a in stories])
        store.save_analyses(stories)
    with TestClient(create_app(Settings(db=url))) as c:
        (person,) = c.get("/api/people").json()
        html = c.get(f"/people/{person['id']}").text
    first = re.search(r'<table class="data" id="by-outlet">(.*?)</table>', html, re.S).group(1)
    rest = re.search(
        r'<details class="table-wrap"><summary>(.*?)</summary>\s*<table class="data" id="by-outlet-more">(.*?)</table>',
        html,
        re.S,
    )
    assert first.count("<tr>") == 11  # the heading and ten outlets
    assert rest and rest.group(1) == "2 more outlets" and rest.group(2).count("<tr>") == 2

"""Quote provenance on the web: GET /api/quotes/{id}/trace, the trace page and the link to it
from each quote of a stored article's page, over a real SQLite store of the hand-built set
of tests/support/quote_provenance.py."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from presslens.config import Settings
from presslens.corpus.provenance import group_quotes
from presslens.server.app import create_app
from presslens.store import open_store
from support.dom import Dom
from support.quote_provenance import BY_KEY, CASES, analysis, article, quote_id


@pytest.fixture()
def client(tmp_path):
    url = f"sqlite:///{tmp_path / 'quotes.db'}"
    with open_store(url) as store:
        store.add_articles([article(case) for case in CASES])
        store.save_analyses([analysis(case) for case in CASES])
        group_quotes(store)
    with TestClient(create_app(Settings(db=url)), raise_server_exceptions=False) as c:
        yield c


def test_the_api_traces_a_quote_first_published_first(client):
    response = client.get(f"/api/quotes/{quote_id(BY_KEY['milk-trim'])}/trace")
    assert response.status_code == 200
    body = response.json()
    assert list(body[0])[:7] == ["article", "title", "outlet", "published", "speaker", "text", "first"]
    assert body[0]["title"] == "Story milk-first"
    assert [(a["outlet"], a["published"], a["relation"], a["first"]) for a in body] == [
        ("Lowland Gazette", "2025-04-01", "first", True), ("Northbay Courier", "2025-04-02", "edited", False),
        ("Meridian Wire", "2025-04-06", "trimmed", False)]
    assert [c for c in body[1]["diff"] if c["op"] != "same"] == [{"op": "dropped", "was": "they", "now": ""}]


@pytest.mark.parametrize("quote, status, error", [
    ("0123456789abcdef-0", 404, "quote '0123456789abcdef-0' not found"),
    ("not-an-id", 400, "quote: 'not-an-id' is not a quote id"),
])
def test_the_api_answers_a_bad_id_with_one_line(client, quote, status, error):
    response = client.get(f"/api/quotes/{quote}/trace")
    assert response.status_code == status
    assert response.json()["error"].startswith(error)


def test_each_quote_of_a_stored_article_links_to_its_trace_page(client):
    case = BY_KEY["tunnel-edit"]
    page = client.get(f"/articles/{article(case).id}").text
    link = re.search(r'<a class="trace" href="([^"]+)">where else\?</a>', page)
    assert link and link.group(1) == f"/quotes/{quote_id(case)}"
    trace = client.get(link.group(1))
    assert trace.status_code == 200
    text = " ".join(Dom(re.sub(r"<[^>]+>", " ", trace.text)).text.split())
    assert "5 appearances. First seen here: Northbay Courier, 2025-03-03 , first in this corpus" in text
    rows = re.findall(r"<tr[^>]*>\s*<td>([^<]+)</td>\s*<td>([^<]+)</td>", trace.text)
    assert rows == [("2025-03-03", "Northbay Courier"), ("2025-03-04", "Eastfield Beacon"),
                    ("2025-03-05", "Lowland Gazette"), ("2025-03-09", "Meridian Wire"), ("undated", "Eastfield Beacon")]
    assert "<del>harbour</del> <ins>harbor</ins>" in trace.text


def test_the_trace_page_names_each_article_by_its_title_outlet_and_date(client):
    quote = quote_id(BY_KEY["tunnel-edit"])
    titles = {article(case).id: article(case).title for case in CASES}
    expected = [(a["article"], titles[a["article"]], f"{a['outlet']}, {a['published'] or 'undated'}")
                for a in client.get(f"/api/quotes/{quote}/trace").json()]
    trace = client.get(f"/quotes/{quote}").text
    table = trace[trace.index('<table class="data" id="appearances">'):trace.index("</table>")]
    cells = re.findall(r'<td><a href="/articles/([0-9a-f]+)">([^<]+)</a> <span class="meta">([^<]+)</span></td>', table)
    assert cells == expected and len(cells) == 5
    assert cells[0][1:] == ("Story tunnel-first", "Northbay Courier, 2025-03-03")
    assert not re.search(r">[0-9a-f]{16}</a>", table)  # no bare id for a reader to decode


def test_an_unknown_quote_is_a_404_page(client):
    assert client.get("/quotes/0123456789abcdef-9").status_code == 404


def test_a_malformed_quote_id_is_a_400_page_naming_it(client):
    response = client.get("/quotes/not-an-id")
    assert response.status_code == 400
    assert "&#39;not-an-id&#39; is not a quote id" in response.text or "'not-an-id' is not a quote id" in response.text


def test_a_quote_too_short_to_trace_has_no_trace_link(client):
    page = client.get(f"/articles/{article(BY_KEY['back-down-club']).id}").text
    assert "We will not back down." in page and 'class="trace"' not in page


def test_the_quotes_page_and_api_list_the_quotes_repeated_most(client):
    body = client.get("/api/quotes/recurring", params={"limit": 2}).json()
    assert (body["recurring"], body["groups"]) == (16, 5)
    assert [(q["articles"], q["outlet"]) for q in body["top"]][:1] == [(5, "Northbay Courier")]
    assert client.get("/api/quotes/recurring", params={"limit": 0}).status_code == 422
    page = client.get("/quotes")
    assert page.status_code == 200
    text = " ".join(Dom(re.sub(r"<[^>]+>", " ", page.text)).text.split())
    assert "16 quotes of 23 (69.6%) recur in two or more articles: 5 groups, 5 of them across outlets" in text
    assert "Rests on 23 analysed articles" in text
    assert f'href="/quotes/{quote_id(BY_KEY["tunnel-first"])}"' in page.text
    assert 'href="/quotes"' in client.get("/").text  # the main navigation reaches it

"""The compare page and its charts over several years (tests/support/chart_corpus.py),
rendered by the app over a real SQLite store and read as a browser would parse them."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from presslens.article import Article
from presslens.config import Settings
from presslens.server.app import create_app
from presslens.store import open_store
from support.chart_corpus import HARBOR, MONTHS, RIDGE, VALLEY, store_chart_corpus
from support.dom import Dom, assert_inert

THREE = f"/compare?outlet={HARBOR}&outlet={VALLEY}&outlet={RIDGE}"
# Unbroken runs per outlet (see chart_corpus): Harbor 2 half-years, Valley 2017 (2019-03
# stands alone), Ridge 4 runs between its thin Junes.
LINES_PER_CHART = 2 + 1 + 4


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('charts') / 'charts.db'}"
    with open_store(url) as store:
        store_chart_corpus(store)
        store.add_articles([Article(outlet=HARBOR, published=date(2016, 1, 20), title="Not analysed yet",
                                    text="A stored article nobody has analysed yet, about the harbor ferry.")])
    with TestClient(create_app(Settings(db=url)), raise_server_exceptions=False) as c:
        yield c


def get(client, path: str, status: int = 200) -> tuple[Dom, str]:
    response = client.get(path)
    assert response.status_code == status, response.text[:300]
    return Dom(response.text), response.text


def test_compare_draws_lines_broken_at_gaps_and_thin_months(client):
    dom, _ = get(client, THREE)
    assert len(dom.tags("figure")) == 2  # Loaded language and Doubt
    assert len(dom.tags("polyline")) == 2 * LINES_PER_CHART
    dots = [c["class"] for c in dom.tags("circle") if "dot" in c["class"].split()]
    months = sum(len(m) for m in MONTHS.values())
    thin = sum(1 for rows in MONTHS.values() for *_, n in rows if n < 5)
    assert len([d for d in dots if "thin" not in d]) == 2 * (months - thin) + 3  # + the key's three
    assert len([d for d in dots if "thin" in d]) == 2 * thin + 1  # + the key's hollow point


def test_each_point_says_its_month_value_and_analysed_articles(client):
    dom, _ = get(client, THREE)
    def said(start: str, end: str) -> bool:
        return any(c.startswith(start) and c.endswith(end) for c in dom.chunks)

    assert said("Harbor Times, January 2016: ", " spans per 1,000 words, from 5 analysed articles")
    assert said("Ridge Herald, June 2017: ", "from 2 analysed articles (fewer than 5: not a trend)")
    analysed = sum(n for rows in MONTHS.values() for *_, n in rows)
    assert dom.chunks.count(f"spans per 1,000 words, from {analysed} analysed articles") == 2


def test_compare_shows_analysed_and_total_articles_per_outlet(client):
    dom, _ = get(client, THREE)
    assert "60 of 61 articles analysed" in dom.text  # Harbor Times has one stored article not analysed
    assert "65 of 65 articles analysed" in dom.text


def test_the_month_table_counts_analysed_articles_and_names_techniques(client):
    dom, html = get(client, THREE)
    heads = [c.strip() for c in dom.chunks]
    for heading in ("Analysed articles", "Spans per 1,000 words", "Doubt", "Loaded language"):
        assert heading in heads
    assert "Loaded_Language" not in html


def test_the_picker_without_script_offers_every_outlet_by_name(client):
    dom, _ = get(client, "/compare")
    fields = [i for i in dom.tags("input") if i.get("name") == "outlet"]
    assert len(fields) == 5 and all(f["list"] == "outlet-names" for f in fields)
    assert [o["value"] for o in dom.tags("option")] == sorted([HARBOR, RIDGE, VALLEY])
    assert dom.tags("figure") == []


def test_names_match_ignoring_case_and_the_picker_keeps_them_as_stored(client):
    dom, _ = get(client, "/compare?outlet=harbor+times&outlet=VALLEY+POST&outlet=")
    assert [i["value"] for i in dom.tags("input") if i.get("name") == "outlet"][:3] == [HARBOR, VALLEY, ""]
    assert len(dom.tags("figure")) == 2


@pytest.mark.parametrize(("query", "message"), [
    (f"outlet={HARBOR}&outlet=Nobody+Gazette", "outlet 'Nobody Gazette' not found"),
    (f"outlet={HARBOR}", "choose 2 to 5 outlets (you chose 1)"),
    (f"outlet={HARBOR}&outlet=harbor+TIMES", "choose 2 to 5 different outlets (you chose 1)"),
    ("&".join(f"outlet=Outlet+{n}" for n in range(6)), "choose 2 to 5 outlets (you chose 6)"),
])
def test_a_choice_that_cannot_be_compared_is_a_400_saying_why(client, query, message):
    dom, _ = get(client, f"/compare?{query}", status=400)
    assert message in dom.text
    assert dom.tags("figure") == []
    first_typed = query.split("&")[0].removeprefix("outlet=").replace("+", " ")
    assert [i for i in dom.tags("input") if i.get("name") == "outlet"][0]["value"] == first_typed  # kept to correct
    assert_inert(dom)

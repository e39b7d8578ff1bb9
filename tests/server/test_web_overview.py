"""What is analysed, said everywhere: the home page's corpus overview, the paged outlet list,
the "not analysed yet" article page and the API's analysed fields, over a real store (SQLite,
then PostgreSQL when PRESSLENS_TEST_PG_URL is set)."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from presslens.analysis import Analysis
from presslens.article import Article
from presslens.config import Settings
from presslens.corpus import MonthCount
from presslens.server.app import create_app
from presslens.server.pages.month_chart import month_chart
from presslens.store import open_store
from support.dom import Dom, assert_inert
from support.web_corpus import HARBOUR_ID, HOSTILE_OUTLET, corpus

TOKEN = "overview-token"
UNANALYSED = Article(text="The ferry timetable changes next week, the harbour office said on Friday.",
                     outlet="Harbour Daily", published=date(2024, 5, 3), title="Ferry timetable changes")
# 120 small outlets, one unanalysed article each, so the outlet list runs to three pages.
SMALL_OUTLETS = [Article(text=f"Notice number {n} from a small outlet about the harbour.", outlet=f"Bay Notes {n:03d}",
                         published=date(2023, 1 + n % 12, 1), title=f"Notice {n}") for n in range(120)]


class StandInPipeline:
    """Analyses any text into an empty analysis, as the "Analyse now" button stores it."""

    def analyze(self, article: Article) -> Analysis:
        return Analysis(article=article, scores={"words": len(article.text.split())},
                        pipeline={"version": "stand-in", "models": {}})


@pytest.fixture()
def corpus_url(store_url) -> str:
    store = open_store(store_url)
    try:
        analyses = corpus()
        store.add_articles([a.article for a in analyses] + [UNANALYSED] + SMALL_OUTLETS)
        for analysis in analyses:
            store.save_analysis(analysis)
    finally:
        store.close()
    return store_url


def make_client(url: str, **settings) -> TestClient:
    return TestClient(create_app(Settings(db=url, **settings), pipeline=StandInPipeline()),
                      raise_server_exceptions=False)


@pytest.fixture()
def client(corpus_url):
    with make_client(corpus_url) as c:
        yield c


def page(client, path: str, status: int = 200) -> Dom:
    response = client.get(path)
    assert response.status_code == status, response.text[:300]
    dom = Dom(response.text)
    assert_inert(dom)
    return dom


def words(dom: Dom) -> str:
    """The page's text with every run of white space as one space, and a space between elements."""
    return " ".join(" ".join(dom.chunks).split())


# --- the article page --------------------------------------------------------------------

def test_an_unanalysed_article_says_so_and_how_to_analyse_it(client):
    text = words(page(client, f"/articles/{UNANALYSED.id}"))
    assert "Not analysed yet" in text
    assert "presslens process --db" in text and f"--id {UNANALYSED.id}" in text
    for empty_result in ("No quotes found", "No technique spans found", "No entities found", "Technique spans 0"):
        assert empty_result not in text
    assert "Analyse now" not in text, "a read-only server offers no button"


def test_an_analysed_article_shows_its_analysis_not_the_pending_state(client):
    text = words(page(client, f"/articles/{HARBOUR_ID}"))
    assert "Not analysed yet" not in text and "Loaded language" in text


def test_a_writable_server_analyses_the_article_from_its_page(corpus_url):
    with make_client(corpus_url, api_token=TOKEN) as client:
        dom = page(client, f"/articles/{UNANALYSED.id}")
        [form] = [f for f in dom.tags("form") if f.get("action", "").endswith("/analyze")]
        refused = client.post(form["action"], data={"token": "wrong"})
        assert refused.status_code == 401
        assert client.get(f"/api/articles/{UNANALYSED.id}").json()["analysed"] is False
        done = client.post(form["action"], data={"token": TOKEN}, follow_redirects=False)
        assert done.status_code == 303 and done.headers["location"] == f"/articles/{UNANALYSED.id}"
        assert client.get(f"/api/articles/{UNANALYSED.id}").json()["analysed"] is True
        assert "Not analysed yet" not in words(page(client, f"/articles/{UNANALYSED.id}"))


# --- home ----------------------------------------------------------------------------------

def test_home_gives_an_overview_with_what_each_figure_rests_on(client):
    dom = page(client, "/")
    text = words(dom)
    assert "124 articles from 123 outlets ; 3 analysed (2.4%)" in text
    for heading in ("Articles per month", "Top outlets", "Top techniques", "Most quoted people",
                    "Most recent articles"):
        assert heading in text
    assert "Spans over the 3 analysed articles" in text and "Quotes in the 3 analysed articles" in text
    assert "Name calling, labeling" in text and "Name_Calling" not in text
    assert "Elena Ruiz 1 quote in 1 article" in text
    assert HOSTILE_OUTLET in text  # as text: assert_inert checked that it made no element
    assert "All 123 outlets" in text and "Bay Notes 060" not in text, "the full list lives on /outlets"
    # the newest article is unanalysed and marked so
    assert "Ferry timetable changes Harbour Daily · 2024-05-03 · not analysed" in text


def test_the_month_chart_shows_all_and_analysed_articles_with_counts_on_hover(client):
    dom = page(client, "/")
    titles = words(dom)
    assert "2024-03: 2 articles, 2 analysed" in titles
    assert "2024-05: 1 article, 0 analysed" in titles
    assert "2023-01: 10 articles, 0 analysed" in titles
    bars = [attrs.get("class") for attrs in dom.tags("rect")]
    # 15 of the 17 months from 2023-01 to 2024-05 hold articles; the two with analysed ones draw
    # them twice: in the upper panel and on their own scale below (the key draws one of each too)
    assert bars.count("bar-total") == 15 + 1 and bars.count("bar-analysed") == 2 * 2 + 1
    january, *_, december, march, _, _ = [float(a["x"]) for a in dom.tags("rect") if a.get("class") == "bar-total"][1:]
    gaps = "January and February 2024 are empty slots"
    assert march - december == pytest.approx(3 * (december - january) / 11, abs=0.05), gaps


def test_home_of_an_empty_store_says_how_to_ingest(store_url):
    with make_client(store_url) as client:
        text = words(page(client, "/"))
    assert "The store holds no articles yet" in text and "presslens ingest" in text


def test_the_month_chart_sits_on_a_true_time_axis_and_leaves_out_stray_dates():
    months = [MonthCount("0001-11", 1, 0), MonthCount("2020-01", 3000, 10), MonthCount("2020-04", 2000, 0),
              MonthCount("2050-09", 1, 0), MonthCount("undated", 30, 0)]
    chart = month_chart(months)
    assert (chart.first, chart.last, chart.left_out, chart.undated) == ("2020-01", "2020-04", 2, 30)
    january, april = chart.bars
    assert april.x - january.x == pytest.approx(3 * (chart.right - chart.left) / 4)  # February, March empty
    assert january.total_y < april.total_y < chart.upper_bottom  # more articles, taller bar
    assert january.lower_y == chart.lower_top and april.lower_y == chart.bottom  # analysed: own scale
    assert month_chart([MonthCount("undated", 3, 0)]) is None


# --- the outlet list -----------------------------------------------------------------------

def test_the_outlet_list_pages_fifty_at_a_time_with_analysed_counts(client):
    first = words(page(client, "/outlets"))
    assert "123 outlets · page 1 of 3" in first
    assert "Bay Notes 000 1 0" in first and "Bay Notes 050" not in first
    third = page(client, "/outlets?page=3")
    assert "Valley Courier 1 1" in words(third) and "Bay Notes 000" not in words(third)
    assert [a["href"] for a in third.tags("a") if a.get("rel") == "prev"] == ["/outlets?q=&page=2"]


def test_the_outlet_list_filters_by_part_of_the_name_ignoring_case(client):
    text = words(page(client, "/outlets?q=HARBOUR"))
    assert "1 outlet matching “HARBOUR”" in text and "Harbour Daily 2 1" in text
    assert "Bay Notes" not in text
    assert "No outlet name contains “%_”" in words(page(client, "/outlets?q=%25_"))


@pytest.mark.parametrize("query, status, shown", [
    ("page=99", 200, "No outlets on page 99: there are 3 pages."),
    ("page=0", 400, "page: '0' is not a page number"),
    ("page=-1", 400, "page: '-1' is not a page number"),
    ("page=abc", 400, "page: 'abc' is not a page number"),
    ("page=99999999999999999999", 400, "is not a page number"),
    ("q=%00", 400, "q: holds a NUL character"),
    ("q=" + "x" * 300, 400, "q: 300 characters"),
    ("q=<script>alert(1)</script>", 200, "No outlet name contains “<script>alert(1)</script>”"),
])
def test_odd_outlet_list_requests_get_a_page_never_a_server_error(client, query, status, shown):
    assert shown in words(page(client, f"/outlets?{query}", status))


def test_an_outlet_page_says_how_many_of_its_articles_are_analysed(client):
    text = words(page(client, "/outlets/Harbour%20Daily"))
    assert "2 articles, 1 analysed" in text
    assert "rest on its 1 analysed article only" in text


# --- the API -------------------------------------------------------------------------------

def test_the_api_says_what_is_analysed(client):
    overview = client.get("/api/overview?top=2").json()
    assert (overview["articles"], overview["analysed"], overview["outlets"]) == (124, 3, 123)
    assert len(overview["top_outlets"]) == 2
    assert overview["top_outlets"][0] == {"name": "Harbour Daily", "articles": 2, "analysed": 1,
                                          "first": "2024-03-05", "last": "2024-05-03"}
    assert {"month": "2024-03", "articles": 2, "analysed": 2} in overview["months"]
    assert overview["techniques"][0] == {"technique": "Name_Calling,Labeling", "spans": 2, "articles": 2}
    assert overview["recent"][0]["id"] == UNANALYSED.id and overview["recent"][0]["analysed"] is False
    outlets = {o["name"]: o for o in client.get("/api/outlets").json()}
    assert (outlets["Harbour Daily"]["articles"], outlets["Harbour Daily"]["analysed"]) == (2, 1)
    assert client.get("/api/outlets/Harbour%20Daily").json()["outlet"]["analysed"] == 1
    items = {i["id"]: i for i in client.get("/api/articles?outlet=Harbour%20Daily").json()["items"]}
    assert items[UNANALYSED.id]["analysed"] is False and items[UNANALYSED.id]["techniques"] is None
    assert items[HARBOUR_ID]["analysed"] is True and items[HARBOUR_ID]["techniques"] == 3
    assert client.get(f"/api/articles/{UNANALYSED.id}").json()["analysed"] is False
    assert client.get(f"/api/articles/{HARBOUR_ID}").json()["analysed"] is True
    assert client.get("/api/overview?top=0").status_code == 422

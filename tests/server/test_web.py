"""The web pages, rendered by the app over a real SQLite store, read as a browser would
parse them: hostile article data must arrive as text, never as markup."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from presslens.analysis import Analysis, Claim, Speaker, TechniqueSpan, TimeRef
from presslens.article import Article
from presslens.config import Settings
from presslens.server.app import create_app
from presslens.server.pages.article_view import build_view, lanes_of
from presslens.server.pages.techniques import TECHNIQUE_STYLES
from presslens.store import open_store
from support.dom import Dom, assert_inert
from support.web_corpus import (
    COURIER_ID,
    HARBOUR_ID,
    HOSTILE_ID,
    HOSTILE_OUTLET,
    HOSTILE_SPEAKER,
    HOSTILE_TITLE,
    build_store,
)


@pytest.fixture()
def client(tmp_path):
    app = create_app(Settings(db=build_store(tmp_path / "web.db")))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def page(client, path: str, status: int = 200) -> Dom:
    response = client.get(path)
    assert response.status_code == status, response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    return Dom(response.text)


def test_the_article_page_highlights_every_technique_with_its_label_and_score(client):
    dom = page(client, f"/articles/{HARBOUR_ID}")
    marks = [a for a in dom.tags("span") if "t" in a.get("class", "").split()]
    labels = {(a["data-label"], a["data-score"]) for a in marks}
    assert labels == {("Loaded language", "0.91"), ("Appeal to fear, prejudice", "0.64"),
                      ("Name calling, labeling", "0.77")}
    assert sum(1 for a in marks if a.get("tabindex") == "0") == 3  # one focus stop per span
    assert "Harbour council approves the new bridge" in dom.text
    assert [b.get("aria-label") for b in dom.tags("button") if "chip" in b.get("class", "")] == ["Quote by Elena Ruiz"]
    assert "2019" in dom.text and "Quotes by speaker" in dom.text


def test_overlapping_spans_keep_one_lane_each_across_their_segments():
    text = "alpha beta gamma delta"
    spans = [TechniqueSpan(0, 16, text[0:16], "Doubt", 0.5), TechniqueSpan(6, 22, text[6:22], "Slogans", 0.6),
             TechniqueSpan(17, 22, "delta", "Repetition", 0.7)]
    assert lanes_of(spans) == [0, 1, 0]
    view = build_view(Analysis(article=Article(text=text), techniques=spans))
    assert "".join(s.text for s in view.segments) == text
    by_text = {s.text: [(m.label, m.lane) for m in s.techniques] for s in view.segments}
    assert by_text["beta gamma"] == [("Doubt", 0), ("Slogans", 1)]
    assert by_text["delta"] == [("Repetition", 0), ("Slogans", 1)]


def test_hostile_article_data_is_shown_as_text_and_never_runs(client):
    dom = page(client, f"/articles/{HOSTILE_ID}")
    assert_inert(dom)
    assert HOSTILE_TITLE in dom.text
    assert HOSTILE_OUTLET in dom.text
    assert HOSTILE_SPEAKER in dom.text
    assert "<script>alert(\"body\")</script>" in dom.text
    assert "javascript:alert('url')" in dom.text  # shown, not linked
    assert "<b><i>unclosed tags" in dom.text
    assert "describes rhetoric" in dom.text  # the footer after the broken markup is still a footer
    assert dom.tags("footer")


@pytest.mark.parametrize("path", [
    "/", "/search?q=council", "/search?q=alert", f"/outlets/{HOSTILE_OUTLET}",
    f"/compare?outlet=Harbour+Daily&outlet={HOSTILE_OUTLET}", "/api/docs",
])
def test_hostile_names_stay_inert_on_every_page(client, path):
    assert_inert(page(client, path))


def test_search_marks_the_matched_words(client):
    dom = page(client, "/search?q=drought")
    assert [a["href"] for a in dom.tags("a") if a.get("class") == "title"] == [f"/articles/{COURIER_ID}"]
    assert "1 matching article," in dom.text
    marked = [m for m in Dom(client.get("/search?q=drought").text).elements if m[0] == "mark"]
    assert marked


def test_search_with_a_bad_date_says_so(client):
    response = client.get("/search?q=council&since=yesterday")
    assert response.status_code == 400
    assert "since" in Dom(response.text).text


def test_the_outlet_page_draws_a_chart_per_technique(client):
    dom = page(client, "/outlets/Harbour Daily")
    assert len(dom.tags("figure")) == 3
    for name in ("Loaded language", "Appeal to fear, prejudice", "Name calling, labeling"):
        assert name in dom.chunks  # a chart's caption and its table column
    # One analysed article a month: points, hollow, and no line drawn through them.
    assert [d["class"] for d in dom.tags("circle") if "dot" in d["class"].split()][-3:] == ["dot s-0 thin"] * 3
    assert dom.tags("polyline") == []
    assert "Elena Ruiz" in dom.text


def test_compare_takes_two_to_five_outlets(client):
    dom = page(client, "/compare?outlet=Harbour+Daily&outlet=Valley+Courier")
    assert "Harbour Daily" in dom.text and "Valley Courier" in dom.text
    # Name calling appears in both outlets: its chart has a point of each.
    assert {"dot s-0 thin", "dot s-1 thin"} <= {c["class"] for c in dom.tags("circle")}
    assert client.get("/compare?outlet=Harbour+Daily").status_code == 400
    unknown = page(client, "/compare?outlet=Harbour+Daily&outlet=Nobody", status=400)
    assert "outlet 'Nobody' not found" in unknown.text


def test_the_analyze_page_shows_the_article_view_without_storing(client, monkeypatch):
    import presslens.pipeline as pipeline_module
    from presslens.pipeline import COMPONENTS, Pipeline

    monkeypatch.setattr(
        pipeline_module,
        "default_pipeline",
        lambda: Pipeline([c for c in COMPONENTS if c not in ("presslens_techniques", "presslens_scores")]),
    )
    before = client.get("/api/articles").json()["items"]
    response = client.post("/analyze", data={"text": "<script>alert(9)</script> Ms Lind said \"no\".",
                                             "title": "Pasted <b>"})
    assert response.status_code == 200
    dom = Dom(response.text)
    assert_inert(dom)
    assert "Pasted <b>" in dom.text and "not stored" in dom.text
    assert client.get("/api/articles").json()["items"] == before


def test_the_analyze_form_explains_an_empty_submission(client):
    response = client.post("/analyze", data={"text": "   "})
    assert response.status_code == 400
    assert "paste some text, give a page's address or choose a file" in Dom(response.text).text


def test_unknown_pages_get_an_html_error_page(client):
    dom = page(client, "/articles/nothing-here", status=404)
    assert "not found" in dom.text


def test_the_stylesheet_draws_every_technique_in_its_colour_and_line_style(client):
    css = client.get("/static/app.css").text
    for index, (_, _, colour, style) in enumerate(TECHNIQUE_STYLES):
        assert f".t-{index} {{ --tc: {colour}; --ts: {style}; }}" in css


def test_static_paths_never_leave_the_static_folder(client):
    for path in ("/static/../api.py", "/static/..%2F..%2Fapi.py", "/static/%2e%2e/%2e%2e/config.py"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "Settings" not in response.text


HOSTILE_CLAIMANT = "<svg onload=alert(7)>Harbour master"


def claimed_analysis() -> Analysis:
    """An article with one claim in a quote (a hostile claimant) and one in the outlet's voice."""
    text = ('Pier <b>reopens</b>\n\n'
            'The <i>pier</i> was built in 1953 by the navy, the harbour master said. '
            'The port moved 3 million tonnes last year.')
    built = text.index("The <i>pier</i>")
    built_end = text.index(", the harbour")
    moved = text.index("The port")
    master = text.index("the harbour master")
    year = text.index("1953")
    return Analysis(
        article=Article(text=text, outlet="Pier Gazette", published=date(2024, 5, 1), title="Pier reopens"),
        claims=[
            Claim(built, built_end, text[built:built_end], 0.82,
                  claimant=Speaker(None, HOSTILE_CLAIMANT, master, master + 18),
                  time_refs=[TimeRef(year, year + 4, "1953", "date", "1953")], kind="historical"),
            Claim(moved, len(text), text[moved:], 0.77, kind="statistical"),
        ],
        pipeline={"version": "test", "models": {}},
    )


def test_claims_are_highlighted_with_their_claimant_and_date_and_can_be_hidden(tmp_path):
    analysis = claimed_analysis()
    url = build_store(tmp_path / "claims.db")
    store = open_store(url)
    try:
        store.add_articles([analysis.article])
        store.save_analysis(analysis)
    finally:
        store.close()
    with TestClient(create_app(Settings(db=url)), raise_server_exceptions=False) as claims_client:
        dom = page(claims_client, f"/articles/{analysis.article.id}")
        css = claims_client.get("/static/app.css").text
    assert_inert(dom)
    built, moved = analysis.claims
    marks = {a["id"]: a for a in dom.tags("span") if "c" in a.get("class", "").split()}
    assert set(marks) == {f"claim-{built.start}", f"claim-{moved.start}"}
    quoted = marks[f"claim-{built.start}"]
    assert quoted["data-claimant"] == HOSTILE_CLAIMANT and quoted["data-date"] == "1953"
    assert quoted["title"].startswith(f"Claim by {HOSTILE_CLAIMANT} · refers to 1953 · historical")
    assert quoted["tabindex"] == "0"
    assert marks[f"claim-{moved.start}"]["data-claimant"] == "Pier Gazette"  # the outlet's own voice
    assert not any(tag == "svg" for tag, _ in dom.elements)
    assert "The <i>pier</i> was built in 1953 by the navy" in dom.text
    (toggle,) = [i for i in dom.tags("input") if i.get("id") == "show-claims"]
    assert toggle["type"] == "checkbox" and "checked" in toggle
    assert "#show-claims:not(:checked) ~ .article-layout .c {" in css  # the filter works without script
    links = [a["href"] for a in dom.tags("a") if a.get("href", "").startswith("#claim-")]
    assert links == [f"#claim-{built.start}", f"#claim-{moved.start}"]


def test_a_claims_highlight_covers_exactly_its_text():
    analysis = claimed_analysis()
    view = build_view(analysis)
    for claim in analysis.claims:
        first = next(i for i, s in enumerate(view.segments) if s.claim and s.claim["start"] == claim.start)
        last = next(i for i in range(first, len(view.segments)) if view.segments[i].claim_ends)
        assert "".join(s.text for s in view.segments[first:last + 1]) == claim.text


def test_the_analyze_form_reads_a_page_by_its_address(client, monkeypatch):
    from support.news_site import news_site

    with news_site() as site:
        refused = client.post("/analyze", data={"address": f"{site}/story"})
        assert refused.status_code == 400  # a server does not fetch from its own network by default
        assert "is a private or local address (127.0.0.1)" in Dom(refused.text).text
        kept = [t.get("value") for t in Dom(refused.text).tags("input") if t.get("id") == "address"]
        assert kept == [f"{site}/story"]
        monkeypatch.setenv("PRESSLENS_FETCH_PRIVATE_ADDRESSES", "1")
        response = client.post("/analyze", data={"address": f"{site}/story"})
    assert response.status_code == 200, response.text
    dom = Dom(response.text)
    assert "Ferry fares rise on the island" in dom.text and "Island Gazette" in dom.text and "not stored" in dom.text

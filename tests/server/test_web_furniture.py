"""The article page draws site furniture dimmed and says what it is, and shows an undated
article's dates in words ("a Thursday"), never as codes; articles written for this test."""

from __future__ import annotations

from fastapi.testclient import TestClient

from presslens.config import Settings
from presslens.server.app import create_app
from presslens.server.pages.article_view import build_view
from presslens.store import open_store
from support.dom import Dom, assert_inert
from support.furnished import CAPTION, CLAIM, furnished
from support.web_corpus import build_store


def test_furniture_is_drawn_dimmed_with_what_it_is_and_the_rest_is_not():
    view = build_view(furnished())
    dimmed = "".join(s.text for s in view.segments if s.furniture)
    assert dimmed == CAPTION + "Sign up for Daily Newsletters"
    assert [s.furniture["label"] for s in view.segments if s.furniture and s.furniture["first"]] == [
        "photo caption", "sign up box"]
    assert not any(s.furniture for s in view.segments if CLAIM[:20] in s.text)


def test_the_stored_page_labels_furniture_escaped_and_says_dates_in_words(tmp_path):
    url = build_store(tmp_path / "web.db")
    analysis = furnished()
    with open_store(url) as store:
        store.add_articles([analysis.article])
        store.save_analysis(analysis)
        assert store.get_analysis(analysis.article.id).furniture == analysis.furniture
    with TestClient(create_app(Settings(db=url))) as client:
        html = client.get(f"/articles/{analysis.article.id}").text
    dom = Dom(html)
    assert_inert(dom)
    dimmed = dom.tags("span", "furn")
    assert dimmed and all(s["title"].startswith("Left out: ") for s in dimmed)
    assert {s["title"] for s in dom.tags("span", "furn-label")} == {
        "Left out: photo caption. A photo caption or credit.",
        "Left out: sign up box. A newsletter, app or sign-up box."}
    assert "left out: photo caption" in dom.text
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "a Thursday" in dom.text
    assert "XXXX" not in dom.text

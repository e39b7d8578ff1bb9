"""Technique marks on the article page: strength by score, and the reader's threshold
(`?min_score=`, default from the model card) deciding which spans are marked and counted."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from presslens.analysis import Analysis, TechniqueSpan
from presslens.analyzers.techniques.component import LAYER_MIN_SCORE, MODEL_DIR, SHOWN_MIN_SCORE
from presslens.article import Article
from presslens.config import Settings
from presslens.server.app import create_app
from presslens.server.pages.article_view import build_view
from support.web_corpus import HARBOUR_ID, build_store


@pytest.fixture()
def client(tmp_path):
    with TestClient(create_app(Settings(db=build_store(tmp_path / "web.db"))), raise_server_exceptions=False) as c:
        yield c


def marks(html: str) -> dict[str, str]:
    """Each technique span's label -> the classes of its first segment."""
    found = {}
    for classes, label in re.findall(r'<span class="(t [^"]*)" data-label="([^"]*)"', html):
        found.setdefault(label, classes)
    return found


def legend_counts(html: str) -> dict[str, str]:
    return dict(re.findall(r'<li data-label="([^"]*)">.*?<span class="count">×(\d+)</span>', html))


def test_the_default_threshold_is_the_one_the_model_card_documents():
    card = (MODEL_DIR / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert f"The article page marks spans scoring {SHOWN_MIN_SCORE} or more" in card
    assert f"keeps spans scoring {LAYER_MIN_SCORE} or more" in card
    assert LAYER_MIN_SCORE < SHOWN_MIN_SCORE < 1


def test_a_lines_strength_follows_the_score(client):
    html = client.get(f"/articles/{HARBOUR_ID}").text
    classes = marks(html)
    assert "strength-4" in classes["Loaded language"].split()  # 0.91
    assert "strength-3" in classes["Appeal to fear, prejudice"].split()  # 0.64
    assert "The stronger the line, the higher the score" in html


def test_a_threshold_in_the_address_marks_and_counts_only_the_spans_reaching_it(client):
    default = client.get(f"/articles/{HARBOUR_ID}").text
    assert "3 of 3 spans marked (score 0.30 or more)" in default
    assert not any("below" in c.split() for c in marks(default).values())
    raised = client.get(f"/articles/{HARBOUR_ID}", params={"min_score": "0.7"}).text
    assert 'name="min_score" type="number" min="0" max="1" step="0.05" value="0.70"' in raised
    assert "2 of 3 spans marked (score 0.70 or more)" in raised
    assert "below" in marks(raised)["Appeal to fear, prejudice"].split()
    assert "below" not in marks(raised)["Loaded language"].split()
    assert legend_counts(raised) \
        == {"Loaded language": "1", "Name calling, labeling": "1", "Appeal to fear, prejudice": "0"}
    # A span under the threshold is no focus stop: three spans, two reached.
    assert len(re.findall(r'data-first="1" tabindex="0"', raised)) == 2


def test_a_threshold_that_is_not_a_score_is_a_400_naming_it(client):
    for value in ("high", "1.5", "-0.1", "nan"):
        response = client.get(f"/articles/{HARBOUR_ID}", params={"min_score": value})
        assert response.status_code == 400, value
        assert "min_score" in response.text


def test_a_weak_span_is_drawn_faint_and_hidden_under_the_default_threshold():
    text = "It was a day like the others."
    view = build_view(Analysis(article=Article(text=text), techniques=[
        TechniqueSpan(0, 6, "It was", "Doubt", 0.25), TechniqueSpan(9, 12, "day", "Slogans", 0.85)]))
    by_label = {m.label: m for s in view.segments for m in s.techniques}
    assert (by_label["Doubt"].strength, by_label["Doubt"].shown) == (1, False)
    assert (by_label["Slogans"].strength, by_label["Slogans"].shown) == (4, True)
    assert (view.spans_found, view.spans_shown) == (2, 1)
    assert {row["label"]: row["count"] for row in view.legend} == {"Slogans": 1, "Doubt": 0}

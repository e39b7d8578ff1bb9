"""The REST API through FastAPI's test client, over a real SQLite store under tmp_path."""

from __future__ import annotations

import csv
import io
import json
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from presslens.article import Article
from presslens.config import Settings
from presslens.errors import DroppedFieldWarning
from presslens.server.app import create_app
from support.web_corpus import COURIER_ID, HARBOUR_ID, HARBOUR_TEXT, HOSTILE_ID, HOSTILE_OUTLET, build_store

TOKEN = "test-token-123"


@pytest.fixture(scope="module")
def text_pipeline():
    """The real pipeline without the technique tagger, whose bundled model these tests
    do not need (the article view tests use fabricated techniques), nor the scores that
    require its layer."""
    from presslens.pipeline import COMPONENTS, Pipeline

    return Pipeline([c for c in COMPONENTS if c not in ("presslens_techniques", "presslens_scores")])


@pytest.fixture()
def store_url(tmp_path):
    return build_store(tmp_path / "api.db")


def make_client(store_url, pipeline=None, **settings) -> TestClient:
    app = create_app(Settings(db=store_url, **settings), pipeline=pipeline)
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture()
def client(store_url, text_pipeline):
    with make_client(store_url, text_pipeline, api_token=TOKEN) as c:
        yield c


def all_ids(client) -> list[str]:
    return [item["id"] for item in client.get("/api/articles").json()["items"]]


# --- /api/analyze ----------------------------------------------------------------------

def test_analyze_json_returns_the_contract_and_stores_nothing(client, text_pipeline):
    before = all_ids(client)
    text = 'Mayor Anna Holm said "the harbour will reopen" on Monday, 4 March 2024.'
    response = client.post("/api/analyze", json={"text": text, "title": "Harbour", "outlet": "Test Post"})
    assert response.status_code == 200
    body = response.json()
    # The document `presslens analyze --format json` prints, keys in the same order.
    expected = text_pipeline.analyze(Article(text=text, title="Harbour", outlet="Test Post")).to_dict()
    assert json.dumps(body) == json.dumps(expected)
    assert set(body) == {"article", "entities", "quotes", "time_refs", "claims", "techniques", "furniture", "scores",
                         "pipeline"}
    assert body["article"]["text"] == text
    assert body["article"]["outlet"] == "Test Post"
    assert body["quotes"] and body["time_refs"]  # Holm's quote and the date are found
    for layer in ("quotes", "time_refs"):
        for item in body[layer]:
            assert text[item["start"]:item["end"]] == item["text"]
    assert all_ids(client) == before


def test_analyze_reads_an_uploaded_html_file(client):
    page = (b"<html><head><title>Dry spring</title></head><body><p>Rain was scarce in April. The farmers of "
            b"the valley said the wells were low and the river was thin this year.</p></body></html>")
    response = client.post("/api/analyze", files={"file": ("page.html", page, "text/html")})
    assert response.status_code == 200
    assert response.json()["article"]["title"] == "Dry spring"
    assert "Rain was scarce in April." in response.json()["article"]["text"]


def test_an_uploaded_record_with_an_ambiguous_date_is_analysed_undated(client):
    record = json.dumps({"text": "The harbour reopened on Monday, the mayor said.", "published": "3/8/17"})
    with pytest.warns(DroppedFieldWarning):  # the library's warning, left to the server's log
        response = client.post("/api/analyze", files={"file": ("corpus.jsonl", record.encode(), "application/json")})
    assert response.status_code == 200
    assert response.json()["article"]["published"] is None


@pytest.mark.parametrize("kwargs, fragment", [
    ({"content": b"", "headers": {"content-type": "application/json"}}, "empty"),
    ({"content": b"{not json", "headers": {"content-type": "application/json"}}, "not valid JSON"),
    ({"json": {"title": "no text"}}, "text"),
    ({"json": {"text": "fine", "published": "yesterday"}}, "published"),
    ({"files": {"file": ("photo.jpg", b"\xff\xd8\xff\x00\x10JFIF\x00", "image/jpeg")}}, "photo.jpg"),
    ({"data": {"title": "only a title"}}, "paste some text"),
])
def test_bad_analyze_requests_get_a_400_naming_the_problem(client, kwargs, fragment):
    response = client.post("/api/analyze", **kwargs)
    assert response.status_code == 400
    assert fragment in response.json()["error"]


def test_a_body_over_the_cap_gets_413_json(store_url, text_pipeline):
    with make_client(store_url, text_pipeline, max_request_bytes=1000) as client:
        declared = client.post("/api/analyze", json={"text": "x" * 5000})
        assert declared.status_code == 413
        assert "too large" in declared.json()["error"]
        chunked = client.post("/api/analyze", content=iter([b'{"text": "', b"y" * 3000, b'"}']),
                              headers={"content-type": "application/json"})
        assert chunked.status_code == 413


class SlowPipeline:
    def analyze(self, article):
        time.sleep(1.0)
        raise AssertionError("should have been abandoned")


class BrokenPipeline:
    def analyze(self, article):
        raise RuntimeError("secret internal state /etc/passwd")


def test_an_analysis_past_its_time_limit_gets_504(store_url):
    with make_client(store_url, SlowPipeline(), analyze_timeout_s=0.2) as client:
        response = client.post("/api/analyze", json={"text": "Slow text."})
    assert response.status_code == 504
    assert "longer than 0.2 s" in response.json()["error"]


def test_a_request_still_queued_at_its_deadline_gets_503(store_url):
    with make_client(store_url, SlowPipeline(), analyze_timeout_s=0.3) as client:
        with ThreadPoolExecutor(2) as pool:
            responses = list(pool.map(lambda n: client.post("/api/analyze", json={"text": f"Text {n}."}), range(2)))
    # One analysis runs past its time (504); the other never got the worker (503).
    assert sorted(r.status_code for r in responses) == [503, 504]
    assert any("busy" in r.json()["error"] for r in responses)


def test_an_unexpected_failure_is_a_json_500_without_details(store_url):
    with make_client(store_url, BrokenPipeline()) as client:
        response = client.post("/api/analyze", json={"text": "Anything."})
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("application/json")
    assert "secret" not in response.text and "Traceback" not in response.text


# --- reading the store -----------------------------------------------------------------

def test_articles_page_through_every_article_once(client):
    seen, cursor = [], None
    for _ in range(5):
        params = {"limit": 1, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/articles", params=params).json()
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == sorted([HARBOUR_ID, COURIER_ID, HOSTILE_ID])


def test_articles_filter_by_outlet_and_date(client):
    by_outlet = client.get("/api/articles", params={"outlet": "Valley Courier"}).json()["items"]
    assert [item["id"] for item in by_outlet] == [COURIER_ID]
    march = client.get("/api/articles", params={"since": "2024-03-01", "until": "2024-03-31"}).json()["items"]
    assert sorted(item["id"] for item in march) == sorted([HARBOUR_ID, HOSTILE_ID])


def test_a_bad_cursor_or_limit_is_a_client_error(client):
    assert client.get("/api/articles", params={"cursor": "abc"}).status_code == 400
    assert client.get("/api/articles", params={"cursor": "²"}).status_code == 400
    response = client.get("/api/articles", params={"limit": 0})
    assert response.status_code == 422
    assert "limit" in response.json()["error"]


def test_one_article_comes_with_its_analysis(client):
    body = client.get(f"/api/articles/{HARBOUR_ID}").json()
    assert body["article"]["text"] == HARBOUR_TEXT
    techniques = sorted(t["technique"] for t in body["analysis"]["techniques"])
    assert techniques == ["Appeal_to_fear-prejudice", "Loaded_Language", "Name_Calling,Labeling"]
    missing = client.get("/api/articles/0000000000000000")
    assert missing.status_code == 404
    assert "not found" in missing.json()["error"]


def test_search_hits_carry_plain_snippets_with_highlight_offsets(client):
    hits = client.get("/api/search", params={"q": "drought"}).json()["items"]
    assert [h["article_id"] for h in hits] == [COURIER_ID]
    snippet = hits[0]["snippet"]
    assert any(snippet[s:e].lower() == "drought" for s, e in hits[0]["highlights"])
    assert client.get("/api/search").status_code == 400


def test_outlet_stats_give_rates_per_thousand_words(client):
    names = [o["name"] for o in client.get("/api/outlets").json()]
    assert sorted(names) == sorted(["Harbour Daily", "Valley Courier", HOSTILE_OUTLET])
    body = client.get("/api/outlets/Harbour Daily").json()
    (month,) = body["months"]
    assert month["month"] == "2024-03"
    assert month["articles"] == 1 and month["words"] > 0
    assert month["technique_rates"]["Loaded_Language"] == pytest.approx(1000 / month["words"])
    assert body["speakers"][0]["name"] == "Elena Ruiz"
    assert client.get("/api/outlets/harbour DAILY").json()["outlet"]["name"] == "Harbour Daily"
    assert client.get("/api/outlets/Nobody Weekly").status_code == 404


def test_speakers_and_their_quotes(client):
    names = [s["name"] for s in client.get("/api/speakers").json()]
    assert "Elena Ruiz" in names and "Tomas Berg" in names
    quotes = client.get("/api/speakers/Tomas Berg/quotes").json()["items"]
    assert [q["text"] for q in quotes] == ['"only a fool would ignore the drought"']


def test_entities_are_counted_under_all_their_names(client):
    entities = {e["name"]: e for e in client.get("/api/entities").json()}
    assert entities["Elena Ruiz"]["mentions"] == 3


def test_exports_stream_csv_and_jsonl(client):
    response = client.get("/api/export/quotes", params={"format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 3
    lines = client.get("/api/export/techniques", params={"format": "jsonl"}).text.splitlines()
    assert len(lines) == 5 and all(json.loads(line)["technique"] for line in lines)
    assert client.get("/api/export/passwords").status_code == 422


# --- writing -----------------------------------------------------------------------------

NEW_ARTICLE = {"text": "The port authority said on Friday that ferries would run again.", "outlet": "Test Post",
               "published": "2024-05-03", "title": "Ferries return"}


def test_without_a_configured_token_the_app_is_read_only(store_url, text_pipeline):
    with make_client(store_url, text_pipeline) as client:
        response = client.post("/api/articles", json=NEW_ARTICLE, headers={"Authorization": "Bearer anything"})
    assert response.status_code == 403
    assert "read-only" in response.json()["error"]


def test_a_wrong_or_missing_token_is_refused_and_nothing_is_stored(client):
    before = all_ids(client)
    assert client.post("/api/articles", json=NEW_ARTICLE).status_code == 401
    assert client.post("/api/articles", json=NEW_ARTICLE, headers={"Authorization": "Bearer nope"}).status_code == 401
    assert all_ids(client) == before


def test_storing_articles_analyses_them_once(client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    first = client.post("/api/articles", json=[NEW_ARTICLE], headers=auth)
    assert first.status_code == 200
    (new_id,) = first.json()["ids"]
    assert first.json()["added"] == 1
    again = client.post("/api/articles", json=NEW_ARTICLE, headers=auth).json()
    assert again["added"] == 0
    detail = client.get(f"/api/articles/{new_id}").json()
    assert detail["analysis"]["article"]["title"] == "Ferries return"
    assert all_ids(client).count(new_id) == 1


def test_one_bad_article_in_a_batch_stores_none(client):
    before = all_ids(client)
    batch = [NEW_ARTICLE, {"title": "no text here"}]
    response = client.post("/api/articles", json=batch, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 400
    assert "request body[1]" in response.json()["error"]
    assert all_ids(client) == before


def test_every_response_carries_the_content_security_policy(client):
    for path in ("/", "/api/outlets", "/static/app.css"):
        policy = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy

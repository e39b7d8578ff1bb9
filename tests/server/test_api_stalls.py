"""One request must not stall the server: store writes wait briefly for SQLite's write lock
(503 + Retry-After), analysed texts are capped (413), a deadline stops the analysis, and a
browser's cross-site POST is refused (403)."""

from __future__ import annotations

import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from presslens.analysis import Analysis
from presslens.config import Settings
from presslens.server.app import create_app
from support.web_corpus import build_store

TOKEN = "test-token-456"


class QuickPipeline:
    """Analyses nothing, at once: these tests are about the server around the pipeline."""

    def analyze(self, article):
        return Analysis(article=article, pipeline={"version": "test", "models": {}})


@pytest.fixture()
def db_path(tmp_path):
    path = tmp_path / "stalls.db"
    build_store(path)
    return path


def make_client(db_path, pipeline=None, **settings) -> TestClient:
    app = create_app(Settings(db=f"sqlite:///{db_path}", **settings), pipeline=pipeline or QuickPipeline())
    return TestClient(app, raise_server_exceptions=False)


def test_a_post_while_another_connection_holds_the_write_lock_gets_503_and_reads_go_on(db_path):
    locked, release = threading.Event(), threading.Event()

    def hold_the_lock() -> None:
        conn = sqlite3.connect(db_path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        locked.set()
        release.wait(30)
        conn.execute("ROLLBACK")
        conn.close()

    article = {"text": "The council met on Tuesday and voted to close the old pier.", "outlet": "Test Post"}
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with make_client(db_path, api_token=TOKEN, write_lock_timeout_s=1.0) as client:
        assert client.get("/api/articles").status_code == 200  # the store is open
        holder = threading.Thread(target=hold_the_lock)
        holder.start()
        try:
            assert locked.wait(10)
            with ThreadPoolExecutor(2) as pool:
                started = time.monotonic()
                post = pool.submit(client.post, "/api/articles", json=article, headers=headers)
                time.sleep(0.2)  # the POST is now waiting for the lock
                read_started = time.monotonic()
                read = client.get("/api/articles")
                read_took = time.monotonic() - read_started
                response = post.result(timeout=20)
                post_took = time.monotonic() - started
        finally:
            release.set()
            holder.join()
        assert read.status_code == 200 and read_took < 1.0
        assert response.status_code == 503, response.text
        assert post_took < 5
        assert int(response.headers["retry-after"]) >= 1
        assert "write lock" in response.json()["error"]
        # once the lock is free, the same POST stores the article
        stored = client.post("/api/articles", json=article, headers=headers)
        assert stored.status_code == 200, stored.text
        assert stored.json()["added"] == 1


def test_a_text_over_the_analysed_size_limit_gets_413_naming_the_limit(db_path):
    with make_client(db_path, api_token=TOKEN, max_analyze_chars=1000) as client:
        response = client.post("/api/analyze", json={"text": "word " * 300})
        assert response.status_code == 413
        message = response.json()["error"]
        assert "1,500 characters" in message and "1,000" in message and "PRESSLENS_MAX_ANALYZE_CHARS" in message
        assert "\n" not in message
        form = client.post("/api/analyze", files={"file": ("long.txt", b"Long.\n\n" + b"word " * 300, "text/plain")})
        assert form.status_code == 413
        page = client.post("/analyze", data={"text": "word " * 300})
        assert page.status_code == 413 and "PRESSLENS_MAX_ANALYZE_CHARS" in page.text
        stored = client.post(
            "/api/articles", json={"text": "word " * 300}, headers={"Authorization": f"Bearer {TOKEN}"}
        )
        assert stored.status_code == 413
        assert client.post("/api/analyze", json={"text": "word " * 100}).status_code == 200


class StoppablePipeline:
    """Three slow steps; asks `should_stop` before each, as presslens's Pipeline does."""

    def __init__(self) -> None:
        self.steps_run = 0
        self.stopped = threading.Event()

    def analyze(self, article, should_stop=None):
        for _ in range(3):
            if should_stop is not None and should_stop():
                self.stopped.set()
                raise RuntimeError("stopped")
            time.sleep(0.3)
            self.steps_run += 1
        return Analysis(article=article, pipeline={"version": "test", "models": {}})


def test_the_deadline_stops_the_analysis_at_its_next_step(db_path):
    pipeline = StoppablePipeline()
    with make_client(db_path, pipeline, analyze_timeout_s=0.4) as client:
        response = client.post("/api/analyze", json={"text": "Slow text."})
        assert response.status_code == 504
        assert pipeline.stopped.wait(2)
    assert pipeline.steps_run == 2


def test_the_real_pipeline_stops_between_components(pipeline):
    from presslens.article import Article
    from presslens.errors import AnalysisTimeout

    asked = []

    def stop_after_two() -> bool:
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(AnalysisTimeout, match="stopped before"):
        pipeline.analyze(Article(text="The mayor spoke on Monday."), should_stop=stop_after_two)
    assert len(asked) == 3


TEXT_FORM = {"text": "Mayor Anna Holm said the harbour will reopen."}


@pytest.mark.parametrize("path", ["/analyze", "/api/analyze"])
def test_a_cross_site_form_post_is_refused_and_same_origin_or_curl_work(db_path, path):
    with make_client(db_path) as client:
        for headers in ({"Origin": "https://evil.example"}, {"Origin": "null"}, {"Sec-Fetch-Site": "cross-site"},
                        {"Sec-Fetch-Site": "same-site"}, {"Origin": "http://testserver.evil.example"}):
            refused = client.post(path, data=TEXT_FORM, headers=headers)
            assert refused.status_code == 403, headers
            assert "cross-site request refused" in refused.text
        for headers in ({"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"},
                        {"Sec-Fetch-Site": "same-origin"}, {}):
            assert client.post(path, data=TEXT_FORM, headers=headers).status_code == 200, headers
    if path.startswith("/api"):
        assert refused.json()["error"].startswith("cross-site request refused")

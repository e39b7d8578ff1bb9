"""A long text's analysis as a job (server/jobs.py): 202 with the job's address, progress while
it runs, and the analysis the CLI gives once done; unknown and expired jobs, a full queue, and
the /analyze page that follows a job."""

from __future__ import annotations

import json
import threading
import time

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from presslens.analysis import Analysis
from presslens.article import Article
from presslens.cli import app as cli_app
from presslens.config import Settings
from presslens.server.app import create_app
from support.web_corpus import build_store

# Written for these tests; long enough to pass the small quick-answer limit they set.
FERRY_REPORT = (
    'Harbour master Lena Vik said on Tuesday, 5 March 2024, that "the night ferry will not sail until the pier '
    'is repaired". The council had promised the repairs by the end of January, but the work stopped when the '
    "contractor left the site.\n\n"
    "Shop owners on the quay say the closure has cost them a third of their winter trade. "
    '"We were told it would take a fortnight," said Tomas Berg, who runs the cafe by the ticket office. '
    "The council's transport committee meets again next Thursday to choose a new contractor."
)
QUICK_CHARS = 200


def wait_for_end(client: TestClient, url: str, limit_s: float = 300) -> tuple[dict, list[tuple[int, int]]]:
    """Polls the job until it is done or failed; returns its last state and the progress seen on the way."""
    seen = []
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        state = client.get(url).json()
        seen.append((state["done"], state["total"]))
        if state["state"] in ("done", "failed"):
            return state, seen
        time.sleep(0.05)
    raise AssertionError(f"the job at {url} did not end within {limit_s} s")


@pytest.fixture()
def store_url(tmp_path):
    return build_store(tmp_path / "jobs.db")


def test_a_long_text_gets_a_job_that_ends_with_the_analysis_the_cli_gives(store_url, pipeline, tmp_path):
    with TestClient(create_app(Settings(db=store_url, analyze_quick_chars=QUICK_CHARS))) as client:
        answer = client.post("/api/analyze", json={"text": FERRY_REPORT, "outlet": "Quay Post"})
        assert answer.status_code == 202
        job = answer.json()
        assert job["state"] in ("queued", "running") and job["result"] is None
        assert answer.headers["location"] == job["url"] == f"/api/analyze/jobs/{job['job']}"
        state, seen = wait_for_end(client, job["url"])

    assert state["state"] == "done", state["error"]
    assert state["done"] == state["total"] == len(pipeline.nlp.pipe_names)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)  # progress only goes forward
    source = tmp_path / "ferry.json"
    source.write_text(json.dumps({"text": FERRY_REPORT, "outlet": "Quay Post"}), encoding="utf-8")
    printed = CliRunner().invoke(cli_app, ["analyze", str(source), "--format", "json"], catch_exceptions=False)
    assert printed.exit_code == 0
    assert state["result"] == json.loads(printed.stdout)


def test_a_short_text_is_still_answered_at_once(store_url, pipeline):
    with TestClient(create_app(Settings(db=store_url, analyze_quick_chars=len(FERRY_REPORT)))) as client:
        answer = client.post("/api/analyze", json={"text": FERRY_REPORT})
    assert answer.status_code == 200
    assert answer.json()["quotes"]


def test_an_unknown_or_malformed_job_id_is_a_404(store_url):
    with TestClient(create_app(Settings(db=store_url))) as client:
        for job_id in ("A" * 24, "not-a-job", "%2e%2e%2fjobs"):
            answer = client.get(f"/api/analyze/jobs/{job_id}")
            assert answer.status_code == 404
            assert "not found" in answer.json()["error"].lower() and "\n" not in answer.json()["error"]
        assert client.get(f"/analyze/jobs/{'B' * 24}").status_code == 404


class HeldPipeline:
    """Analyses only once `go` is set, so a job can be kept running for as long as a test needs."""

    def __init__(self) -> None:
        self.go = threading.Event()

    def analyze(self, article: Article) -> Analysis:
        self.go.wait(30)
        return Analysis(article=article)


def test_past_its_limit_of_jobs_a_worker_answers_503_in_one_line(store_url):
    held = HeldPipeline()
    settings = Settings(db=store_url, analyze_quick_chars=QUICK_CHARS, analyze_jobs=1)
    with TestClient(create_app(settings, pipeline=held), raise_server_exceptions=False) as client:
        first = client.post("/api/analyze", json={"text": FERRY_REPORT})
        second = client.post("/api/analyze", json={"text": FERRY_REPORT})
        held.go.set()
        state, _ = wait_for_end(client, first.json()["url"])
        third = client.post("/api/analyze", json={"text": FERRY_REPORT})  # the slot is free again
    assert first.status_code == 202 and third.status_code == 202
    assert second.status_code == 503
    assert "busy" in second.json()["error"] and "\n" not in second.json()["error"]
    assert state["state"] == "done" and state["result"]["article"]["text"] == FERRY_REPORT


def test_a_job_expires_after_its_time(store_url):
    held = HeldPipeline()
    held.go.set()
    settings = Settings(db=store_url, analyze_quick_chars=QUICK_CHARS, analyze_job_ttl_s=0.5)
    with TestClient(create_app(settings, pipeline=held)) as client:
        job = client.post("/api/analyze", json={"text": FERRY_REPORT}).json()
        state, _ = wait_for_end(client, job["url"])
        time.sleep(1.0)
        gone = client.get(job["url"])
    assert state["state"] == "done"
    assert gone.status_code == 404


def test_the_analyze_page_follows_a_long_text_s_job_then_shows_the_article(store_url):
    held = HeldPipeline()
    settings = Settings(db=store_url, analyze_quick_chars=QUICK_CHARS)
    with TestClient(create_app(settings, pipeline=held)) as client:
        posted = client.post("/analyze", data={"text": FERRY_REPORT}, follow_redirects=False)
        assert posted.status_code == 303
        page_url = posted.headers["location"]
        waiting = client.get(page_url)
        held.go.set()
        wait_for_end(client, page_url.replace("/analyze/jobs/", "/api/analyze/jobs/"))
        result = client.get(page_url)
    assert waiting.status_code == 200
    assert 'src="/static/analysis_job.js"' in waiting.text and "<progress" in waiting.text
    assert result.status_code == 200
    assert "Harbour master Lena Vik" in result.text and "<progress" not in result.text

"""`presslens serve` as a real subprocess on a free loopback port, fetched over HTTP."""

from __future__ import annotations

import subprocess

import httpx

from support.serve import PRESSLENS, free_port, served
from support.web_corpus import HARBOUR_ID, build_store


def test_presslens_serve_serves_pages_and_api_on_loopback(tmp_path):
    with served(build_store(tmp_path / "serve.db")) as base:
        assert base.startswith("http://127.0.0.1:")
        page = httpx.get(f"{base}/articles/{HARBOUR_ID}")
        assert page.status_code == 200
        assert "Harbour council approves the new bridge" in page.text
        assert "content-security-policy" in page.headers
        outlets = httpx.get(f"{base}/api/outlets").json()
        assert "Harbour Daily" in [o["name"] for o in outlets]
        write = httpx.post(f"{base}/api/articles", json={"text": "A new article."})
        assert write.status_code == 403  # no PRESSLENS_API_TOKEN in this environment


def test_serve_answers_only_the_hosts_it_serves(tmp_path):
    options = ("--allowed-host", "news.example", "--allowed-host", "desk.example")
    with served(build_store(tmp_path / "hosts.db"), options=options, PRESSLENS_ALLOWED_HOSTS="wire.example") as base:
        for host in ("127.0.0.1", "localhost", "news.example", "desk.example:8000", "wire.example"):
            assert httpx.get(f"{base}/api/overview", headers={"Host": host}).status_code == 200, host
        rebound = httpx.post(f"{base}/api/analyze", json={"text": "The pier reopens."},
                             headers={"Host": "evil.example", "Origin": "http://evil.example"})
        assert rebound.status_code == 400 and "'evil.example' is not served here" in rebound.json()["error"]


def test_serve_refuses_a_store_it_cannot_open(tmp_path):
    result = subprocess.run(
        [str(PRESSLENS), "serve", "--db", "nosuchdb://x", "--port", str(free_port())],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("error:") and "Traceback" not in result.stderr

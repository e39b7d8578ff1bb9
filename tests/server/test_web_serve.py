"""`presslens serve` as a real subprocess on a free loopback port, fetched over HTTP."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

import httpx

from presslens.cli.serve import bound_socket
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


def test_with_several_workers_a_job_taken_by_one_is_followed_through_any(tmp_path):
    """Each poll comes on a new connection, which any of the workers may accept."""
    text = ("The harbour council met on Monday and voted to repair the old pier before the summer season. "
            '"We cannot wait another year," said councillor Mira Dahl after the vote.\n\n') * 4
    with served(build_store(tmp_path / "workers.db"), options=("--workers", "3"),
                PRESSLENS_ANALYZE_QUICK_CHARS="200") as base:
        answer = httpx.post(f"{base}/api/analyze", json={"text": text})
        assert answer.status_code == 202
        polls = []
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            poll = httpx.get(base + answer.json()["url"], headers={"Connection": "close"})
            polls.append(poll.status_code)
            if poll.status_code != 200 or poll.json()["state"] in ("done", "failed"):
                break
            time.sleep(0.2)
    assert set(polls) == {200}
    assert poll.json()["state"] == "done" and poll.json()["result"]["article"]["text"] == text


def test_the_server_s_connections_send_at_once_without_nagle_s_wait():
    """A response written in two parts (headers, body) must not wait for the client's
    delayed ACK: asyncio turns Nagle off only on a listener made for TCP."""
    listener = bound_socket("127.0.0.1", 0)
    nodelay = []

    async def accept_one() -> None:
        def connected(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            nodelay.append(writer.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(connected, sock=listener)
        _, writer = await asyncio.open_connection(*listener.getsockname())
        while not nodelay:
            await asyncio.sleep(0.01)
        writer.close()
        server.close()

    # in a thread of its own: a browser test's Playwright may hold this thread's event loop
    with ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, accept_one()).result()
    assert nodelay[0] != 0

"""The micro-cache of read requests (server/page_cache.py): what a reader sees after writes
by this server and by another process, and that many identical requests cost one answer."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from fastapi.testclient import TestClient

from presslens.article import Article
from presslens.config import Settings
from presslens.server.app import create_app
from presslens.server.page_cache import MAX_TOTAL_BYTES, PageCache
from presslens.store import open_store
from support.web_corpus import build_store

TOKEN = "cache-token"
LATE = Article(
    outlet="Late Gazette", title="Ferry delayed", text="The morning ferry was delayed by fog again on Friday."
)
VIA_API = {"text": "The council approved the new pier after a long debate on Thursday.", "outlet": "Pier News"}


def outlet_names(client) -> list[str]:
    return [o["name"] for o in client.get("/api/outlets").json()]


def test_another_process_s_write_shows_once_the_answer_expires_and_a_write_here_shows_at_once(tmp_path):
    url = build_store(tmp_path / "cache.db")
    with TestClient(create_app(Settings(db=url, api_token=TOKEN, page_cache_s=60))) as client:
        before = outlet_names(client)
        with open_store(url) as other_process:
            other_process.add_articles([LATE])
        assert outlet_names(client) == before  # kept for up to 60 s here
        stored = client.post("/api/articles", json=VIA_API, headers={"Authorization": f"Bearer {TOKEN}"})
        assert stored.status_code in (200, 201)
        assert {"Late Gazette", "Pier News"} <= set(outlet_names(client))


def test_without_the_cache_every_read_sees_the_store_as_it_is(tmp_path):
    url = build_store(tmp_path / "nocache.db")
    with TestClient(create_app(Settings(db=url, page_cache_s=0))) as client:
        outlet_names(client)
        with open_store(url) as other_process:
            other_process.add_articles([LATE])
        assert "Late Gazette" in outlet_names(client)


class CountingApp:
    """An ASGI app that answers `status` after a pause, counting the answers it makes."""

    def __init__(self, status: int = 200) -> None:
        self.made = 0
        self.status = status

    async def __call__(self, scope, receive, send) -> None:
        self.made += 1
        await asyncio.sleep(0.05)
        await send({"type": "http.response.start", "status": self.status, "headers": []})
        await send({"type": "http.response.body", "body": f"answer {self.made}".encode()})


def run(coroutine):
    """asyncio.run in a thread of its own: a browser test's Playwright may hold this thread's loop."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


async def ask(app, path: str = "/outlets/Harbour") -> tuple[int, bytes]:
    sent = []

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request", "body": b""}

    await app({"type": "http", "method": "GET", "path": path, "query_string": b""}, receive, send)
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def test_many_identical_requests_at_once_cost_one_answer():
    counting = CountingApp()
    cache = PageCache(counting, ttl_s=5)

    async def thirty_two():
        return await asyncio.gather(*(ask(cache) for _ in range(32)))

    answers = run(thirty_two())
    assert counting.made == 1
    assert set(answers) == {(200, b"answer 1")}


def test_errors_are_never_kept():
    counting = CountingApp(status=503)
    cache = PageCache(counting, ttl_s=5)

    async def twice():
        return [await ask(cache), await ask(cache)]

    assert run(twice()) == [(503, b"answer 1"), (503, b"answer 2")]


class LargeAnswers:
    """An ASGI app that answers every path with a body of `size` bytes, counting the answers it makes."""

    def __init__(self, size: int) -> None:
        self.made = 0
        self.size = size

    async def __call__(self, scope, receive, send) -> None:
        self.made += 1
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"x" * self.size})


def test_the_kept_answers_stay_within_their_byte_bound_and_the_latest_stay_kept():
    app = LargeAnswers(size=1_500_000)
    cache = PageCache(app, ttl_s=60)

    async def many_pages():
        for number in range(60):  # 90 MB of answers in all
            await ask(cache, f"/articles/{number}")
        await ask(cache, "/articles/59")  # the latest: still kept
        await ask(cache, "/articles/0")  # the first: dropped to make room, made again

    run(many_pages())
    assert cache.kept_bytes <= MAX_TOTAL_BYTES
    assert app.made == 61


def test_a_page_read_all_the_time_is_made_again_before_it_expires_so_no_reader_waits_for_it():
    counting = CountingApp()
    cache = PageCache(counting, ttl_s=1.0)

    async def read_through_expiry():
        first = await ask(cache)
        await asyncio.sleep(0.85)  # in its last fifth: answered from the cache, made again behind it
        late = await ask(cache)
        await asyncio.sleep(0.3)  # the first answer has expired; the one made again has not
        made_before_the_next_reader = counting.made
        later = await ask(cache)
        return first, late, made_before_the_next_reader, later

    first, late, made_before_the_next_reader, later = run(read_through_expiry())
    assert first == late == (200, b"answer 1")
    assert made_before_the_next_reader == 2  # made again by no reader
    assert later == (200, b"answer 2")
    assert counting.made == 2


class ListeningApp:
    """An ASGI app that, like a streaming answer, listens for the client leaving after it has
    read the request, and notes what that second receive() gave (None: it waited)."""

    def __init__(self) -> None:
        self.heard: list[str | None] = []

    async def __call__(self, scope, receive, send) -> None:
        await receive()
        try:
            self.heard.append((await asyncio.wait_for(receive(), 0.2))["type"])
        except asyncio.TimeoutError:
            self.heard.append(None)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": f"answer {len(self.heard)}".encode()})


def test_a_background_remake_behaves_as_a_client_that_stays():
    """Its receive() waits after the one request, as a connected client's does: answering the
    request again and again made a listening app spin the event loop."""
    listening = ListeningApp()
    cache = PageCache(listening, ttl_s=1.0)

    async def read_then_remake():
        await ask(cache)
        await asyncio.sleep(0.85)
        await ask(cache)  # starts the remake
        await asyncio.sleep(0.5)

    run(read_then_remake())
    assert len(listening.heard) == 2
    assert listening.heard[1] is None

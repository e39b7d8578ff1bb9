"""A micro-cache for read requests: identical GET requests within a few seconds share one
answer, so many readers of the same pages (the home page's overview of 37,000 articles, an
outlet's charts) cost the server one computation, not one each.

- Only GET and HEAD answers with status 200 and a body under MAX_BODY_BYTES are kept, for
  `ttl_s` seconds (Settings.page_cache_s, PRESSLENS_PAGE_CACHE_S; 0 turns the cache off),
  at most MAX_ENTRIES of them and MAX_TOTAL_BYTES of bodies in all, the least recently used
  dropped first. Exports stream and are never kept.
- Requests for the same URL that arrive while its answer is being made wait for that one
  answer instead of making their own.
- The first request for a kept answer in its last fifth of `ttl_s` gets it and has it made
  again in the background, so a page read all the time never makes its readers wait for
  it (every few seconds, for each worker), and no answer is older than `ttl_s`.
- A write through this server (any other method that succeeds, except the analyses that
  store nothing) empties the cache. A write by another process (an ingest beside the
  server) shows after at most `ttl_s` seconds.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_ENTRIES = 512
MAX_BODY_BYTES = 2_000_000
# What the kept bodies may weigh together, per server worker: 512 answers of up to 2 MB
# each could otherwise hold a gigabyte; the pages read most weigh 20-200 kB.
MAX_TOTAL_BYTES = 32_000_000
# Exports stream; a job's state changes as it runs.
NEVER_KEPT = ("/api/export", "/static/", "/api/analyze/jobs/", "/analyze/jobs/")
STORES_NOTHING = ("/api/analyze", "/analyze")
REFRESH_AFTER = 0.8  # of ttl_s
log = logging.getLogger("presslens.server.page_cache")


@dataclass
class Answer:
    refresh: float
    expires: float
    start: Message
    body: bytes


class PageCache:
    def __init__(self, app: ASGIApp, ttl_s: float) -> None:
        self.app = app
        self.ttl_s = ttl_s
        self.answers: OrderedDict[tuple, Answer] = OrderedDict()
        self.kept_bytes = 0
        self.making: dict[tuple, asyncio.Future] = {}
        self.refreshing: dict[tuple, asyncio.Task] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.ttl_s <= 0:
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        if scope["method"] not in ("GET", "HEAD"):
            await self._write(scope, receive, send, path)
            return
        if path.startswith(NEVER_KEPT):
            await self.app(scope, receive, send)
            return
        key = (scope["method"], path, scope.get("query_string", b""))
        answer = self._fresh(key, scope)
        if answer is None and key in self.making:
            answer = await asyncio.shield(self.making[key])
            if answer is None:  # that answer was not one to keep (an error, a large body): make our own
                await self.app(scope, receive, send)
                return
        if answer is None:
            await self._make(key, scope, receive, send)
            return
        await send(answer.start)
        await send({"type": "http.response.body", "body": answer.body})

    def _fresh(self, key: tuple, scope: Scope) -> Answer | None:
        answer = self.answers.get(key)
        now = time.monotonic()
        if answer is None or answer.expires < now:
            return None
        self.answers.move_to_end(key)
        if answer.refresh <= now and key not in self.making and key not in self.refreshing:
            self.refreshing[key] = asyncio.get_running_loop().create_task(self._refresh(key, dict(scope)))
        return answer

    async def _refresh(self, key: tuple, scope: Scope) -> None:
        """Makes the answer for `key` again, for the requests to come, unless a request that
        missed is making it already (between this task's creation and its start)."""
        asked = False

        async def no_body() -> Message:
            nonlocal asked
            if asked:  # as a client that stays: nothing more until the answer is sent
                await asyncio.Event().wait()
            asked = True
            return {"type": "http.request", "body": b"", "more_body": False}

        async def discard(message: Message) -> None:
            pass

        try:
            if key not in self.making:
                await self._make(key, scope, no_body, discard)
        except Exception:  # no client to tell: the next request that misses makes its own
            log.exception("refreshing the kept answer for %s failed", scope["path"])
        finally:
            del self.refreshing[key]

    async def _make(self, key: tuple, scope: Scope, receive: Receive, send: Send) -> None:
        """Runs the app for the first of the requests for `key`, passing its answer on as it
        comes and keeping it if it may be kept; the others waiting get it (or None)."""
        made: asyncio.Future = asyncio.get_running_loop().create_future()
        self.making[key] = made
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0

        async def keep_and_send(message: Message) -> None:
            nonlocal start, size
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                size += len(message.get("body", b""))
                if size <= MAX_BODY_BYTES:
                    chunks.append(message.get("body", b""))
            await send(message)

        answer = None
        try:
            await self.app(scope, receive, keep_and_send)
            if start is not None and start["status"] == 200 and size <= MAX_BODY_BYTES:
                now = time.monotonic()
                answer = Answer(now + REFRESH_AFTER * self.ttl_s, now + self.ttl_s, start, b"".join(chunks))
                self._keep(key, answer)
        finally:
            if self.making.get(key) is made:
                del self.making[key]
            made.set_result(answer)

    def _keep(self, key: tuple, answer: Answer) -> None:
        """Keeps the answer, then drops the least recently used ones past either bound."""
        replaced = self.answers.pop(key, None)
        if replaced is not None:
            self.kept_bytes -= len(replaced.body)
        self.answers[key] = answer
        self.kept_bytes += len(answer.body)
        while len(self.answers) > MAX_ENTRIES or self.kept_bytes > MAX_TOTAL_BYTES:
            _, dropped = self.answers.popitem(last=False)
            self.kept_bytes -= len(dropped.body)

    async def _write(self, scope: Scope, receive: Receive, send: Send, path: str) -> None:
        status = 500

        async def watch(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        await self.app(scope, receive, watch)
        if status < 400 and path not in STORES_NOTHING:
            self.answers.clear()
            self.kept_bytes = 0

"""What the app shares between requests: the store (opened on first use) and the
pipeline, run in one worker thread with a time limit per request."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable

from presslens.analysis import Analysis
from presslens.article import Article
from presslens.config import Settings
from presslens.errors import AnalysisTimeout, ServiceUnavailable


class Resources:
    def __init__(self, settings: Settings, pipeline=None) -> None:
        self.settings = settings
        self._pipeline = pipeline
        self._store = None
        self._lock = threading.Lock()
        # One worker: the spaCy pipeline is not meant to be shared between threads,
        # and a second worker would only split the same CPU.
        self._executor: ThreadPoolExecutor | None = None

    @property
    def store(self):
        with self._lock:
            if self._store is None:
                # deferred: SQLAlchemy and the store open with the first request that needs them
                from presslens.store import open_store

                self._store = open_store(self.settings.db)
            return self._store

    @property
    def pipeline(self):
        if self._pipeline is None:
            # deferred: spaCy and the models load with the first analysis
            from presslens.pipeline import default_pipeline

            self._pipeline = default_pipeline()
        return self._pipeline

    def analyze_one(self, article: Article) -> Analysis:
        return self.pipeline.analyze(article)

    async def run_bounded(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Runs fn(*args) on the analysis worker; 503 if it waited its whole time in
        the queue, 504 if it started but did not finish in time."""
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="presslens-analyze")
            executor = self._executor
        timeout = self.settings.analyze_timeout_s
        future: Future = executor.submit(fn, *args)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout)
        except asyncio.TimeoutError:
            if future.cancel():
                raise ServiceUnavailable(f"the server is busy: the analysis did not start within {timeout:g} s") from None
            raise AnalysisTimeout(f"the analysis took longer than {timeout:g} s and was abandoned") from None

    async def analyze(self, article: Article) -> Analysis:
        return await self.run_bounded(self.analyze_one, article)

    def close(self) -> None:
        with self._lock:
            if self._executor is not None:
                self._executor.shutdown(wait=False, cancel_futures=True)
                self._executor = None
            if self._store is not None:
                self._store.close()
                self._store = None

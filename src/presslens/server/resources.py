"""What the app shares between requests: the store (opened on first use) and the
pipeline, run in one worker thread with a time limit per request, or a component at a
time for a long text's job (server/jobs.py).

Blocking work never runs on the event loop: analyses go to the one analysis worker
(`run_bounded`), store writes to starlette's thread pool (`store_analysed`, called through
`run_in_threadpool`), and those writes wait at most `Settings.write_lock_timeout_s` for
SQLite's write lock before answering 503 with a Retry-After."""

from __future__ import annotations

import asyncio
import inspect
import math
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from presslens.analysis import Analysis
from presslens.article import Article, check_length
from presslens.config import Settings
from presslens.errors import AnalysisTimeout, ServiceUnavailable, StoreBusy
from presslens.server.jobs import AnalysisJobs


class Resources:
    def __init__(self, settings: Settings, pipeline=None) -> None:
        self.settings = settings
        self._pipeline = pipeline
        self._store = None
        self._lock = threading.Lock()
        self._pipeline_lock = threading.Lock()
        # One worker: the spaCy pipeline is not meant to be shared between threads,
        # and a second worker would only split the same CPU.
        self._executor: ThreadPoolExecutor | None = None
        # Per thread: the stop flag of the analysis running there, and whether this thread's
        # store connections should wait only briefly for the write lock.
        self._local = threading.local()
        self._short_lock_engine = None
        self._jobs: AnalysisJobs | None = None
        self._own_jobs_dir: Path | None = None  # made here when the settings name none, removed on close

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
        # a job's thread and the analysis worker may both ask first: one loads it
        with self._pipeline_lock:
            if self._pipeline is None:
                # deferred: spaCy and the models load with the first analysis
                from presslens.pipeline import default_pipeline

                self._pipeline = default_pipeline()
            return self._pipeline

    @property
    def jobs(self) -> AnalysisJobs:
        """The analysis jobs (server/jobs.py), their folder made on first use unless the settings name one."""
        with self._lock:
            if self._jobs is None:
                folder = self.settings.jobs_dir
                if folder is None:
                    folder = self._own_jobs_dir = Path(tempfile.mkdtemp(prefix="presslens-jobs-"))
                self._jobs = AnalysisJobs(self, folder)
            return self._jobs

    def is_long(self, article: Article) -> bool:
        """Whether the article's text is past `Settings.analyze_quick_chars`: analysed as a job."""
        return len(article.text) > self.settings.analyze_quick_chars

    def check_size(self, articles: list[Article]) -> None:
        """TooLargeError (413) for a text over `Settings.max_analyze_chars`, before any work."""
        for article in articles:
            check_length(article, self.settings.max_analyze_chars, "PRESSLENS_MAX_ANALYZE_CHARS")

    def analyze_one(self, article: Article) -> Analysis:
        """Analyses on the analysis worker; past the deadline the pipeline stops at its next
        component (when it takes `should_stop`, as presslens's Pipeline does)."""
        stop: threading.Event | None = getattr(self._local, "stop", None)
        analyze = self.pipeline.analyze
        if stop is not None and "should_stop" in inspect.signature(analyze).parameters:
            return analyze(article, should_stop=stop.is_set)
        return analyze(article)

    def store_analysed(self, articles: list[Article], analyses: list[Analysis]) -> int:
        """Stores the articles and their analyses; returns how many articles were new. Blocking:
        run it in a worker thread. StoreBusy (503) when the write lock stays held by another
        connection for longer than `write_lock_timeout_s`; storing again is harmless."""
        store = self.store
        try:
            with self._short_lock_wait(store):
                added = store.add_articles(articles)
                store.save_analyses(analyses)
        except Exception as exc:
            if _locked(exc):
                retry = max(1, math.ceil(self.settings.write_lock_timeout_s * 2))
                raise StoreBusy(
                    f"the store is busy: another process holds its write lock; try again in {retry} s",
                    retry_after=retry,
                ) from exc
            raise
        return added

    @contextmanager
    def _short_lock_wait(self, store) -> Iterator[None]:
        """SQLite only: the connections this thread checks out wait `write_lock_timeout_s` for a
        lock instead of the store's usual 30 s (set on checkout, restored on checkin)."""
        if store.dialect == "sqlite" and self._short_lock_engine is not store.engine:
            from sqlalchemy import event  # deferred with the store

            event.listen(store.engine, "checkout", self._on_checkout)
            event.listen(store.engine, "checkin", self._on_checkin)
            self._short_lock_engine = store.engine
        self._local.short_lock = True
        try:
            yield
        finally:
            self._local.short_lock = False

    def _on_checkout(self, dbapi_connection, record, _proxy) -> None:
        if getattr(self._local, "short_lock", False):
            record.info["busy_timeout"] = dbapi_connection.execute("PRAGMA busy_timeout").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA busy_timeout={int(self.settings.write_lock_timeout_s * 1000)}")

    def _on_checkin(self, dbapi_connection, record) -> None:
        previous = record.info.pop("busy_timeout", None)
        if previous is not None and dbapi_connection is not None:
            dbapi_connection.execute(f"PRAGMA busy_timeout={int(previous)}")

    def analysis_steps(self, article: Article) -> Generator[tuple[int, int], None, Analysis]:
        """The article's analysis as steps of one component (nothing runs until the first
        step); a pipeline without `analyze_in_steps` (a stand-in) in one step."""
        pipeline = self.pipeline
        if hasattr(pipeline, "analyze_in_steps"):
            return pipeline.analyze_in_steps(article)
        return _in_one_step(pipeline, article)

    def analysis_step(self, steps: Generator[tuple[int, int], None, Analysis]) -> tuple[bool, Any]:
        """Runs the next step on the analysis worker, behind the analyses queued before it, and
        waits for it: (False, (done, total)), or (True, the Analysis) once there are no more."""

        def step() -> tuple[bool, Any]:
            try:
                return False, next(steps)
            except StopIteration as finished:
                return True, finished.value

        return self._analysis_worker().submit(step).result()

    def _analysis_worker(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="presslens-analyze")
            return self._executor

    async def run_bounded(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Runs fn(*args) on the analysis worker; 503 if it waited its whole time in
        the queue, 504 if it started but did not finish in time."""
        executor = self._analysis_worker()
        timeout = self.settings.analyze_timeout_s
        stop = threading.Event()

        def job() -> Any:
            self._local.stop = stop
            try:
                if stop.is_set():
                    raise AnalysisTimeout("abandoned before it started")
                return fn(*args)
            finally:
                self._local.stop = None

        future: Future = executor.submit(job)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout)
        except asyncio.TimeoutError:
            stop.set()
            if future.cancel():
                raise ServiceUnavailable(
                    f"the server is busy: the analysis did not start within {timeout:g} s"
                ) from None
            raise AnalysisTimeout(f"the analysis took longer than {timeout:g} s and was stopped") from None
        except BaseException:
            # the request itself was cancelled (client gone, shutdown): stop the work too
            stop.set()
            future.cancel()
            raise

    async def analyze(self, article: Article) -> Analysis:
        self.check_size([article])
        return await self.run_bounded(self.analyze_one, article)

    def close(self) -> None:
        with self._lock:
            if self._jobs is not None:
                self._jobs.close()
                self._jobs = None
            if self._own_jobs_dir is not None:
                shutil.rmtree(self._own_jobs_dir, ignore_errors=True)
                self._own_jobs_dir = None
            if self._executor is not None:
                self._executor.shutdown(wait=False, cancel_futures=True)
                self._executor = None
            if self._store is not None:
                self._store.close()
                self._store = None


def _in_one_step(pipeline, article: Article) -> Generator[tuple[int, int], None, Analysis]:
    yield from ()  # a generator whose first step runs the whole analysis and ends it
    return pipeline.analyze(article)


def _locked(exc: BaseException | None) -> bool:
    """Whether SQLite's "database is locked" (or busy) is the error or one of its causes."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc)):
            return True
        exc = exc.__cause__ or exc.__context__ or getattr(exc, "orig", None)
    return False

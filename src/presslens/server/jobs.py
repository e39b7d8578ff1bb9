"""Analysis jobs: a text too long for a quick answer is analysed after the request has been
answered (202 with the job's address), and any request may ask how far it is.

A job's state is one JSON file in a folder that every server worker reads, so the poll
may reach another worker than the one that took the job. The worker that took it runs it
on its own analysis thread one pipeline component at a time (`Resources.analysis_step`),
so the quick analyses queued behind it get their turn between components; each step
rewrites the file with the components done. At most `Settings.analyze_jobs` jobs per
worker wait or run (one at a time), and a new one past that is a 503. A job's file is
removed `Settings.analyze_job_ttl_s` after its last change; its id then answers 404. Ids are
random (`secrets`), so one reader cannot see another's text by guessing.
"""

from __future__ import annotations

import ctypes
import json
import logging
import os
import re
import secrets
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from presslens.article import Article
from presslens.errors import NotFoundError, PresslensError, ServiceUnavailable

if TYPE_CHECKING:
    from presslens.server.resources import Resources

ID_BYTES = 18  # 144 random bits, 24 URL-safe characters
ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{24}")
log = logging.getLogger("presslens.server.jobs")


class AnalysisJobs:
    """This worker's analysis jobs, their state in `folder` (shared with the other workers)."""

    def __init__(self, resources: Resources, folder: Path) -> None:
        self.resources = resources
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.limit = resources.settings.analyze_jobs
        self.ttl_s = resources.settings.analyze_job_ttl_s
        self._taken = 0  # jobs of this worker queued or running
        self._lock = threading.Lock()
        # One job at a time: each already takes the analysis thread's turns between the quick ones.
        self._runner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="presslens-jobs")

    def submit(self, article: Article) -> dict:
        """Queues the analysis of `article`; returns the job's first state. ServiceUnavailable
        (503) when this worker already holds its limit of jobs."""
        self._expire()
        with self._lock:
            if self._taken >= self.limit:
                raise ServiceUnavailable(
                    f"the server is busy: {self.limit} long analyses are already waiting or running; try again later"
                )
            self._taken += 1
        job_id = secrets.token_urlsafe(ID_BYTES)
        state = {"job": job_id, "state": "queued", "done": 0, "total": None, "result": None, "error": None}
        self._write(state)
        self._runner.submit(self._run, dict(state), article)
        return state

    def state(self, job_id: str) -> dict:
        """The job's state as last written; NotFoundError (404) for an id never given or expired."""
        self._expire()
        if not ID_PATTERN.fullmatch(job_id):  # never a path from the request
            _not_found(job_id)
        try:
            return json.loads((self.folder / f"{job_id}.json").read_text(encoding="utf-8"))
        except FileNotFoundError:
            _not_found(job_id)

    def close(self) -> None:
        self._runner.shutdown(wait=False, cancel_futures=True)

    def _run(self, state: dict, article: Article) -> None:
        try:
            self._analyse(state, article)
        except PresslensError as exc:
            state.update(state="failed", error=str(exc), status=exc.http_status)
        except Exception:  # a bug, not the text: logged in full, the poller told in one line
            log.exception("analysis job %s failed", state["job"])
            state.update(state="failed", error="internal error; the server log has the details", status=500)
        finally:
            with self._lock:
                self._taken -= 1
        self._write(state)
        _give_memory_back()  # the Doc went with _analyse's frame

    def _analyse(self, state: dict, article: Article) -> None:
        """Runs the analysis a step at a time, writing the progress after each."""
        state["state"] = "running"
        self._write(state)
        steps = self.resources.analysis_steps(article)
        while True:
            finished, value = self.resources.analysis_step(steps)
            if finished:
                total = state["total"] or 1  # a pipeline without steps runs in one
                state.update(state="done", done=total, total=total, result=value.to_dict())
                return
            state["done"], state["total"] = value
            self._write(state)

    def _write(self, state: dict[str, Any]) -> None:
        """Replaces the job's file whole, so a reader in another worker never sees half of it."""
        path = self.folder / f"{state['job']}.json"
        partial = path.with_suffix(f".{os.getpid()}.part")
        partial.write_text(json.dumps(state), encoding="utf-8")
        os.replace(partial, path)

    def _expire(self) -> None:
        oldest = time.time() - self.ttl_s
        for path in self.folder.glob("*.json"):
            try:
                if path.stat().st_mtime < oldest:
                    path.unlink()
            except FileNotFoundError:  # another worker removed it first
                continue


def _give_memory_back() -> None:
    """Hands the memory a long text's Doc held back to the system, which glibc's allocator
    otherwise keeps for the process: a worker stayed 500 MB larger after one 199,000-character
    text. Elsewhere than glibc this does nothing."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        return


def _not_found(job_id: str) -> NoReturn:
    shown = job_id if len(job_id) <= 40 else job_id[:40] + "…"
    raise NotFoundError(f"analysis job {shown!r} not found: unknown, or expired")

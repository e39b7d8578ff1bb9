"""The local engine: a pool of worker processes, each loading the pipeline once."""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from presslens.analysis import Analysis
from presslens.article import Article
from presslens.errors import PresslensError

_worker_pipeline = None


def load_pipeline(components: tuple[str, ...] | None):
    """The default pipeline, or one with only the named components (tests, experiments)."""
    # deferred: spaCy loads in the worker that analyses, not where engines are imported
    from presslens.pipeline import Pipeline, default_pipeline

    return Pipeline(components) if components else default_pipeline()


def _one_thread_each() -> None:
    """Pool workers run one inference thread each (as Ray's one-CPU actors do), so N
    workers do not fight over the cores; a user's own setting wins."""
    for name in ("PRESSLENS_THREADS", "OMP_NUM_THREADS"):
        os.environ.setdefault(name, "1")


def _analyse(batch: list[dict], components: tuple[str, ...] | None) -> list[dict]:
    global _worker_pipeline
    try:
        if _worker_pipeline is None:
            _worker_pipeline = load_pipeline(components)
        # Plain dicts cross the process boundary: the JSON contract is the wire format.
        articles = [Article.from_dict(d) for d in batch]
        return [a.to_dict() for a in _worker_pipeline.analyze_many(articles)]
    except Exception as exc:
        # Re-raised as a plain PresslensError so it pickles back to the parent intact.
        raise PresslensError(f"worker failed: {exc}") from None


def run_local(batches: Iterable[list[Article]], workers: int,
              components: tuple[str, ...] | None = None) -> Iterator[list[Analysis]]:
    """Analyses each batch, yielding results in input order; workers <= 1 runs in this process."""
    if workers <= 1:
        pipeline = load_pipeline(components)
        for batch in batches:
            yield list(pipeline.analyze_many(batch))
        return
    # spawn, not fork: the parent holds database connections and maybe threads.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_one_thread_each) as pool:
        in_flight: deque[Future] = deque()
        for batch in batches:
            in_flight.append(pool.submit(_analyse, [a.to_dict() for a in batch], components))
            if len(in_flight) >= 2 * workers:
                yield [Analysis.from_dict(d) for d in in_flight.popleft().result()]
        while in_flight:
            yield [Analysis.from_dict(d) for d in in_flight.popleft().result()]

"""Batch engines: analyse every stored article the current pipeline has not analysed yet.

`local` is a process pool on this machine; `ray` runs the pipeline as Ray Data batches
on a local or remote Ray. Both hand results back here, and they are saved one batch per
transaction, so a stopped run resumes where it ended and results do not depend on the engine.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from presslens.errors import InputError, NotFoundError
from presslens.pipeline_version import PIPELINE_VERSION
from presslens.store import Store

ENGINES = ("local", "ray")


@dataclass
class ProcessSummary:
    version: str
    pending: int
    analysed: int = 0


def default_workers() -> int:
    return max(1, (os.cpu_count() or 2) - 1)


def process(
    store: Store,
    engine: str = "local",
    workers: int | None = None,
    limit: int | None = None,
    ray_address: str | None = None,
    batch_size: int | None = None,
    components: tuple[str, ...] | None = None,
    on_batch: Callable[[ProcessSummary], None] | None = None,
    ids: Sequence[str] | None = None,
) -> ProcessSummary:
    """Analyses stored articles not yet analysed by this pipeline version (only those of
    `ids`, if given; an id not stored is a NotFoundError) and stores the results.

    `components` narrows the pipeline to the named analyzers (for tests and experiments);
    results are still stored under the pipeline version.
    """
    if engine not in ENGINES:
        raise InputError("engine", f"{engine!r} is not one of {', '.join(ENGINES)}")
    if workers is not None and workers < 1:
        raise InputError("workers", f"{workers} is not a positive number")
    if limit is not None and limit < 0:
        raise InputError("limit", f"{limit} is negative")
    if ids is not None:
        missing = [i for i in ids if store.get_article(i) is None]
        if missing:
            raise NotFoundError(f"article {missing[0]!r} not found")
    workers = workers or default_workers()
    pending = store.count_pending(PIPELINE_VERSION, ids)
    summary = ProcessSummary(version=PIPELINE_VERSION, pending=pending if limit is None else min(limit, pending))
    if not summary.pending:  # nothing to do: no pipeline to load
        return summary
    if engine == "local":
        # deferred: the local engine's pipeline loads spaCy
        from presslens.engines.local import run_local

        # Small batches keep every worker busy to the end of a run.
        batches = store.pending_articles(PIPELINE_VERSION, batch_size or 8, limit, ids)
        results = run_local(batches, workers, components)
    else:
        # deferred: Ray is an optional extra, loaded only for the ray engine
        from presslens.engines.ray_data import run_ray

        chunks = store.pending_articles(PIPELINE_VERSION, batch_size or 2000, limit, ids)
        results = run_ray(chunks, workers, ray_address, components=components)
    for analyses in results:
        store.save_analyses(analyses)
        summary.analysed += len(analyses)
        if on_batch:
            on_batch(summary)
    return summary

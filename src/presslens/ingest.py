"""Ingest: stream articles from sources into the store, in batches, once each.

Every batch is one transaction and every insert skips articles already stored (same id,
or same outlet, date and normalised text), so a rerun after a crash or `kill -9` picks
up where the last committed batch ended and stores nothing twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from presslens.errors import InputError
from presslens.readers import iter_articles
from presslens.store import Store
from presslens.store.repository import batched

BATCH = 1000


@dataclass
class IngestSummary:
    read: int = 0
    new: int = 0
    bad: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def already_stored(self) -> int:
        return self.read - self.new


def ingest(
    store: Store,
    sources: Iterable[str | Path],
    batch_size: int = BATCH,
    on_error: Callable[[InputError], None] | None = None,
    on_batch: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Reads every source and stores the articles not stored yet; bad records are counted and skipped."""
    summary = IngestSummary()

    def bad_record(error: InputError) -> None:
        summary.bad += 1
        summary.errors.append(str(error))
        if on_error:
            on_error(error)

    for batch in batched(iter_articles(sources, on_error=bad_record), batch_size):
        with store.engine.begin() as conn:
            summary.new += len(store.insert_articles(conn, batch))
        summary.read += len(batch)
        if on_batch:
            on_batch(summary)
    return summary

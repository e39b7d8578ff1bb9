"""Ingest: stream articles from sources into the store, in batches, once each.

Every batch is one transaction and every insert skips articles already stored (same id,
or same outlet, date and normalised text), so a rerun after a crash or `kill -9` picks
up where the last committed batch ended and stores nothing twice.

Three things run at once: a thread reads and prepares rows (parsing, dedupe keys), the
caller's thread stores them, and on SQLite a third thread indexes the stored articles
for full-text search in the index's own file (`store/search_index.py`). SQLite releases
the GIL while it works, so they overlap on separate cores. A short queue between reader
and writer keeps memory flat.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from presslens.errors import InputError
from presslens.readers import iter_articles
from presslens.readers.dates import DateOrder
from presslens.store import Store
from presslens.store.rows import article_rows, batched

BATCH = 1000
QUEUED_BATCHES = 3
_DONE = object()


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
    date_order: DateOrder | None = None,
) -> IngestSummary:
    """Reads every source and stores the articles not stored yet; bad records are counted and skipped.
    `date_order` ("mdy", "dmy") reads the slash dates both orders could read (see iter_articles)."""
    summary = IngestSummary()

    def bad_record(error: InputError) -> None:
        summary.bad += 1
        summary.errors.append(str(error))
        if on_error:
            on_error(error)

    prepared: queue.Queue = queue.Queue(maxsize=QUEUED_BATCHES)
    stop = threading.Event()

    def hand_over(item: object) -> bool:
        """Queues an item unless the writer has stopped; False when it has."""
        while not stop.is_set():
            try:
                prepared.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for batch in batched(iter_articles(sources, on_error=bad_record, date_order=date_order), batch_size):
                if not hand_over((len(batch), article_rows(batch))):
                    return
            hand_over(_DONE)
        except BaseException as exc:  # handed to the writer, which re-raises it
            hand_over(exc)

    reader = threading.Thread(target=produce, name="presslens-ingest-reader", daemon=True)
    indexer = store.search_indexer()
    reader.start()
    try:
        with indexer or nullcontext():
            while (item := prepared.get()) is not _DONE:
                if isinstance(item, BaseException):
                    raise item
                read, rows = item
                summary.new += store.store_rows(rows)
                if indexer:
                    indexer.nudge()
                summary.read += read
                if on_batch:
                    on_batch(summary)
    finally:
        stop.set()
        reader.join()
    return summary

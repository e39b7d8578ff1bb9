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


class _Handover:
    """The short queue from the reading thread to the writer; puts give up once the writer has stopped."""

    def __init__(self) -> None:
        self.items: queue.Queue = queue.Queue(maxsize=QUEUED_BATCHES)
        self.writer_stopped = threading.Event()

    def put(self, item: object) -> bool:
        """Queues an item unless the writer has stopped; False when it has."""
        while not self.writer_stopped.is_set():
            try:
                self.items.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False


def _read_batches(
    handover: _Handover,
    sources: Iterable[str | Path],
    batch_size: int,
    bad_record: Callable[[InputError], None],
    date_order: DateOrder | None,
) -> None:
    """The reading thread: hands over (article count, rows) per batch, then _DONE or the exception that stopped it."""
    try:
        for batch in batched(iter_articles(sources, on_error=bad_record, date_order=date_order), batch_size):
            if not handover.put((len(batch), article_rows(batch))):
                return
        handover.put(_DONE)
    except BaseException as exc:  # handed to the writer, which re-raises it
        handover.put(exc)


def _write_batches(
    store: Store,
    handover: _Handover,
    summary: IngestSummary,
    on_batch: Callable[[IngestSummary], None] | None,
) -> None:
    """Stores the handed-over batches until _DONE, nudging the search indexer after each; re-raises the reader's
    exception."""
    indexer = store.search_indexer()
    with indexer or nullcontext():
        while (item := handover.items.get()) is not _DONE:
            if isinstance(item, BaseException):
                raise item
            read, rows = item
            summary.new += store.store_rows(rows)
            if indexer:
                indexer.nudge()
            summary.read += read
            if on_batch:
                on_batch(summary)


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

    handover = _Handover()
    reader = threading.Thread(
        target=_read_batches,
        args=(handover, sources, batch_size, bad_record, date_order),
        name="presslens-ingest-reader",
        daemon=True,
    )
    reader.start()
    try:
        _write_batches(store, handover, summary, on_batch)
    finally:
        handover.writer_stopped.set()
        reader.join()
    return summary

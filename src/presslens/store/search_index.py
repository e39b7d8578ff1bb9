"""SQLite's full-text index: an FTS5 table in its own file beside the database (`<db>-fts`).

Why a second file: SQLite lets one writer at a time into a file, and indexing the text
costs about twice as much as storing it. In its own file the index is written by its own
connection while the next articles are being stored, so an ingest keeps both cores busy.

Every connection of the store attaches the file as schema `search`. The index is derived
data: it records the last article it holds (`seq` and `id`) and catches up with whatever
the database gained since. When the file is missing it is created and filled; when it
belongs to another database (its last article is not this database's) it is rebuilt.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from types import TracebackType

from sqlalchemy import Connection

from presslens.errors import StoreError

SCHEMA = "search"
TABLE = "articles_fts"
SUFFIX = "-fts"

# Settings chosen on the AllSides corpus: a 64 MiB in-memory term buffer writes fewer,
# larger segments, and merging 16 segments at a time (not 4) rewrites the index less often.
# Together they cut indexing time by about a quarter; search stays well under its budget.
_FTS_SETTINGS = (("hashsize", 64 * 2**20), ("automerge", 16))
# Porter stems, case and accents folded; search highlights tokenize with the same.
TOKENIZER = "porter unicode61 remove_diacritics 2"


def index_path(database: str | None) -> str:
    """The index file for a database file; in-memory databases get an in-memory index."""
    if not database or database == ":memory:":
        return ":memory:"
    return database + SUFFIX


def attach(dbapi_connection, database: str | None) -> None:
    """Attaches the index file to a new connection (called from the engine's connect hook)."""
    path = index_path(database)
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"ATTACH DATABASE ? AS {SCHEMA}", (path,))
        cursor.execute(f"PRAGMA {SCHEMA}.journal_mode=WAL")
        cursor.execute(f"PRAGMA {SCHEMA}.synchronous=NORMAL")
    except sqlite3.DatabaseError as exc:
        # The index is derived data, so the way out is to let it be rebuilt.
        raise StoreError(
            f"{path}: not a usable search index ({exc}); delete it and it is rebuilt from {database}"
        ) from None
    finally:
        cursor.close()


def create(conn: Connection) -> None:
    """Creates the index table and its progress row when the file has none."""
    exists = conn.exec_driver_sql(
        f"SELECT 1 FROM {SCHEMA}.sqlite_master WHERE name = ?", (TABLE,)
    ).first()
    if exists:
        return
    conn.exec_driver_sql(
        f"CREATE VIRTUAL TABLE {SCHEMA}.{TABLE} USING fts5(title, text, content='', tokenize='{TOKENIZER}')"
    )
    for name, value in _FTS_SETTINGS:
        conn.exec_driver_sql(f"INSERT INTO {SCHEMA}.{TABLE}({TABLE}, rank) VALUES (?, ?)", (name, value))
    conn.exec_driver_sql(f"CREATE TABLE {SCHEMA}.progress (seq INTEGER NOT NULL, article_id TEXT)")
    conn.exec_driver_sql(f"INSERT INTO {SCHEMA}.progress VALUES (0, NULL)")


def catch_up(conn: Connection) -> int:
    """Indexes every article stored after the last indexed one; returns how many.

    Runs inside the caller's transaction. Its first statement writes to the index file,
    so the transaction holds that file's write lock before it reads the progress row:
    two connections catching up at once wait for each other instead of indexing the
    same articles twice. The database file itself is only read.
    """
    conn.exec_driver_sql(f"UPDATE {SCHEMA}.progress SET seq = seq")
    mark, marked_id = conn.exec_driver_sql(f"SELECT seq, article_id FROM {SCHEMA}.progress").one()
    top = conn.exec_driver_sql("SELECT coalesce(max(seq), 0) FROM main.articles").scalar_one()
    if mark and (mark > top or _article_at(conn, mark) != marked_id):
        conn.exec_driver_sql(f"INSERT INTO {SCHEMA}.{TABLE}({TABLE}) VALUES ('delete-all')")
        mark = 0
    if top == mark:
        return 0
    added = conn.exec_driver_sql(
        f"INSERT INTO {SCHEMA}.{TABLE}(rowid, title, text) "
        "SELECT seq, title, text FROM main.articles WHERE seq > ? AND seq <= ?",
        (mark, top),
    ).rowcount
    conn.exec_driver_sql(f"UPDATE {SCHEMA}.progress SET seq = ?, article_id = ?", (top, _article_at(conn, top)))
    return added


def _article_at(conn: Connection, seq: int) -> str | None:
    return conn.exec_driver_sql("SELECT id FROM main.articles WHERE seq = ?", (seq,)).scalar()


class BackgroundIndexer:
    """Runs `catch_up` (a Store's `update_search_index`) in a thread whenever nudged.

    The caller nudges after each batch it commits. On leaving the `with` block the
    thread catches up one last time and any error it met is re-raised in the caller's
    thread. SQLite runs the indexing statement without holding the GIL, so it truly
    runs beside the caller.
    """

    def __init__(self, catch_up: Callable[[], int]) -> None:
        self._catch_up = catch_up
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="presslens-search-index", daemon=True)

    def nudge(self) -> None:
        self._wake.set()

    def _run(self) -> None:
        try:
            while True:
                self._wake.wait()
                self._wake.clear()
                # Read before catching up: a stop seen here came after the caller's last
                # commit, so this round indexes everything.
                last_round = self._stop.is_set()
                self._catch_up()
                if last_round:
                    return
        except BaseException as exc:  # re-raised in the caller's thread on exit
            self._error = exc

    def __enter__(self) -> BackgroundIndexer:
        self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, _exc: BaseException | None, _tb: TracebackType | None
    ) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join()
        if exc_type is None and self._error is not None:
            raise self._error

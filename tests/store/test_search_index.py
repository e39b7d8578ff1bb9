"""SQLite's full-text index in its own file: created, caught up, rebuilt, and migrated from 0001."""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
from datetime import date
from pathlib import Path

import pytest

from presslens.article import Article
from presslens.corpus import Filters, search
from presslens.corpus.ingest import ingest
from presslens.errors import StoreError
from presslens.store import open_store
from presslens.store.connect import make_engine, upgrade
from presslens.store.search_index import BackgroundIndexer


def harbour_articles(n: int, word: str = "lighthouse") -> list[Article]:
    return [
        Article(text=f"Story {i}: the old {word} on the north pier was repainted by volunteers.",
                outlet="Harbor Times", published=date(2022, 5, 1 + i % 28), title=f"Pier story {i}")
        for i in range(n)
    ]


def hits(url: str, query: str) -> int:
    store = open_store(url)
    try:
        return len(search(store, Filters(query=query), limit=100).items)
    finally:
        store.close()


def stored_corpus(db: Path, n: int, word: str = "lighthouse") -> str:
    """A store at `db` holding `n` articles, closed; returns its URL."""
    url = f"sqlite:///{db}"
    store = open_store(url)
    store.add_articles(harbour_articles(n, word))
    store.close()
    return url


def delete_index(db: Path) -> None:
    for leftover in db.parent.glob(f"{db.name}-fts*"):
        leftover.unlink()


def indexed_rows(db: Path) -> int:
    with sqlite3.connect(f"{db}-fts") as conn:
        return conn.execute("SELECT seq FROM progress").fetchone()[0]


def test_a_deleted_index_file_is_rebuilt_when_the_store_opens(tmp_path):
    db = tmp_path / "corpus.db"
    url = stored_corpus(db, 12)
    assert hits(url, "lighthouse") == 12
    delete_index(db)
    assert hits(url, "lighthouse") == 12
    assert indexed_rows(db) == 12


def test_an_index_file_from_another_database_is_rebuilt_not_trusted(tmp_path):
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    stored_corpus(first, 5, "lighthouse")
    url = stored_corpus(second, 5, "breakwater")
    # A user copies the first database's index beside the second database.
    delete_index(second)
    shutil.copy(f"{first}-fts", f"{second}-fts")
    assert indexed_rows(second) == 5  # the copy is a full index, just not this database's
    assert hits(url, "breakwater") == 5
    assert hits(url, "lighthouse") == 0


def test_two_stores_adding_to_one_file_index_every_article_once(tmp_path):
    db = tmp_path / "shared.db"
    url = f"sqlite:///{db}"
    one, two = open_store(url), open_store(url)
    try:
        for i in range(4):
            (one if i % 2 else two).add_articles(harbour_articles(30)[i * 7:(i + 1) * 7])
    finally:
        one.close()
        two.close()
    with sqlite3.connect(db) as conn:
        conn.execute("ATTACH DATABASE ? AS search", (f"{db}-fts",))
        conn.execute("INSERT INTO search.articles_fts(articles_fts) VALUES ('integrity-check')")
        matched = conn.execute("SELECT count(*) FROM search.articles_fts WHERE articles_fts MATCH 'pier'").fetchone()[0]
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert matched == stored == 28


def test_a_database_made_by_revision_0001_is_migrated_and_its_articles_stay_searchable(tmp_path):
    db = tmp_path / "old.db"
    engine = make_engine(f"sqlite:///{db}")
    upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO articles (id, text_key, title, language, words, text) "
            "VALUES ('old-1', 'k1', 'Pier works', 'en', 9, 'The harbour lighthouse reopened after the storm.')"
        )
    engine.dispose()
    assert hits(f"sqlite:///{db}", "lighthouse") == 1
    with sqlite3.connect(db) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "articles_fts" not in names and "articles_fts_insert" not in names


def test_ingest_leaves_every_article_indexed_when_it_returns(tmp_path):
    source = tmp_path / "pier.jsonl"
    source.write_text("".join(
        json.dumps({"outlet": "Harbor Times", "published": "2022-05-01", "title": f"Pier {i}",
                    "text": f"Notice {i}: the ferry timetable for the north pier changes on Monday."}) + "\n"
        for i in range(300)
    ), encoding="utf-8")
    db = tmp_path / "corpus.db"
    store = open_store(f"sqlite:///{db}")
    try:
        summary = ingest(store, [source], batch_size=7)
    finally:
        store.close()
    assert summary.new == 300
    # Read the index file directly: nothing may be left for a later open to catch up.
    assert indexed_rows(db) == 300
    with sqlite3.connect(f"{db}-fts") as conn:
        assert (
            conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'timetable'").fetchone()[0] == 300
        )


def test_the_background_indexer_catches_up_after_the_last_commit_even_when_busy_at_the_end():
    committed: list[int] = []
    seen: list[int] = []
    first_round_started, release_first_round = threading.Event(), threading.Event()

    def catch_up() -> int:
        snapshot = len(committed)  # what a transaction starting now would see
        if not seen:
            first_round_started.set()
            release_first_round.wait(10)
        seen.append(snapshot)
        return 0

    with BackgroundIndexer(catch_up) as indexer:
        committed.append(1)
        indexer.nudge()
        first_round_started.wait(10)
        committed.append(2)  # the last batch lands while the first round is still running
        indexer.nudge()
        threading.Timer(0.3, release_first_round.set).start()  # the round ends after the caller leaves
    assert seen[0] == 1 and seen[-1] == 2


def test_a_corrupt_index_file_gets_a_one_line_error_naming_it_and_the_way_out(tmp_path):
    db = tmp_path / "corpus.db"
    url = stored_corpus(db, 3)
    delete_index(db)
    Path(f"{db}-fts").write_bytes(b"not a database at all, just bytes" * 40)
    with pytest.raises(StoreError) as error:
        open_store(url)
    message = str(error.value)
    assert "\n" not in message and message.startswith(f"{db}-fts:") and "delete it" in message
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    Path(f"{db}-fts").unlink()
    assert hits(url, "lighthouse") == 3

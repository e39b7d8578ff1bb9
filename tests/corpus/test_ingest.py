"""`presslens ingest` on real SQLite files: idempotent, dedupes, skips bad records, survives kill -9."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from presslens.cli import app
from presslens.corpus.ingest import ingest
from presslens.store import open_store

PRESSLENS = str(Path(sys.executable).parent / "presslens")


def record(i: int, outlet: str = "Harbor Times") -> dict:
    return {
        "id": f"ht-{i}", "outlet": outlet, "published": f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}",
        "title": f"Ferry report {i}",
        "text": f"Report {i}: the harbor ferry ran {i % 7} extra crossings today, officials said. "
                f"Passengers waited {i % 40} minutes on average at the main pier.",
    }


def write_jsonl(path: Path, records: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return path


def count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def run(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_ingesting_twice_and_from_two_files_stores_each_article_once(tmp_path):
    db = tmp_path / "corpus.db"
    first = write_jsonl(tmp_path / "a.jsonl", [record(i) for i in range(30)])
    overlapping = write_jsonl(tmp_path / "b.jsonl", [record(i) for i in range(20, 40)])
    result = run("ingest", str(first), "--db", f"sqlite:///{db}")
    assert result.exit_code == 0
    assert "30 new, 0 already stored; 0 bad records skipped" in result.output
    result = run("ingest", str(first), str(overlapping), "--db", f"sqlite:///{db}")
    assert "read 50 articles: 10 new, 40 already stored" in result.output
    assert count(db) == 40


def test_the_same_article_with_another_id_and_spacing_is_stored_once(store_url, tmp_path):
    copy = dict(record(1), id="copy-of-1", text=record(1)["text"].replace(" ", "  "))
    store = open_store(store_url)
    try:
        summary = ingest(store, [write_jsonl(tmp_path / "dup.jsonl", [record(1), copy, record(2)])])
        assert (summary.read, summary.new, summary.bad) == (3, 2, 0)
        assert store.count_articles() == 2
    finally:
        store.close()


def test_a_malformed_line_is_reported_with_file_and_line_skipped_and_counted(tmp_path):
    db = tmp_path / "corpus.db"
    source = write_jsonl(tmp_path / "mixed.jsonl", [record(1), record(2), "{not json", record(3), {"title": "no text"}])
    result = run("ingest", str(source), "--db", f"sqlite:///{db}")
    assert result.exit_code == 3
    assert f"{source}:3" in result.output
    assert f"{source}:5" in result.output
    assert "read 3 articles: 3 new, 0 already stored; 2 bad records skipped" in result.output
    assert count(db) == 3


def test_a_record_with_an_ambiguous_date_is_stored_undated_with_a_warning(tmp_path):
    db = tmp_path / "corpus.db"
    source = write_jsonl(tmp_path / "corpus.jsonl", [record(1), dict(record(2), published="3/8/17")])
    result = run("ingest", str(source), "--db", f"sqlite:///{db}")
    assert result.exit_code == 0
    assert result.stderr == (
        f"warning: {source}:2: field 'published': ambiguous date '3/8/17': day/month order unknown "
        "(use ISO 8601, e.g. 2019-11-03); kept without a date\n")
    assert "read 2 articles: 2 new, 0 already stored; 0 bad records skipped" in result.stdout
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT title, published FROM articles ORDER BY title").fetchall()
    assert stored == [("Ferry report 1", "2021-02-02"), ("Ferry report 2", None)]


def test_date_order_option_stores_an_ambiguous_date(tmp_path):
    db = tmp_path / "corpus.db"
    source = write_jsonl(
        tmp_path / "corpus.jsonl", [dict(record(1), published="3/8/17"), dict(record(2), published="3/8/17")]
    )
    result = run("ingest", str(source), "--db", f"sqlite:///{db}", "--date-order", "dmy")
    assert result.exit_code == 0
    assert result.stderr == ""
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT title, published FROM articles ORDER BY title").fetchall()
    assert stored == [("Ferry report 1", "2017-08-03"), ("Ferry report 2", "2017-08-03")]


def test_warnings_past_the_first_twenty_are_counted(tmp_path):
    db = tmp_path / "corpus.db"
    source = write_jsonl(tmp_path / "corpus.jsonl", [dict(record(i), published="1/2/19") for i in range(25)])
    result = run("ingest", str(source), "--db", f"sqlite:///{db}")
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert len(lines) == 21 and lines[19].startswith(f"warning: {source}:20: field 'published'")
    assert lines[20] == "warning: ... and 5 more"
    assert count(db) == 25


def test_bad_input_leaves_the_store_unchanged(tmp_path):
    db = tmp_path / "corpus.db"
    run("ingest", str(write_jsonl(tmp_path / "good.jsonl", [record(1)])), "--db", f"sqlite:///{db}")
    before = count(db)
    binary = tmp_path / "image.jsonl"
    binary.write_bytes(b"\x00\x01\x02PNG" * 10)
    result = run("ingest", str(tmp_path / "missing.jsonl"), str(binary), "--db", f"sqlite:///{db}")
    assert result.exit_code == 1  # nothing could be read (3 is for partial success)
    assert "missing.jsonl: no such file" in result.output
    assert "read 0 articles" in result.output
    assert count(db) == before == 1


def test_an_unusable_database_url_is_a_one_line_error(tmp_path):
    result = run("ingest", str(write_jsonl(tmp_path / "a.jsonl", [record(1)])), "--db", f"sqlite:///{tmp_path}/no/such/dir.db")
    assert result.exit_code == 1
    assert result.output.startswith("error: ") and result.output.count("\n") == 1


def test_killed_mid_ingest_a_rerun_resumes_and_stores_every_article_exactly_once(tmp_path):
    total = 40_000
    source = write_jsonl(tmp_path / "big.jsonl", [record(i) for i in range(total)])
    db = tmp_path / "corpus.db"
    command = [PRESSLENS, "ingest", str(source), "--db", f"sqlite:///{db}", "--batch-size", "100"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 300
        stored = 0
        while time.monotonic() < deadline and process.poll() is None:
            if db.exists():
                try:
                    stored = count(db)
                except sqlite3.OperationalError:
                    stored = 0  # schema not created yet
                if stored >= 300:
                    break
            time.sleep(0.02)
        assert process.poll() is None, "ingest finished before it could be killed; raise `total`"
        process.send_signal(signal.SIGKILL)
        process.wait()
    finally:
        if process.poll() is None:
            process.kill()
    partial = count(db)
    assert 0 < partial < total
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{total - partial:,} new, {partial:,} already stored" in rerun.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (total, total)
        # The full-text index (its own file) holds every article once too.
        conn.execute("ATTACH DATABASE ? AS search", (f"{db}-fts",))
        conn.execute("INSERT INTO search.articles_fts(articles_fts) VALUES ('integrity-check')")
        hits = conn.execute(
            "SELECT count(*) FROM search.articles_fts WHERE articles_fts MATCH 'passengers'"
        ).fetchone()[0]
        assert hits == total

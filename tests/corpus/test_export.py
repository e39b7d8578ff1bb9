"""Exports are complete (every row, every column) in CSV, JSON Lines and Parquet, and follow the filters."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from presslens.cli import app
from presslens.corpus import EXPORTS, Filters, export_columns, export_rows
from presslens.corpus.export import stored_export, write_export
from presslens.errors import InputError, NotFoundError
from presslens.store import open_store
from support.counted_corpus import A1, A2, A4, A5, ARTICLES, VP

# Rows the fixture holds: 5 articles, 5 technique spans, 4 quotes, 4 entities with 5 mentions, no claims
# (tests/corpus/test_timeline.py exports a corpus with claims), no framed entities
# (tests/corpus/test_framing.py exports a corpus with framing).
EXPECTED_ROWS = {"articles": 5, "techniques": 5, "quotes": 4, "entities": 4, "mentions": 5, "claims": 0, "framing": 0}


def exported(store, what: str, fmt: str, filters: Filters | None = None) -> list[dict]:
    sink = io.BytesIO()
    n = write_export(export_rows(store, what, filters or Filters()), export_columns(store, what), fmt, sink)
    data = sink.getvalue()
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in data.decode("utf-8").splitlines()]
    else:
        rows = pq.read_table(io.BytesIO(data)).to_pylist()
    assert n == len(rows)
    return rows


@pytest.mark.parametrize("what", EXPORTS)
def test_every_row_and_every_column_in_every_format(corpus_store, what):
    columns = [name for name, _ in export_columns(corpus_store, what)]
    by_format = {fmt: exported(corpus_store, what, fmt) for fmt in ("csv", "jsonl", "parquet")}
    for fmt, rows in by_format.items():
        assert len(rows) == EXPECTED_ROWS[what], fmt
        assert all(list(row) == columns for row in rows), fmt
    key = "id" if what == "articles" else "article_id"
    assert (
        [r[key] for r in by_format["csv"]]
        == [r[key] for r in by_format["jsonl"]]
        == [r[key] for r in by_format["parquet"]]
    )


def test_article_text_survives_every_format_unchanged(corpus_store):
    originals = {a.id: a.text for a in ARTICLES}
    for fmt in ("csv", "jsonl", "parquet"):
        assert {r["id"]: r["text"] for r in exported(corpus_store, "articles", fmt)} == originals


def test_layer_rows_carry_offsets_into_the_article_text(corpus_store):
    texts = {a.id: a.text for a in ARTICLES}
    for row in exported(corpus_store, "techniques", "jsonl"):
        assert texts[row["article_id"]][row["start"]:row["end"]] == row["text"]
    entity = next(r for r in exported(corpus_store, "entities", "jsonl") if r["article_id"] == A1.id)
    assert (entity["name"], entity["aliases"], entity["mentions"]) == ("Lena Park", ["Park"], 1)
    assert json.loads(
        next(r for r in exported(corpus_store, "entities", "csv") if r["article_id"] == A1.id)["aliases"]
    ) == ["Park"]


def test_exports_follow_the_filters(corpus_store):
    assert {r["id"] for r in exported(corpus_store, "articles", "jsonl", Filters(outlets=[VP]))} == {A4.id, A5.id}
    assert [r["technique"] for r in exported(corpus_store, "techniques", "csv", Filters(outlets=[VP]))] == [
        "Flag-Waving"
    ]
    assert {
        r["id"]
        for r in exported(corpus_store, "articles", "jsonl", Filters(query="ferry", technique="Loaded_Language"))
    } == {A1.id, A2.id}


def test_an_unknown_kind_or_format_is_an_input_error(corpus_store):
    with pytest.raises(InputError, match="'speeches' is not one of"):
        list(export_rows(corpus_store, "speeches", Filters()))
    with pytest.raises(InputError, match="'xlsx' is not one of"):
        write_export(iter([]), [], "xlsx", io.BytesIO())


def test_the_export_command_writes_a_file_or_stdout(tmp_path):
    db = f"sqlite:///{tmp_path / 'c.db'}"
    store = open_store(db)
    store.add_articles(ARTICLES)
    store.close()
    runner = CliRunner()
    out = tmp_path / "articles.parquet"
    result = runner.invoke(app, ["export", "--what", "articles", "--format", "parquet", "-o", str(out), "--db", db],
                           catch_exceptions=False)
    assert result.exit_code == 0
    assert pq.read_table(out).num_rows == 5
    result = runner.invoke(app, ["export", "--what", "articles", "--format", "csv", "--outlet", VP, "--db", db],
                           catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout.startswith("id,outlet,published,url,title,language,words,text\n")
    assert len(list(csv.DictReader(io.StringIO(result.stdout)))) == 2
    result = runner.invoke(app, ["export", "--format", "xml", "--db", db], catch_exceptions=False)
    assert result.exit_code == 1 and "not one of csv, jsonl, parquet" in result.output


def test_an_export_for_an_outlet_not_stored_is_not_found_not_a_bare_header(corpus_store, tmp_path):
    # the outlet filter's own matching: any case of a stored name is that outlet
    assert stored_export(corpus_store, "articles", Filters(outlets=[VP.upper()]), "csv").rows_written == 0
    with pytest.raises(NotFoundError, match=r"^outlet 'Nowhere Gazette' not found$"):
        stored_export(corpus_store, "quotes", Filters(outlets=[VP, "Nowhere Gazette"]), "csv")
    db = f"sqlite:///{tmp_path / 'c.db'}"
    with open_store(db) as store:
        store.add_articles(ARTICLES)
    result = CliRunner().invoke(app, ["export", "--outlet", "Nowhere Gazette", "--db", db])
    assert result.exit_code == 1 and result.output == "error: outlet 'Nowhere Gazette' not found\n"

"""`presslens timeline` over a stored corpus with claims, and `presslens analyze --timeline`
over files, as a user runs them: text, JSON and CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from presslens.cli import app
from presslens.store import open_store
from support.claims import HARBOR, TIMELINE, VALLEY, store_claims_corpus
from support.paths import EXAMPLES


@pytest.fixture()
def db(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'claims.db'}"
    with open_store(url) as store:
        store_claims_corpus(store)
    return url


def run(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False, env={"COLUMNS": "220"})


def test_text_is_a_table_in_order_of_the_date_referred_to(db):
    result = run("timeline", "--db", db)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    rows = []  # each table row as one string: a row starts where the Date cell has text
    for line in lines:
        cells = line.split("│")
        if len(cells) > 2:
            if cells[1].strip():
                rows.append(line)
            elif rows:
                rows[-1] += line
    assert all(HARBOR.id in row or VALLEY.id in row for row in rows)
    assert [next(label for label in ("1953-05-03", "August 1953", "1953", "1980s", "summer 2019", "week 18, 2020")
                 if label in row) for row in rows] == [
        "1953", "1953-05-03", "August 1953", "1980s", "summer 2019", "week 18, 2020"]
    # Where the outlet speaks, its name stands in the claimant column.
    assert "Lena Park" in rows[0] and rows[1].count("Valley Post") == 2
    assert lines[-1] == "6 claims from 2 articles"


def test_json_and_csv_carry_every_field(db):
    listed = json.loads(run("timeline", "--db", db, "--format", "json").output)
    assert [(c["date"], c["claimant"], c["article_id"]) for c in listed] == TIMELINE
    assert listed[0]["first_day"] == "1953-01-01" and listed[0]["published"] == "2021-03-01"
    rows = list(csv.DictReader(io.StringIO(run("timeline", "--db", db, "--format", "csv").output)))
    assert list(rows[0]) == list(listed[0])
    assert [r["date"] for r in rows] == [t[0] for t in TIMELINE]
    assert rows[3]["claimant"] == "Tom Reyes" and rows[1]["claimant"] == ""


def test_filters_limit_and_bad_input(db):
    park = json.loads(run("timeline", "--db", db, "--claimant", "PARK", "--format", "json").output)
    assert [c["date"] for c in park] == ["1953", "2019-SU"]
    about = json.loads(run("timeline", "--db", db, "--entity", "valley", "--outlet", "Valley Post",
                           "--format", "json").output)
    assert [c["date"] for c in about] == ["198"]
    referred = json.loads(run("timeline", "--db", db, "--since", "2000-01-01", "--format", "json").output)
    assert [c["date"] for c in referred] == ["2019-SU", "2020-W18"]
    limited = run("timeline", "--db", db, "--limit", "2")
    assert limited.output.splitlines()[-1] == "6 claims from 2 articles (the first 2)"
    bad = run("timeline", "--db", db, "--since", "last year")
    assert bad.exit_code != 0 and "--since: 'last year' is not a date" in bad.output
    assert "--limit" in run("timeline", "--db", db, "--limit", "0").output


def test_analyze_timeline_prints_the_files_own_claims_without_a_store():
    """The real pipeline on two example files: their dated claims in one timeline, by the
    date referred to, the outlet standing in where it speaks in its own voice."""
    paths = [str(EXAMPLES / "harbour_page.html"), str(EXAMPLES / "agency_report.txt")]
    listed = json.loads(run("analyze", *paths, "--timeline", "--format", "json").output)
    assert [(c["date"], c["claimant"]) for c in listed] == [
        ("2015", "The minister"), ("2019-H1", "the state statistics office"),
        ("2021-04-02", None), ("2021-04-05", None),
    ]
    assert listed[0]["claimant_entity"] == "Irina Dross" and listed[-1]["outlet"] == "Coastline Herald"
    text = run("analyze", paths[1], "--timeline").output
    assert "Dated claims" in text and "first half of 2019" in text and "2021" not in text
    lines = run("analyze", *paths, "--timeline", "--format", "jsonl").output.splitlines()
    assert [json.loads(line)["date"] for line in lines] == [c["date"] for c in listed]

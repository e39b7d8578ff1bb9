"""`presslens stories cluster FILE -o OUT` as a user runs it: a line per article, bad lines
named by number."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from presslens.cli import app
from support.stories import FLOOD, FOOTBALL, RATES


def run(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def _write(path, records: list) -> None:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")


def test_every_line_gets_its_story(tmp_path):
    records = [FLOOD[0], RATES[0], {**FOOTBALL, "published": None}, FLOOD[1], RATES[1], FLOOD[2], RATES[2]]
    records = [{k: v for k, v in r.items() if k != "outlet"} if r is RATES[1] else r for r in records]
    _write(tmp_path / "in.jsonl", records)
    result = run("stories", "cluster", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.tsv"))
    assert result.exit_code == 0, result.output
    assert "7 articles in 3 stories" in result.output
    rows = [line.split("\t") for line in (tmp_path / "out.tsv").read_text().splitlines()]
    assert [row[0] for row in rows] == [r["id"] for r in records]
    story = dict(rows)
    assert len({story[r["id"]] for r in FLOOD}) == 1 and len({story[r["id"]] for r in RATES}) == 1
    assert len(set(story.values())) == 3


def test_bad_lines_are_named_and_nothing_is_written(tmp_path):
    _write(tmp_path / "in.jsonl", [FLOOD[0], "{not json", {"id": "x", "text": "no title"}, FLOOD[0], "[1, 2]"])
    result = CliRunner().invoke(app, ["stories", "cluster", str(tmp_path / "in.jsonl"), "-o",
                                      str(tmp_path / "out.tsv")])
    assert result.exit_code != 0
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert [e.split(":")[2] for e in errors] == ["2", "3", "4", "5"], result.output
    assert "not JSON" in errors[0] and "title" in errors[1] and "already on line 1" in errors[2]
    assert not (tmp_path / "out.tsv").exists()


def test_an_unreadable_date_is_a_warning_and_the_article_is_kept(tmp_path):
    _write(tmp_path / "in.jsonl", [{**FLOOD[0], "published": "someday"}, FLOOD[1]])
    result = CliRunner().invoke(app, ["stories", "cluster", str(tmp_path / "in.jsonl"), "-o",
                                      str(tmp_path / "out.tsv")])
    assert result.exit_code == 0, result.output
    assert "warning:" in result.output and ":1:" in result.output
    assert len((tmp_path / "out.tsv").read_text().splitlines()) == 2


def test_a_missing_file_is_one_error_line(tmp_path):
    result = CliRunner().invoke(app, ["stories", "cluster", str(tmp_path / "nope.jsonl"), "-o",
                                      str(tmp_path / "out.tsv")])
    assert result.exit_code != 0
    assert result.output.strip().startswith("error:") and len(result.output.strip().splitlines()) == 1

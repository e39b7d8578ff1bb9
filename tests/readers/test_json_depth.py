"""JSON nested 100,000 deep is an input error naming the file (and line), never a RecursionError."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from presslens.cli import app
from presslens.errors import InputError
from presslens.readers import iter_articles, read_path
from presslens.readers.jsonfile import MAX_JSON_DEPTH


def nested(depth: int) -> str:
    return '{"text": "Harbor ferry news.", "extra": ' + "[" * (depth - 1) + "]" * (depth - 1) + "}"


@pytest.mark.parametrize("depth", [100_000, MAX_JSON_DEPTH + 1, 950])
def test_a_json_file_nested_too_deep_is_an_input_error(tmp_path, depth):
    path = tmp_path / "deep.json"
    path.write_text(nested(depth), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        list(read_path(path))
    assert str(caught.value) == f"{path}: JSON nested more than {MAX_JSON_DEPTH} levels deep"


def test_json_at_the_depth_limit_is_read(tmp_path):
    path = tmp_path / "ok.json"
    path.write_text(nested(MAX_JSON_DEPTH), encoding="utf-8")
    assert [a.text for a in read_path(path)] == ["Harbor ferry news."]


def test_a_deep_jsonl_line_is_skipped_by_number_and_the_others_read(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(nested(100_000) + "\n" + json.dumps({"text": "Second line."}) + "\n", encoding="utf-8")
    errors = []
    assert [a.text for a in iter_articles([path], on_error=errors.append)] == ["Second line."]
    assert [str(e) for e in errors] == [f"{path}:1: JSON nested more than {MAX_JSON_DEPTH} levels deep"]


def test_ingest_reports_a_deep_file_in_one_line(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text(nested(100_000), encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", f"sqlite:///{tmp_path / 's.db'}"])
    assert "Traceback" not in result.output and "RecursionError" not in result.output
    assert f"{path}: JSON nested more than {MAX_JSON_DEPTH} levels deep" in result.output

"""`presslens claims score` and `presslens eval claims` with the bundled model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from presslens.cli import app

runner = CliRunner()
STATISTIC = "The unemployment rate fell to 3.5 percent in 2019, the lowest in 50 years."
GREETING = "Thank you all for coming tonight."


def score(input_path: Path, out: Path):
    return runner.invoke(app, ["claims", "score", str(input_path), "-o", str(out)])


def test_jsonl_round_trip_keeps_ids_and_order(tmp_path: Path) -> None:
    source = tmp_path / "sentences.jsonl"
    source.write_text(
        "\n".join(json.dumps(r) for r in [{"id": "b", "text": GREETING}, {"id": 7, "text": STATISTIC}]) + "\n"
    )
    out = tmp_path / "scores.tsv"
    result = score(source, out)
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in out.read_text().splitlines()]
    assert [row[0] for row in rows] == ["b", "7"]
    assert all(len(row[1].split(".")[1]) == 4 for row in rows)
    assert float(rows[1][1]) > float(rows[0][1])


def test_csv_with_id_and_text_columns(tmp_path: Path) -> None:
    source = tmp_path / "sentences.csv"
    source.write_text(f'id,text\n1,"{STATISTIC}"\n2,{GREETING}\n', encoding="utf-8")
    out = tmp_path / "scores.tsv"
    assert score(source, out).exit_code == 0
    assert [line.split("\t")[0] for line in out.read_text().splitlines()] == ["1", "2"]


@pytest.mark.parametrize(("content", "message"), [
    ('{"id": 1, "text": "Fine."}\n{"id": 2}\n', "sentences.jsonl:2: missing 'text'"),
    ('{"id": 1, "text": "Fine."}\n{"id": 2, "text": \n', "sentences.jsonl:2: invalid JSON"),
    ('{"text": "No id here."}\n', "sentences.jsonl:1: missing 'id'"),
    ("", "sentences.jsonl: empty file"),
])
def test_bad_input_names_the_line_and_writes_nothing(tmp_path: Path, content: str, message: str) -> None:
    source = tmp_path / "sentences.jsonl"
    source.write_text(content)
    out = tmp_path / "scores.tsv"
    result = score(source, out)
    assert result.exit_code == 1
    line = result.output.strip()
    assert "\n" not in line and line.startswith(f"error: {tmp_path}/{message}")
    assert not out.exists() and list(tmp_path.iterdir()) == [source]


def test_non_utf8_and_missing_files_are_refused(tmp_path: Path) -> None:
    source = tmp_path / "latin1.jsonl"
    source.write_bytes('{"id": 1, "text": "Caf\xe9"}\n'.encode("latin-1"))
    result = score(source, tmp_path / "out.tsv")
    assert result.exit_code == 1 and f"{source}:1: invalid UTF-8" in result.output
    result = score(tmp_path / "absent.jsonl", tmp_path / "out.tsv")
    assert result.exit_code == 1 and "absent.jsonl: no such file" in result.output


@pytest.mark.shared
def test_eval_reports_f1_and_map_on_the_held_out_part(shared_data: Path) -> None:
    result = runner.invoke(app, ["eval", "claims", "--data", str(shared_data / "claims")])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["part"] == "test"
    # The model card's figures (F1 0.780, MAP 0.190), a little under for thread-order noise:
    # MAP meets the target (0.17); F1 is short of its 0.85 but well above the
    # TF-IDF baseline's 0.690 on the same sentences.
    assert figures["claimbuster"]["f1"] >= 0.77
    assert figures["clef"]["map"] >= 0.18 and len(figures["clef"]["debates"]) == 4


def test_eval_refuses_a_part_it_does_not_score(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "claims", "--data", str(tmp_path), "--part", "fit"])
    assert result.exit_code == 1
    assert result.output.strip() == "error: --part: must be test or dev, got 'fit'"

"""`presslens framing predict` (SemEval-2025 Task 10 subtask-1 format) and `presslens eval
framing`, with the bundled model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from presslens.analyzers.framing.roles import FINE_ROLES_OF
from presslens.cli import app

runner = CliRunner()
TEXT = (
    "Valdorian troops shelled Merrow again overnight, killing three children, while rescue "
    "workers led by Mayor Ana Petrik pulled survivors from the rubble."
)


def mention_line(name: str, mention: str, text: str = TEXT, shift: int = 0) -> str:
    start = text.index(mention) + shift
    return f"{name}\t{mention}\t{start}\t{start + len(mention) - 1}"


@pytest.fixture()
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "EN_TEST_1.txt").write_text(TEXT, encoding="utf-8")
    return folder


def predict(docs: Path, mentions: Path, out: Path):
    return runner.invoke(app, ["framing", "predict", str(docs), "--mentions", str(mentions), "-o", str(out)])


def test_predict_writes_a_role_line_per_mention_with_offsets_as_given(docs: Path, tmp_path: Path) -> None:
    lines = [
        mention_line("EN_TEST_1.txt", "Ana Petrik"),
        mention_line("EN_TEST_1.txt", "Valdorian"),
        # Offsets a character off, as a few of the task's own are: echoed as given all the same.
        mention_line("EN_TEST_1.txt", "Merrow", shift=1),
    ]
    mentions = tmp_path / "mentions.txt"
    mentions.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "roles.txt"
    result = predict(docs, mentions, out)
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row[:4] for row in rows] == [line.split("\t") for line in lines]
    for row in rows:
        # A main role, then one or more fine roles of that main role.
        assert row[4] in FINE_ROLES_OF and len(row) >= 6 and set(row[5:]) <= set(FINE_ROLES_OF[row[4]])


@pytest.mark.parametrize(("content", "message"), [
    ("EN_TEST_1.txt\tMerrow\t25\n", "mentions.txt:1: expected at least 4 tab-separated columns, got 3"),
    ("EN_TEST_1.txt\tMerrow\tx\t30\n", "mentions.txt:1: start and end must be whole numbers, got 'x' and '30'"),
    ("EN_TEST_1.txt\tMerrow\t25\t30\nEN_TEST_1.txt\tMerrow\t30\t25\n", "mentions.txt:2: end 25 is before start 30"),
    ("EN_TEST_1.txt\tMerrow\t900\t905\n", "mentions.txt:1: start 900 is past the end of EN_TEST_1.txt"),
    ("", "mentions.txt: no mentions"),
])
def test_a_malformed_line_is_one_line_error_and_nothing_is_written(
    docs: Path, tmp_path: Path, content: str, message: str,
) -> None:
    mentions = tmp_path / "mentions.txt"
    mentions.write_text(content, encoding="utf-8")
    out = tmp_path / "roles.txt"
    result = predict(docs, mentions, out)
    assert result.exit_code == 1
    line = result.output.strip()
    assert "\n" not in line and line.startswith(f"error: {tmp_path}/{message}"), line
    assert not out.exists()


def test_missing_files_and_folders_are_named(docs: Path, tmp_path: Path) -> None:
    out = tmp_path / "roles.txt"
    result = predict(docs, tmp_path / "absent.txt", out)
    assert result.exit_code == 1 and result.output.strip() == f"error: {tmp_path}/absent.txt: no such file"
    mentions = tmp_path / "mentions.txt"
    mentions.write_text("EN_ABSENT.txt\tMerrow\t25\t30\n", encoding="utf-8")
    result = predict(docs, mentions, out)
    assert result.exit_code == 1 and result.output.strip() == f"error: {docs}/EN_ABSENT.txt: no such document"
    result = predict(tmp_path / "no-folder", mentions, out)
    assert result.exit_code == 1 and "no-folder: not a folder of documents" in result.output
    assert not out.exists()


@pytest.fixture(scope="module")
def held_out(shared_data: Path) -> dict:
    result = runner.invoke(app, ["eval", "framing", "--data", str(shared_data / "entity-framing")])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.shared
def test_eval_reports_the_task_measures_on_the_held_out_part(held_out: dict) -> None:
    assert held_out["part"] == "test" and held_out["mentions"] == 163
    assert set(held_out["f1_per_role"]) == {"Protagonist", "Antagonist", "Innocent"}
    # The model card's figures (0.693, 0.629, 0.233), a little under for thread-order noise;
    # always answering "Antagonist" scores 0.626 and 0.257.
    assert held_out["accuracy"] >= 0.68
    assert held_out["macro_f1"] >= 0.61
    assert held_out["emr"] >= 0.22


@pytest.mark.shared
@pytest.mark.xfail(strict=True, reason="the bundled model is short of the issue's targets (MODEL_CARD.md)")
def test_eval_meets_the_issue_targets(held_out: dict) -> None:
    assert held_out["accuracy"] >= 0.80
    assert held_out["macro_f1"] >= 0.60
    assert held_out["emr"] >= 0.25


def test_eval_refuses_a_part_it_does_not_score(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "framing", "--data", str(tmp_path), "--part", "fit"])
    assert result.exit_code == 1
    assert result.output.strip() == "error: --part: must be test or dev, got 'fit'"

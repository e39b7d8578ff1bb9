"""The technique commands end to end on a tiny PTC-format folder the tests write themselves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from presslens.cli import app
from support.ptc import write_ptc

runner = CliRunner()


@pytest.fixture()
def ptc(tmp_path: Path) -> Path:
    return write_ptc(tmp_path / "ptc")


def test_predict_si_writes_spans_inside_each_file(ptc: Path, tmp_path: Path) -> None:
    out = tmp_path / "si.tsv"
    result = runner.invoke(app, ["techniques", "predict", str(ptc / "train-articles"), "--task", "si", "-o", str(out)],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = [line.split("\t") for line in out.read_text().splitlines()]
    assert lines, "the loaded-language sentences should yield some spans"
    for article_id, start, end in lines:
        text = (ptc / "train-articles" / f"article{article_id}.txt").read_text()
        assert 0 <= int(start) < int(end) <= len(text)


def test_predict_tc_labels_every_template_line(ptc: Path, tmp_path: Path) -> None:
    template = tmp_path / "template.tsv"
    text = (ptc / "train-articles" / "article700000.txt").read_text()
    start = text.find("corrupt, lying elites")
    template.write_text(f"700000\t?\t{start}\t{start + 21}\n700000\t?\t{start}\t{start + 21}\n")
    out = tmp_path / "tc.tsv"
    result = runner.invoke(app, ["techniques", "predict", str(ptc / "train-articles"), "--task", "tc",
                                 "--spans", str(template), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in out.read_text().splitlines()]
    assert len(rows) == 2
    assert rows[0][1] != rows[1][1], "two copies of one span get two different techniques"
    assert rows[0][2:] == [str(start), str(start + 21)]


def test_predict_then_eval_scores_the_file(ptc: Path, tmp_path: Path) -> None:
    out = tmp_path / "si.tsv"
    runner.invoke(app, ["techniques", "predict", str(ptc / "train-articles"), "--task", "si", "-o", str(out)],
                  catch_exceptions=False)
    result = runner.invoke(app, ["eval", "techniques", "--data", str(ptc), "--predictions", str(out),
                                 "--task", "si", "--part", "all"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)["si"]
    assert 0 < scores["f1"] <= 1


def test_predict_flc_writes_known_labels(ptc: Path, tmp_path: Path) -> None:
    from presslens.training.techniques_data import TECHNIQUES

    out = tmp_path / "flc.tsv"
    runner.invoke(app, ["techniques", "predict", str(ptc / "train-articles"), "--task", "flc", "-o", str(out)],
                  catch_exceptions=False)
    rows = [line.split("\t") for line in out.read_text().splitlines()]
    assert rows and all(len(r) == 4 and r[1] in TECHNIQUES for r in rows)


def test_eval_runs_the_model_and_reports_all_three_tasks(ptc: Path) -> None:
    result = runner.invoke(app, ["eval", "techniques", "--data", str(ptc), "--part", "all"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["articles"] == 24
    assert report["tc"]["f1"] > 0.3, "most template spans here are easy loaded language or name calling"
    assert set(report) >= {"si", "tc", "flc", "per_technique"}


def test_bad_template_line_is_one_clear_error(ptc: Path, tmp_path: Path) -> None:
    template = tmp_path / "bad.tsv"
    template.write_text("700000\tLoaded_Language\tten\t20\n")
    result = runner.invoke(app, ["techniques", "predict", str(ptc / "train-articles"), "--task", "tc",
                                 "--spans", str(template), "-o", str(tmp_path / "x.tsv")])
    assert result.exit_code == 1
    assert "bad.tsv:1: start and end must be whole numbers" in result.output


def test_non_utf8_article_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "article1.txt").write_bytes(b"Title\n\nCaf\xe9 owners protest.")
    result = runner.invoke(app, ["techniques", "predict", str(folder), "--task", "si", "-o", str(tmp_path / "o.tsv")])
    assert result.exit_code == 1
    assert "article1.txt: not UTF-8 text" in result.output


def test_folder_without_articles_is_an_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["techniques", "predict", str(tmp_path), "--task", "si", "-o", str(tmp_path / "o.tsv")])
    assert result.exit_code == 1
    assert "holds no files named article<ID>.txt" in result.output


def test_tc_without_template_is_an_error(ptc: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["techniques", "predict", str(ptc / "train-articles"), "--task", "tc",
                                 "-o", str(tmp_path / "o.tsv")])
    assert result.exit_code == 1
    assert "error: --spans: the tc task needs a template" in result.output

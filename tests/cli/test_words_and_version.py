"""What the CLI and the text report say in words: durations beside their ISO value,
technique names as people write them, the version, and help without type tags."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console
from typer.testing import CliRunner

from presslens import __version__
from presslens.analysis import Analysis, TechniqueSpan, TimeRef
from presslens.analyzers.timeref.periods import duration_words
from presslens.article import Article
from presslens.cli import app
from presslens.cli.report import render_report
from presslens.pipeline import PIPELINE_VERSION
from support.paths import read_pyproject

TYPE_TAG = re.compile(r"<(bool|int|float|str|text|path|list\[[^\]]*\])>|\b(TEXT|INTEGER|FLOAT|BOOLEAN)\b")


@pytest.mark.parametrize(("value", "words"), [
    ("P23Y", "23 years"), ("P1Y", "1 year"), ("P3M", "3 months"), ("P1Y6M", "1 year 6 months"),
    ("P2W", "2 weeks"), ("PT3H", "3 hours"), ("PT30M", "30 minutes"), ("P1.5Y", "1.5 years"), ("PXY", "some years"),
])
def test_durations_read_in_words(value, words):
    assert duration_words(value) == words


@pytest.mark.parametrize("value", ["2019-11", "XXXX-WXX-7", "P", "PT", "P3", "23 years"])
def test_other_values_are_not_durations(value):
    assert duration_words(value) is None


def report_of(analysis: Analysis) -> str:
    out = io.StringIO()
    render_report(analysis, Console(file=out, width=120, color_system=None, legacy_windows=False))
    return out.getvalue()


def test_the_report_gives_durations_in_words_and_technique_names_as_written():
    text = "The harbour has been closed for 23 years, a shameful record."
    start = text.index("23 years")
    shameful = text.index("a shameful record")
    analysis = Analysis(
        article=Article(text=text),
        time_refs=[TimeRef(start, start + 8, "23 years", "duration", "P23Y")],
        techniques=[TechniqueSpan(shameful, shameful + 17, "a shameful record", "Loaded_Language", 0.8)],
        scores={"technique_counts": {"Loaded_Language": 1}},
    )
    report = report_of(analysis)
    assert "23 years (P23Y)" in report
    assert "Loaded language" in report and "Loaded_Language" not in report


def test_version_names_the_package_and_the_pipeline():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == (
        f"presslens {__version__}; analysis pipeline {PIPELINE_VERSION} (the version stored with each analysis)"
    )
    assert __version__ == read_pyproject()["project"]["version"]


@pytest.mark.parametrize("command", [[], ["analyze"], ["search"], ["ingest"], ["train", "techniques"], ["serve"]])
def test_help_has_no_type_tags_but_keeps_choices(command):
    result = CliRunner().invoke(app, [*command, "--help"], terminal_width=120)
    assert result.exit_code == 0
    assert not TYPE_TAG.search(result.output), TYPE_TAG.search(result.output)
    if command == ["analyze"]:
        assert "<text|json|jsonl>" in result.output and "--date-order" in result.output

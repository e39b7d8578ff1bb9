"""`presslens analyze`: output formats, order, stdin, and every kind of bad input."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from presslens.cli import app
from support.paths import EXAMPLES

CONTRACT_KEYS = {
    "article", "entities", "quotes", "time_refs", "claims", "techniques", "furniture", "scores", "pipeline",
}
ARTICLE_KEYS = {"id", "outlet", "published", "url", "title", "language", "text"}


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(autouse=True)
def _loaded_pipeline(pipeline):
    """Loads the pipeline once for the whole module (the CLI reuses the same one)."""


def run(runner: CliRunner, *args: str, stdin: str | None = None):
    return runner.invoke(app, ["analyze", *args], input=stdin, catch_exceptions=False)


def assert_offsets_name_their_text(result: dict) -> None:
    text = result["article"]["text"]
    for layer in ("quotes", "time_refs", "claims", "techniques"):
        starts = [(item["start"], item["end"]) for item in result[layer]]
        assert starts == sorted(starts), layer
        for item in result[layer]:
            assert 0 <= item["start"] < item["end"] <= len(text)
            assert text[item["start"]:item["end"]] == item["text"], (layer, item)
    for quote in result["quotes"]:
        if quote["cue"]:
            assert text[quote["cue"]["start"]:quote["cue"]["end"]] == quote["cue"]["text"]
        if quote["speaker"]:  # the words that name the speaker; a resolved "he" shows the person's name
            speaker = quote["speaker"]
            said = text[speaker["start"]:speaker["end"]]
            assert speaker["name"] in (said, "") or speaker["entity"] is not None, (said, speaker)
    ids = {entity["id"] for entity in result["entities"]}
    for entity in result["entities"]:
        for mention in entity["mentions"]:
            assert 0 <= mention["start"] < mention["end"] <= len(text)
    for quote in result["quotes"]:
        if quote["speaker"] and quote["speaker"]["entity"]:
            assert quote["speaker"]["entity"] in ids


def test_json_is_the_contract_for_one_article(runner):
    result = run(runner, str(EXAMPLES / "agency_report.txt"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == CONTRACT_KEYS
    assert set(data["article"]) == ARTICLE_KEYS
    assert data["article"]["outlet"] == "NORTHWIND NEWS AGENCY"
    assert data["article"]["published"] == "2019-11-03"
    assert not data["article"]["text"].lstrip().startswith("date")
    assert data["pipeline"]["version"]
    assert_offsets_name_their_text(data)
    assert result.stderr == ""


def test_json_with_several_articles_is_a_list_in_input_order(runner):
    result = run(runner, str(EXAMPLES / "articles.csv"), str(EXAMPLES / "agency_report.txt"), "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, list)
    assert [d["article"]["title"] for d in data] == ["Bridge repairs delayed", "Library opens on Sundays", None]
    for item in data:
        assert_offsets_name_their_text(item)


def test_jsonl_one_object_per_line_in_input_order(runner, tmp_path):
    for name, text in (("b.txt", "Second file."), ("a.txt", "First file."), ("c.txt", "Third file.")):
        (tmp_path / name).write_text(text)
    result = run(runner, str(tmp_path / "c.txt"), str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    texts = [json.loads(line)["article"]["text"] for line in lines]
    assert texts == ["Third file.", "First file.", "Second file.", "Third file."]


def test_stdin(runner):
    text = (EXAMPLES / "agency_report.txt").read_text(encoding="utf-8")
    result = run(runner, "-", "--format", "json", stdin=text)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["article"]["outlet"] == "NORTHWIND NEWS AGENCY"
    assert_offsets_name_their_text(data)


def test_text_report_names_outlet_date_and_speakers(runner):
    result = run(runner, str(EXAMPLES / "agency_report.txt"))
    assert result.exit_code == 0, result.stderr
    for expected in ("NORTHWIND NEWS AGENCY", "2019-11-03", "Quotes and speakers", "Valen", "Dross",
                     "Persuasion techniques"):
        assert expected in result.stdout


def test_unknown_format_is_a_usage_error(runner):
    result = runner.invoke(app, ["analyze", str(EXAMPLES / "agency_report.txt"), "--format", "xml"])
    assert result.exit_code == 2
    assert "xml" in result.stderr


# --- bad input: one input -> exit 1 and a one-line error naming it ---------------------------

def single_error(runner, path) -> str:
    result = run(runner, str(path), "--format", "json")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {path}")
    return lines[0]


def test_missing_file(runner, tmp_path):
    assert "no such file or folder" in single_error(runner, tmp_path / "missing.txt")


def test_empty_file(runner, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    assert "empty file" in single_error(runner, tmp_path / "empty.txt")


def test_folder_of_binaries(runner, tmp_path):
    (tmp_path / "a.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    (tmp_path / "b.bin").write_bytes(bytes(range(256)))
    assert "no text files in this folder (2 skipped: not text)" in single_error(runner, tmp_path)


def test_invalid_utf8(runner, tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("The mayor of S\u00e3o Paulo spoke.".encode("latin-1"))
    assert "invalid UTF-8 at byte 14" in single_error(runner, path)


def test_file_over_the_size_limit(runner, tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.write(b"Headline\n\nBody.")
        out.truncate(50_000_000)
    assert "over the 10.0 MB limit" in single_error(runner, path)


def test_a_text_over_the_pipelines_length_limit_is_one_error_line(runner, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("Long report\n\n" + "The council met again. " * 130_000)  # about 3 MB
    result = run(runner, str(path), "--format", "json")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "characters: the limit is 2,000,000 characters per article" in lines[0]


def test_a_text_over_the_length_limit_among_others_is_skipped_and_the_rest_analysed(runner, tmp_path):
    (tmp_path / "a_long.txt").write_text("Long report\n\n" + "The council met again. " * 130_000)
    (tmp_path / "b_short.txt").write_text("The port reopened on Monday, the harbour master said.")
    result = run(runner, str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 3
    assert [json.loads(line)["article"]["text"][:8] for line in result.stdout.splitlines()] == ["The port"]
    assert "the limit is 2,000,000 characters per article" in result.stderr


def test_malformed_json(runner, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"text": "unterminated')
    message = single_error(runner, path)
    assert message.startswith(f"error: {path}:1: invalid JSON")


# --- many inputs: the rest analysed, a summary, exit 3 ------------------------------------------

def test_partial_success_lists_what_was_skipped(runner, tmp_path):
    records = tmp_path / "feed.jsonl"
    records.write_text(
        json.dumps({"text": "The port reopened on Monday.", "outlet": "Harbour Wire"}) + "\n"
        + "{oops\n"
        + json.dumps({"text": "The bridge closed on Tuesday.", "outlet": "Harbour Wire"}) + "\n"
    )
    shutil.copy(EXAMPLES / "plain_weather.txt", tmp_path / "weather.txt")
    result = run(runner, str(records), str(tmp_path / "missing.txt"), str(tmp_path / "weather.txt"), "-f", "jsonl")
    assert result.exit_code == 3
    texts = [json.loads(line)["article"]["text"][:14] for line in result.stdout.splitlines()]
    assert texts == ["The port reope", "The bridge clo", "Light rain is "]
    assert "analysed 3 article(s), skipped 2 input(s)" in result.stderr
    assert f"{records}:2: invalid JSON" in result.stderr
    assert f"{tmp_path / 'missing.txt'}: no such file or folder" in result.stderr


def test_every_input_bad_is_exit_1(runner, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = run(runner, str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert "analysed 0 article(s), skipped 2 input(s)" in result.stderr


def test_a_record_with_an_ambiguous_date_is_analysed_undated_with_a_warning(runner, tmp_path):
    records = tmp_path / "corpus.jsonl"
    records.write_text(
        json.dumps({"text": "The port reopened on Monday.", "published": "2021-03-01"}) + "\n"
        + json.dumps({"text": "The bridge closed on Tuesday.", "published": "3/8/17"}) + "\n"
    )
    result = run(runner, str(records), "-f", "jsonl")
    assert result.exit_code == 0
    published = [json.loads(line)["article"]["published"] for line in result.stdout.splitlines()]
    assert published == ["2021-03-01", None]
    assert result.stderr == (
        f"warning: {records}:2: field 'published': ambiguous date '3/8/17': day/month order unknown "
        "(use ISO 8601, e.g. 2019-11-03); kept without a date\n")


@pytest.mark.parametrize(("option", "expected"), [("mdy", "2017-03-08"), ("DMY", "2017-08-03")])
def test_date_order_option_reads_ambiguous_dates(runner, tmp_path, option, expected):
    records = tmp_path / "corpus.jsonl"
    records.write_text(
        json.dumps({"text": "The bridge closed on Tuesday.", "published": "3/8/17"}) + "\n"
        + json.dumps({"text": "The port reopened on Monday.", "published": "3/8/17", "date_order": "dmy"}) + "\n"
    )
    result = run(runner, str(records), "--format", "json", "--date-order", option)
    assert result.exit_code == 0, result.output
    assert [item["article"]["published"] for item in json.loads(result.stdout)] == [expected, "2017-08-03"]
    assert result.stderr == ""


def test_unknown_date_order_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(app, ["analyze", str(EXAMPLES / "agency_report.txt"), "--date-order", "ymd"])
    assert result.exit_code == 2

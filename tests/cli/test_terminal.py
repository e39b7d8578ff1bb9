"""The command line in a real (pseudo-)terminal, as a person meets it: data redirected to a
file lands in the file whole, the progress bar and messages stay on the screen, exit codes are
right, and start-up loads only what the command needs."""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from support.paths import EXAMPLES
from support.terminal import run_in_terminal

ANALYSE = ["analyze", str(EXAMPLES)]


def _json_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def analysed_store(tmp_path_factory) -> str:
    """The examples ingested and analysed, in a real SQLite file."""
    url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'corpus.db'}"
    assert run_in_terminal(["ingest", str(EXAMPLES), "--db", url]).returncode in (0, 3)
    assert run_in_terminal(["process", "--db", url, "--workers", "1"]).returncode == 0
    return url


def test_jsonl_redirected_to_a_file_lands_in_the_file(tmp_path):
    out = tmp_path / "analyses.jsonl"
    run = run_in_terminal([*ANALYSE, "-f", "jsonl"], stdout=out)
    assert run.returncode == 0
    analyses = _json_lines(out)
    assert len(analyses) == 10 and all("quotes" in a for a in analyses)
    assert '"quotes"' not in run.screen  # no data on the screen


def test_json_redirected_to_a_file_is_one_whole_document(tmp_path):
    out = tmp_path / "analyses.json"
    run = run_in_terminal([*ANALYSE, "-f", "json"], stdout=out)
    assert run.returncode == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 10
    assert '"article"' not in run.screen


def test_standard_input_analysed_into_a_redirected_file(tmp_path):
    out = tmp_path / "one.json"
    run = run_in_terminal(["analyze", "-", "-f", "json"], stdout=out, stdin_file=EXAMPLES / "agency_report.txt")
    assert run.returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["quotes"]


def test_timeline_json_redirected_to_a_file(tmp_path):
    out = tmp_path / "timeline.json"
    run = run_in_terminal([*ANALYSE, "--timeline", "-f", "json"], stdout=out)
    assert run.returncode == 0
    items = json.loads(out.read_text(encoding="utf-8"))
    assert items and all("claim" in item or "text" in item for item in items)


def test_jsonl_on_the_screen_is_whole_lines_of_json():
    run = run_in_terminal(["analyze", str(EXAMPLES / "agency_report.txt"), "-f", "jsonl"])
    assert run.returncode == 0
    line = next(x for x in run.screen.replace("\r", "").splitlines() if x.startswith("{"))
    assert json.loads(line)["article"]["outlet"]


@pytest.mark.parametrize("command", [
    ["export", "--what", "quotes", "--format", "jsonl"],
    ["export", "--what", "articles", "--format", "csv"],
    ["timeline", "--format", "json"],
    ["people", "--format", "json"],
    ["quotes", "recurring", "--format", "json"],
])
def test_store_commands_redirected_to_a_file_write_their_data_there(analysed_store, tmp_path, command):
    out = tmp_path / "data"
    run = run_in_terminal([*command, "--db", analysed_store], stdout=out)
    assert run.returncode == 0, run.screen
    data = out.read_bytes()
    assert data.strip(), f"{command}: nothing in the file; the screen showed {run.screen!r}"
    if "json" in command:
        json.loads(data)
    elif "jsonl" in command:
        assert all(json.loads(line) for line in data.splitlines())
    else:
        assert data.splitlines()[0].startswith(b"id,") or b"," in data.splitlines()[0]
    assert data.decode()[:40] not in run.screen


def test_a_usage_error_is_one_line_with_exit_code_2():
    run = run_in_terminal(["analyze", str(EXAMPLES), "--format", "nonsense"])
    assert run.returncode == 2
    lines = [line for line in run.screen.replace("\r", "").splitlines() if line.strip()]
    assert lines == [
        "error: Invalid value for '--format' / '-f': 'nonsense' is not one of 'text', 'json', 'jsonl'. "
        "(see presslens analyze --help)"
    ]


def test_ingest_of_a_missing_file_stores_nothing_and_exits_1(tmp_path):
    url = f"sqlite:///{tmp_path / 'corpus.db'}"
    run = run_in_terminal(["ingest", str(tmp_path / "nope.txt"), "--db", url])
    assert run.returncode == 1
    assert "nope.txt" in run.screen


def _screen_lines(run) -> list[str]:
    return [line for line in run.screen.replace("\r", "").splitlines() if line.strip()]


def test_serve_on_a_busy_port_fails_first_in_one_line(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = run_in_terminal(["serve", "--db", f"sqlite:///{tmp_path / 'c.db'}", "--port", str(port)], timeout=60)
    assert run.returncode == 1
    assert _screen_lines(run) == [f"error: 127.0.0.1:{port}: cannot listen there (Address already in use)"]


def test_an_unreachable_postgresql_is_one_line_with_the_url_as_written_and_no_password():
    run = run_in_terminal(["stats", "--db", "postgresql://reader:s3cret@127.0.0.1:9/news"], timeout=60)
    assert run.returncode == 1
    [line] = _screen_lines(run)
    assert line.startswith("error: postgresql://reader:***@127.0.0.1:9/news: cannot open")
    assert "s3cret" not in run.screen and "psycopg" not in line


@pytest.mark.parametrize("command", [
    ["--help"], ["--version"], ["analyze", "--help"], ["serve", "--help"], ["people", "--help"],
])
def test_help_and_version_load_no_heavy_library(command):
    run = run_in_terminal(command, probe=True)
    assert run.returncode == 0
    assert run.loaded == set()


def test_analysis_loads_spacy_but_never_torch(tmp_path):
    run = run_in_terminal([*ANALYSE, "-f", "jsonl"], stdout=tmp_path / "out.jsonl", probe=True)
    assert run.returncode == 0
    assert "spacy" in run.loaded and "onnxruntime" in run.loaded
    assert not run.loaded & {"torch", "transformers", "ray", "pyarrow"}


@pytest.mark.parametrize("command", [
    ["process", "--workers", "1"], ["stats"], ["search", "harbour"], ["timeline"], ["people"],
    ["export", "--what", "articles"], ["prune"],
])
def test_store_commands_load_neither_spacy_nor_torch(analysed_store, tmp_path, command):
    run = run_in_terminal([*command, "--db", analysed_store], stdout=tmp_path / "out", probe=True, cwd=tmp_path)
    assert run.returncode == 0, run.screen
    assert not run.loaded & {"spacy", "torch", "transformers", "ray"}




ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _shown_lines(screen: str) -> list[str]:
    return [ANSI.sub("", line) for line in screen.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


@pytest.mark.parametrize("columns", [80, 120])
@pytest.mark.parametrize("command", [
    ["analyze", str(EXAMPLES / "agency_report.txt")],
    ["analyze", str(EXAMPLES), "--timeline"],
    ["stats"], ["timeline"], ["people"], ["quotes", "recurring"], ["analyze", "--help"], ["export", "--help"],
])
def test_tables_and_help_fit_the_terminal_and_keep_words_whole(analysed_store, command, columns):
    args = command if command[0] == "analyze" or "--help" in command else [*command, "--db", analysed_store]
    run = run_in_terminal(args, columns=columns)
    assert run.returncode == 0, run.screen
    lines = _shown_lines(run.screen)
    assert max(len(line) for line in lines) <= columns
    assert not [line for line in lines if "…" in line], "a cell was cut short"
    if "--help" not in command:
        assert any(line.rstrip().endswith(("┓", "┃", "│", "┘", "┩")) for line in lines) or "Quotes" in run.screen


def _commands(group, path=()) -> list[tuple[str, ...]]:
    found = [path]
    for name, command in getattr(group, "commands", {}).items():
        found.extend(_commands(command, (*path, name)))
    return found


# A short word alone on a help line; a long file or model name may need a line of its own.
LONE_WORD = re.compile(r"^│\s+(│\s+)?[\w().,:;'\"-]{1,15}\s+│?$")


@pytest.mark.parametrize("columns", [80, 120])
def test_no_help_text_leaves_a_single_word_on_a_line(columns):
    import typer.main

    from presslens.cli import app

    runner = CliRunner()
    orphans = []
    for path in _commands(typer.main.get_command(app)):
        result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": str(columns)})
        assert result.exit_code == 0, (path, result.output)
        lines = result.output.splitlines()
        orphans += [f"{' '.join(path)}: {before.strip()} / {line.strip()}"
                    for before, line in zip(lines, lines[1:]) if LONE_WORD.match(line)]
    assert orphans == []

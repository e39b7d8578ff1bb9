"""The README's Python snippets run as written and print what the README says they print."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys

from support.paths import EXAMPLES, ROOT
from support.serve import PRESSLENS


def section(title: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", readme, re.S | re.M)
    assert match, f"README.md has no section {title!r}"
    return match.group(1)


def snippet_and_output(title: str) -> tuple[str, str]:
    """The section's python block and the text block after it (what it prints)."""
    match = re.search(r"```python\n(.*?)```.*?```text\n(.*?)```", section(title), re.S)
    assert match, f"{title!r} has no python block followed by its output"
    return match.group(1), match.group(2)


def run_snippet(title: str, cwd) -> str:
    """Runs the section's snippet in `cwd` (beside a copy of examples/) and returns what it
    printed, after checking it printed what the README shows."""
    code, shown = snippet_and_output(title)
    shutil.copytree(EXAMPLES, cwd / "examples")
    run = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert run.stdout == shown
    return run.stdout


def test_the_python_snippet_fills_a_corpus_and_leaves_nothing_in_the_working_tree(tmp_path):
    printed = run_snippet("Use it from Python", tmp_path)
    assert "3 quotes in quotes.csv" in printed
    assert sorted(path.name for path in tmp_path.iterdir()) == ["examples"]


def shell_block_and_output(title: str) -> tuple[list[str], str]:
    """The section's first sh block, as command lines, and the text block after it."""
    match = re.search(r"```sh\n(.*?)```.*?```text\n(.*?)```", section(title), re.S)
    assert match, f"{title!r} has no sh block followed by its output"
    return [line.split("  #")[0].strip() for line in match.group(1).splitlines()], match.group(2)


def test_the_corpus_commands_print_what_the_readme_shows(tmp_path):
    commands, shown = shell_block_and_output("Corpus")
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    environment = {**os.environ, "COLUMNS": "80", "PRESSLENS_DB": f"sqlite:///{tmp_path / 'presslens.db'}"}
    for command in commands:
        args = shlex.split(command)
        assert args[0] == ".venv/bin/presslens", command
        run = subprocess.run([str(PRESSLENS), *args[1:]], cwd=tmp_path, capture_output=True, text=True,
                             env=environment, timeout=600)
        assert run.returncode == 0, f"{command}: {run.stderr}"
    printed = [line.rstrip() for line in run.stdout.splitlines()]
    assert printed == shown.splitlines(), "the last command printed something else than the README shows"


def test_the_spacy_snippet_resolves_a_speaker_in_a_users_pipeline(tmp_path):
    assert "she = Irina Dross" in run_snippet("Use the components in your own spaCy pipeline", tmp_path)

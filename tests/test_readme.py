"""The README's Python snippets run as written and print what the README says they print."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys

from support.paths import EXAMPLES, ROOT


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


def test_the_python_snippet_fills_a_corpus_and_exports_from_it(tmp_path):
    run_snippet("Use it from Python", tmp_path)
    assert (tmp_path / "corpus.db").is_file()
    with (tmp_path / "quotes.csv").open(encoding="utf-8", newline="") as exported:
        rows = list(csv.DictReader(exported))
    assert len(rows) == 3 and {row["outlet"] for row in rows} == {"Coastline Herald"}


def test_the_spacy_snippet_resolves_a_speaker_in_a_users_pipeline(tmp_path):
    assert "she = Irina Dross" in run_snippet("Use the components in your own spaCy pipeline", tmp_path)

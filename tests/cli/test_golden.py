"""`presslens analyze examples/* --format json` gives exactly tests/golden/examples.json.

The golden file was written before the restructuring into cli/, server/, corpus/ and one
subpackage per analyzer, so a difference here means a change of structure changed what a
user gets. Regenerate it only on purpose, when the analysis itself is meant to change (a
new PIPELINE_VERSION, a new layer or field), from the repository root:

    LC_ALL=C .venv/bin/presslens analyze examples/* --format json > tests/golden/examples.json

and review the diff of the golden file in the same commit.
"""

from __future__ import annotations

import difflib
import itertools

from typer.testing import CliRunner

from presslens.cli import app
from support.paths import EXAMPLES, ROOT

GOLDEN = ROOT / "tests" / "golden" / "examples.json"


def test_analyze_examples_matches_the_golden_file_byte_for_byte(pipeline, monkeypatch):
    monkeypatch.chdir(ROOT)
    # The shell's glob in the C locale sorts by code point, as sorted() does.
    inputs = sorted(f"examples/{path.name}" for path in EXAMPLES.iterdir())
    result = CliRunner().invoke(app, ["analyze", *inputs, "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    expected = GOLDEN.read_bytes()
    if result.stdout_bytes != expected:
        diff = difflib.unified_diff(expected.decode("utf-8").splitlines(), result.stdout.splitlines(),
                                    "tests/golden/examples.json", "presslens analyze examples/*", lineterm="")
        raise AssertionError("analyze output differs from the golden file:\n" + "\n".join(itertools.islice(diff, 80)))

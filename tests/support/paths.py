"""Where the repository's example articles, its pyproject.toml and the optional shared data live."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
PYPROJECT = ROOT / "pyproject.toml"
# PRESSLENS_SHARED_DATA points the shared-data tests elsewhere, e.g. at a missing folder to check they skip.
SHARED_DATA = Path(os.environ.get("PRESSLENS_SHARED_DATA", ROOT.parent / "shared" / "data"))


def read_pyproject() -> dict:
    """pyproject.toml as a dict."""
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))

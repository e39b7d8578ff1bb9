"""Shared fixtures: the real pipeline loaded once, the example articles, the shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def pipeline():
    from presslens.pipeline import default_pipeline

    return default_pipeline()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, or a clean skip in a user's clone that has none."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA


@pytest.fixture()
def example_path() -> Path:
    return EXAMPLES / "agency_report.txt"

"""Where the repository's example articles and the optional shared data live."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
# PRESSLENS_SHARED_DATA points the shared-data tests elsewhere, e.g. at a missing folder to check they skip.
SHARED_DATA = Path(os.environ.get("PRESSLENS_SHARED_DATA", ROOT.parent / "shared" / "data"))

"""Writing a prediction file whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_lines(path: Path, lines: Iterable[str]) -> None:
    """Writes `lines` (each ending in a newline) to a temporary file beside `path`, renamed
    into place once all are written, so a failure leaves no partial output behind."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent or Path("."), prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.writelines(lines)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def clean(cell: str) -> str:
    """A cell from the user with its tabs and line breaks as spaces: they would break the TSV."""
    return cell.replace("\t", " ").replace("\n", " ").replace("\r", " ")

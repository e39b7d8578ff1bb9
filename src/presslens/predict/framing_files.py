"""The files of SemEval-2025 Task 10 subtask 1: lines of `file<TAB>mention<TAB>start<TAB>end`
(end inclusive; a gold file adds the roles) and the documents they name. Prediction
(predict/framing.py) and training (training/framing_data.py) both read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from presslens.errors import InputError
from presslens.readers.source import decode_utf8


@dataclass(frozen=True)
class TaskMention:
    """One line of a subtask-1 file: the mention as written and its offsets as given (end inclusive)."""

    file: str
    mention: str
    start: int
    end: int  # inclusive, as in the task's files
    line: int


def read_task_lines(path: Path, min_columns: int = 4) -> list[tuple[TaskMention, list[str]]]:
    """Each line of a subtask-1 file as (mention, the columns after its end offset);
    InputError names the file and line of a malformed one."""
    source = str(path)
    if not path.is_file():
        raise InputError(source, "no such file")
    rows = []
    for number, raw in enumerate(path.read_bytes().splitlines(), start=1):
        line = decode_utf8(raw, source, number)
        line = line.lstrip("\ufeff") if number == 1 else line
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) < min_columns:
            raise InputError(source, f"expected at least {min_columns} tab-separated columns, got {len(cells)}", number)
        file, mention, start, end = cells[:4]
        if not start.strip().isdigit() or not end.strip().isdigit():
            raise InputError(source, f"start and end must be whole numbers, got {start!r} and {end!r}", number)
        if int(end) < int(start):
            raise InputError(source, f"end {end} is before start {start}", number)
        if not file or "/" in file or "\\" in file or file in (".", ".."):
            raise InputError(source, f"not a document file name: {file!r}", number)
        rows.append((TaskMention(file, mention, int(start), int(end), number), cells[4:]))
    if not rows:
        raise InputError(source, "no mentions (expected lines file, mention, start, end)")
    return rows


def locate(text: str, mention: str, start: int, end: int) -> tuple[int, int]:
    """The span [start, end) of `mention` in `text`: the given offsets (end inclusive) when
    they hold it, else its occurrence nearest to them (a few of the task's offsets are
    shifted by a character or two); the given offsets when it is nowhere."""
    if text[start:end + 1] == mention or not mention:
        return start, end + 1
    found = [m.start() for m in re.finditer(re.escape(mention), text)]
    if not found:
        return start, min(end + 1, len(text))
    nearest = min(found, key=lambda at: abs(at - start))
    return nearest, nearest + len(mention)


def read_document(folder: Path, name: str, cache: dict[str, str]) -> str:
    if name not in cache:
        path = folder / name
        if not path.is_file():
            raise InputError(str(path), "no such document")
        cache[name] = decode_utf8(path.read_bytes(), str(path))
    return cache[name]

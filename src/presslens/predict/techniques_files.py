"""The files of SemEval-2020 Task 11 (the PTC corpus's format): a folder of articles and
lines of spans.

Articles are `article<ID>.txt`, read whole as UTF-8; span lines are TSV
`id[<TAB>technique]<TAB>start<TAB>end` with offsets into the whole file. Prediction
(predict/techniques.py) and training (training/techniques_data.py) both read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from presslens.errors import InputError

ARTICLE_NAME = re.compile(r"^article(\d+)\.txt$")


def read_articles(folder: Path) -> dict[str, str]:
    """Article id -> whole file text, for every `article<ID>.txt` in a folder."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(str(folder), "not a folder of article<ID>.txt files")
    texts: dict[str, str] = {}
    for path in sorted(folder.iterdir()):
        match = ARTICLE_NAME.match(path.name)
        if not match:
            continue
        try:
            # newline="" keeps \r\n as two characters, as PTC offsets count them.
            with path.open(encoding="utf-8", newline="") as handle:
                texts[match.group(1)] = handle.read()
        except UnicodeDecodeError as exc:
            raise InputError(str(path), f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    if not texts:
        raise InputError(str(folder), "holds no files named article<ID>.txt")
    return texts


@dataclass(frozen=True)
class LabelledSpan:
    """One span line: offsets into the whole article file; technique "" in an SI line."""

    article_id: str
    technique: str
    start: int
    end: int


def read_span_lines(path: Path, with_technique: bool) -> list[LabelledSpan]:
    """Parses `id[<TAB>technique]<TAB>start<TAB>end` lines; a bad line names itself."""
    path = Path(path)
    spans: list[LabelledSpan] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot be read ({exc})") from exc
    width = 4 if with_technique else 3
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        cells = line.rstrip("\n").split("\t")
        if len(cells) != width:
            raise InputError(str(path), f"expected {width} tab-separated fields, got {len(cells)}", number)
        try:
            start, end = int(cells[-2]), int(cells[-1])
        except ValueError as exc:
            raise InputError(str(path), "start and end must be whole numbers", number) from exc
        if start < 0 or end < start:
            raise InputError(str(path), f"bad span {start}-{end}", number)
        technique = cells[1] if with_technique else ""
        spans.append(LabelledSpan(cells[0], technique, start, end))
    return spans

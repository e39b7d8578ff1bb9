"""`presslens framing predict`: roles for the mentions of a SemEval-2025 Task 10 subtask-1 file.

Input lines are `file<TAB>mention<TAB>start<TAB>end` (end inclusive; any further columns,
as in a gold file, are ignored); output lines add the main role and the fine roles, one
line per input line, offsets echoed as given. Every line and document is checked before
any is scored, and the output is written to a temporary file renamed into place, so bad
input leaves no partial output behind.
"""

from __future__ import annotations

from pathlib import Path

from presslens.analyzers.framing.model import load_framing_model
from presslens.errors import InputError
from presslens.predict.framing_files import TaskMention, locate, read_document, read_task_lines
from presslens.predict.output import clean, write_lines


def checked_mentions(docs_dir: Path, mentions_file: Path) -> tuple[list[TaskMention], dict[str, str]]:
    """The mentions of `mentions_file` and the text of each document they name."""
    if not docs_dir.is_dir():
        raise InputError(str(docs_dir), "not a folder of documents")
    mentions = [task for task, _ in read_task_lines(mentions_file)]
    texts: dict[str, str] = {}
    for task in mentions:
        text = read_document(docs_dir, task.file, texts)
        if task.start >= len(text):
            raise InputError(str(mentions_file), f"start {task.start} is past the end of {task.file} "
                                                 f"({len(text)} characters)", task.line)
    return mentions, texts


def predict_file(docs_dir: Path, mentions_file: Path, output_path: Path, folder: Path | None = None) -> int:
    """Writes each mention of `mentions_file` with its roles to `output_path`; returns how many."""
    mentions, texts = checked_mentions(Path(docs_dir), Path(mentions_file))
    model = load_framing_model(folder)
    roles: dict[int, tuple[str, list[str]]] = {}
    by_document: dict[str, list[int]] = {}
    for index, task in enumerate(mentions):
        by_document.setdefault(task.file, []).append(index)
    for document, indices in by_document.items():
        text = texts[document]
        spans = [locate(text, mentions[i].mention, mentions[i].start, mentions[i].end) for i in indices]
        roles.update(zip(indices, model.decode(model.scores(text, spans))))
    write_lines(output_path, (
        "\t".join([clean(task.file), clean(task.mention), str(task.start), str(task.end),
                   roles[index][0], *roles[index][1]]) + "\n"
        for index, task in enumerate(mentions)
    ))
    return len(mentions)

"""The entity-framing data (SemEval-2025 Task 10 subtask 1, English; the Narrative Frames
Corpus as optional extra), its fixed split by document, and the task's measures.

SemEval documents split by a salted hash of their file name into fit (60%), dev (20%) and
held-out (20%) parts, so that all mentions of one article stay in one part. Epochs and
decoding settings are chosen on dev; the held-out figures are on articles no choice ever
looked at. Narrative Frames mentions and name-swapped copies only ever join the fit part.
"""

from __future__ import annotations

import csv
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from presslens.analyzers.framing.roles import MAIN_OF_FINE, MAIN_ROLES
from presslens.errors import InputError
from presslens.predict.framing_files import locate, read_document, read_task_lines
from presslens.training.buckets import hash_bucket

PARTS = ("fit", "dev", "test")
SPLIT_SALT = "framing-13"
DEV_BUCKETS = range(60, 80)
HELD_OUT_BUCKETS = range(80, 100)
# Narrative Frames roles as the SemEval main roles they stand for.
NARRATIVE_ROLES = {"hero": "Protagonist", "villain": "Antagonist", "victim": "Innocent"}
# Entity strings of Narrative Frames that are pronouns or too vague to find as a name.
VAGUE_ENTITIES = frozenset({"they", "we", "he", "she", "it", "us", "them", "i", "you", "our", "their", "people"})
csv.field_size_limit(sys.maxsize)


@dataclass(frozen=True)
class LabelledMention:
    document: str
    start: int  # character span [start, end) in the document's text
    end: int
    main: str
    fine: tuple[str, ...]  # empty: no fine label (Narrative Frames)


@dataclass
class FramingData:
    """Each document's text, and each part's labelled mentions."""

    texts: dict[str, str]
    parts: dict[str, list[LabelledMention]]


def document_part(name: str) -> str:
    bucket = hash_bucket(f"{SPLIT_SALT}:{name}")
    if bucket in HELD_OUT_BUCKETS:
        return "test"
    return "dev" if bucket in DEV_BUCKETS else "fit"


def load_semeval(folder: Path) -> FramingData:
    """SemEval-2025 Task 10 subtask 1 (annotations.tsv, documents/) split into parts."""
    folder = Path(folder)
    texts: dict[str, str] = {}
    data = FramingData(texts, {part: [] for part in PARTS})
    annotations = folder / "annotations.tsv"
    for task, labels in read_task_lines(annotations, min_columns=6):
        main, fine = labels[0], tuple(label for label in labels[1:] if label)
        if main not in MAIN_ROLES:
            raise InputError(str(annotations), f"unknown main role {main!r}", task.line)
        unknown = [f for f in fine if MAIN_OF_FINE.get(f) != main]
        if unknown:
            raise InputError(str(annotations), f"fine role(s) {', '.join(unknown)} are not roles of {main}", task.line)
        text = read_document(folder / "documents", task.file, texts)
        start, end = locate(text, task.mention, task.start, task.end)
        data.parts[document_part(task.file)].append(LabelledMention(task.file, start, end, main, fine))
    return data


def add_narrative_frames(data: FramingData, folder: Path, per_entity: int = 1) -> int:
    """Adds the Narrative Frames roles to the fit part: each entity string found (whole
    words, any case) in its article, at its first `per_entity` places (the first one: one
    annotation, one example); returns how many."""
    folder = Path(folder)
    articles_path, roles_path = folder / "articles_metadata.tsv", folder / "role_and_frame_annoations.tsv"
    for path in (articles_path, roles_path):
        if not path.is_file():
            raise InputError(str(path), "not found (expected the Narrative Frames Corpus files)")
    with articles_path.open(encoding="utf-8", newline="") as handle:
        articles = {row["ID"]: row["text"] or "" for row in csv.DictReader(handle, delimiter="\t")}
    added = 0
    with roles_path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            entity, main = (row.get("entity") or "").strip(), NARRATIVE_ROLES.get((row.get("role") or "").strip())
            text = articles.get(row.get("ID") or "")
            if not main or not text or len(entity) < 3 or entity.lower() in VAGUE_ENTITIES:
                continue
            name = f"narrative-frames/{row['ID']}"
            data.texts[name] = text
            pattern = re.compile(rf"(?<!\w){re.escape(entity)}(?!\w)", re.IGNORECASE)
            for match in list(pattern.finditer(text))[:per_entity]:
                data.parts["fit"].append(LabelledMention(name, match.start(), match.end(), main, ()))
                added += 1
    return added


def semeval_only(mentions: list[LabelledMention]) -> list[LabelledMention]:
    """The SemEval mentions among `mentions`: added ones live in documents named "source/..."."""
    return [m for m in mentions if "/" not in m.document]


def add_name_swaps(data: FramingData, seed: int) -> int:
    """Adds to the fit part a copy of each SemEval fit document in which every labelled name
    (each of its whole-word occurrences) is replaced by another labelled name drawn at random
    from the fit part, the same replacement throughout the document; returns the mentions
    added. The drawn name says nothing about the role, so the copies teach the model to read
    the role from the text around a name rather than from the name (the issue's name-swap
    bar); longer names are replaced first, so "Vladimir Putin" is one name, not "Putin"."""
    rng = random.Random(seed)
    semeval = semeval_only(data.parts["fit"])
    pool = sorted({data.texts[m.document][m.start:m.end].strip() for m in data.parts["fit"]} - {""})
    by_document: dict[str, list[LabelledMention]] = {}
    for mention in semeval:
        by_document.setdefault(mention.document, []).append(mention)
    added = 0
    for document, mentions in sorted(by_document.items()):
        text = data.texts[document]
        names = sorted({text[m.start:m.end] for m in mentions} - {""}, key=lambda n: (-len(n), n))
        swap = {name: rng.choice([p for p in pool if p.lower() != name.lower()]) for name in names}
        pattern = re.compile("|".join(rf"(?<!\w){re.escape(name)}(?!\w)" for name in names))
        pieces, moved, last, shift = [], {}, 0, 0
        for match in pattern.finditer(text):
            replacement = swap[match.group()]
            pieces += [text[last:match.start()], replacement]
            moved[(match.start(), match.end())] = (match.start() + shift, match.start() + shift + len(replacement))
            shift += len(replacement) - (match.end() - match.start())
            last = match.end()
        name = f"swapped/{document}"
        data.texts[name] = "".join(pieces) + text[last:]
        for mention in mentions:
            if (mention.start, mention.end) in moved:
                start, end = moved[(mention.start, mention.end)]
                data.parts["fit"].append(LabelledMention(name, start, end, mention.main, mention.fine))
                added += 1
    return added


def role_counts(mentions: list[LabelledMention]) -> dict[str, int]:
    return dict(Counter(m.main for m in mentions))


def framing_scores(gold: list[LabelledMention], predicted: list[tuple[str, list[str]]]) -> dict:
    """Main-role accuracy and macro-F1 (with each role's F1), and the exact match ratio of
    the fine-role sets (SemEval-2025 Task 10 subtask 1's official measure)."""
    n = max(len(gold), 1)
    accuracy = sum(g.main == p[0] for g, p in zip(gold, predicted)) / n
    per_role = {}
    for role in MAIN_ROLES:
        true_pos = sum(g.main == role and p[0] == role for g, p in zip(gold, predicted))
        predicted_n = sum(p[0] == role for p in predicted)
        gold_n = sum(g.main == role for g in gold)
        precision, recall = true_pos / max(predicted_n, 1), true_pos / max(gold_n, 1)
        per_role[role] = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
    exact = sum(set(g.fine) == set(p[1]) for g, p in zip(gold, predicted)) / n
    return {
        "accuracy": round(accuracy, 4),
        "macro_f1": round(sum(per_role.values()) / len(per_role), 4),
        "emr": round(exact, 4),
        "f1_per_role": per_role,
        "mentions": len(gold),
    }


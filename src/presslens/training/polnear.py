"""PolNeAR reader: articles with their gold attributions (Source, Cue, Content).

PolNeAR (Newell, Margolin & Ruths 2018) keeps each article as `{split}/text/NAME.txt` and
its brat standoff annotation as `{split}/attributions/NAME_XXXX.ann`, where XXXX names
the annotator. A few articles were annotated by several annotators; we read one
annotation per article, the one whose annotator id sorts first, so every run sees the
same gold. Offsets are Python string indices into the text file read as UTF-8.
Discontinuous spans ("12 30;35 60") are kept as their fragments.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from presslens.errors import InputError

Fragments = tuple[tuple[int, int], ...]
_ANN_NAME = re.compile(r"^(?P<name>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")
_TEXT_BOUND = re.compile(r"^T\d+\t")
_EVENT = re.compile(r"^E\d+\t")
_ROLES = {"Content": "content", "Content2": "content", "Source": "source", "Cue": "cue"}


@dataclass
class GoldAttribution:
    content: Fragments
    source: Fragments = ()
    cue: Fragments = ()


@dataclass
class PolnearArticle:
    name: str
    annotator: str
    text: str
    attributions: list[GoldAttribution] = field(default_factory=list)


def annotation_files(split_dir: Path) -> dict[str, Path]:
    """One .ann file per article name: the one whose annotator id sorts first."""
    chosen: dict[str, Path] = {}
    for path in sorted((split_dir / "attributions").glob("*.ann")):
        match = _ANN_NAME.match(path.name)
        if match and match["name"] not in chosen:
            chosen[match["name"]] = path
    return chosen


def read_polnear(root: Path, split: str) -> Iterator[PolnearArticle]:
    """The articles of one split ("train" or "dev") in name order."""
    split_dir = Path(root) / split
    if not (split_dir / "text").is_dir():
        raise InputError(str(split_dir), "not a PolNeAR split folder (no text/ inside)")
    for name, ann in sorted(annotation_files(split_dir).items()):
        text_path = split_dir / "text" / f"{name}.txt"
        if not text_path.is_file():
            continue
        text = text_path.read_text(encoding="utf-8")
        annotator = _ANN_NAME.match(ann.name)["annotator"]
        yield PolnearArticle(name, annotator, text, parse_ann(ann.read_text(encoding="utf-8"), str(ann)))


def parse_ann(ann: str, source: str = "<ann>") -> list[GoldAttribution]:
    """The attribution relations (`E` lines) of a brat file, in file order."""
    spans: dict[str, Fragments] = {}
    events: list[str] = []
    for number, line in enumerate(ann.splitlines(), start=1):
        # A span's text may run over several lines; only lines with an id are records.
        if _TEXT_BOUND.match(line):
            try:
                ident, type_and_offsets = line.split("\t")[:2]
                offsets = type_and_offsets.split(" ", 1)[1]
                spans[ident] = tuple(
                    (int(a), int(b)) for a, b in (part.split() for part in offsets.split(";"))
                )
            except (ValueError, IndexError):
                raise InputError(source, f"unreadable text-bound line {line!r}", number) from None
        elif _EVENT.match(line):
            events.append(line.split("\t")[1])
    found = []
    for event in events:
        roles: dict[str, list[tuple[int, int]]] = {"content": [], "source": [], "cue": []}
        for arg in event.split():
            role, _, ident = arg.partition(":")
            if role in _ROLES and ident in spans:
                roles[_ROLES[role]].extend(spans[ident])
        if roles["content"]:
            found.append(GoldAttribution(*(tuple(sorted(roles[k])) for k in ("content", "source", "cue"))))
    return found


# Scoring: both systems are scored the same way, on word characters only.

Spans = tuple[tuple[int, int], ...]
_OPEN_MARKS = "\"“«„"
_CLOSE_MARKS = "\"”»"


@dataclass
class Predicted:
    content: Spans
    speaker: Spans = ()
    entity: str | None = None


def _ratio(part: str, whole: str) -> property:
    """A read-only share: the count `part` over the count `whole`, 0.0 when `whole` is 0."""
    return property(lambda score: getattr(score, part) / getattr(score, whole) if getattr(score, whole) else 0.0)


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    gold_matched: int = 0
    predicted_matched: int = 0
    direct_gold: int = 0
    direct_matched: int = 0
    speaker_judged: int = 0
    speaker_right: int = 0

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    precision = _ratio("predicted_matched", "predicted")
    recall = _ratio("gold_matched", "gold")
    direct_recall = _ratio("direct_matched", "direct_gold")
    speaker_accuracy = _ratio("speaker_right", "speaker_judged")

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def word_chars(text: str, spans: Spans) -> frozenset[int]:
    """The positions of letters and digits inside `spans`: overlap ignores spaces,
    punctuation and quote marks, so where a system puts the marks does not matter."""
    return frozenset(i for s, e in spans for i in range(s, e) if text[i].isalnum())


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    """Jaccard overlap |a ∩ b| / |a ∪ b| of two sets of word-character positions."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def is_direct(text: str, spans: Spans) -> bool:
    """A gold content enclosed in double quote marks (trailing punctuation aside)."""
    inside = text[spans[0][0]:spans[-1][1]].strip().rstrip(".,;:!?—– ")
    return len(inside) > 1 and inside[0] in _OPEN_MARKS and inside[-1] in _CLOSE_MARKS


def score_article(
    text: str, gold: list[GoldAttribution], predicted: list[Predicted], threshold: float,
    gold_entity=None,
) -> Score:
    """Counts for one article. A gold content is found, and a prediction is right, when
    some item on the other side overlaps it by at least `threshold`. Speaker accuracy is
    judged on found gold contents that have a Source: right when the best-overlapping
    prediction's speaker overlaps the Source, or `gold_entity(start, end)` of the Source
    names the same entity as the prediction."""
    g_sets = [word_chars(text, g.content) for g in gold]
    p_sets = [word_chars(text, p.content) for p in predicted]
    score = Score(gold=len(gold), predicted=len(predicted))
    score.predicted_matched = sum(
        any(overlap(p, g) >= threshold for g in g_sets) for p in p_sets
    )
    for g, g_set in zip(gold, g_sets):
        overlaps = [overlap(p, g_set) for p in p_sets]
        best = max(range(len(overlaps)), key=overlaps.__getitem__, default=None)
        found = best is not None and overlaps[best] >= threshold
        direct = is_direct(text, g.content)
        score.gold_matched += found
        score.direct_gold += direct
        score.direct_matched += direct and found
        if found and g.source:
            score.speaker_judged += 1
            score.speaker_right += _same_speaker(g.source, predicted[best], gold_entity)
    return score


def _same_speaker(source: Spans, predicted: Predicted, gold_entity) -> bool:
    if any(s < pe and ps < e for s, e in source for ps, pe in predicted.speaker):
        return True
    if gold_entity is None or predicted.entity is None:
        return False
    return any(gold_entity(s, e) == predicted.entity for s, e in source)

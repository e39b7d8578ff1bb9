"""The PTC corpus on disk (SemEval-2020 Task 11 format) and its fixed held-out split.

Articles are `article<ID>.txt`, read whole as UTF-8; labels are TSV lines
`id<TAB>technique<TAB>start<TAB>end` with offsets into the whole file (both read by
predict/techniques_files.py). The split is a stable hash of the article id, so it is the
same on every machine and every run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from presslens.errors import InputError
from presslens.predict.techniques_files import LabelledSpan, read_articles, read_span_lines
from presslens.training.buckets import hash_bucket

TECHNIQUES = (
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Doubt",
    "Exaggeration,Minimisation",
    "Appeal_to_fear-prejudice",
    "Flag-Waving",
    "Causal_Oversimplification",
    "Appeal_to_Authority",
    "Slogans",
    "Whataboutism,Straw_Men,Red_Herring",
    "Black-and-White_Fallacy",
    "Thought-terminating_Cliches",
    "Bandwagon,Reductio_ad_hitlerum",
)

TC_LABELS_DIR = "train-labels-task2-technique-classification"
ARTICLES_DIR = "train-articles"

# Percent buckets of the id hash: [0, 20) held out for the reported scores, [20, 32)
# the development part that tunes thresholds and calibration, the rest fits the weights.
HELD_OUT_BUCKETS = range(0, 20)
DEV_BUCKETS = range(20, 32)


@dataclass
class PtcArticle:
    id: str
    text: str
    spans: list[LabelledSpan] = field(default_factory=list)


def part_of(article_id: str) -> str:
    """'test' (held out), 'dev' (tuning) or 'fit' (weights) for one article id."""
    b = hash_bucket(article_id)
    if b in HELD_OUT_BUCKETS:
        return "test"
    if b in DEV_BUCKETS:
        return "dev"
    return "fit"


def load_ptc(data: Path) -> list[PtcArticle]:
    """Articles with their labelled spans from a PTC folder (train-articles + TC labels)."""
    data = Path(data)
    texts = read_articles(data / ARTICLES_DIR)
    labels_dir = data / TC_LABELS_DIR
    if not labels_dir.is_dir():
        raise InputError(str(data), f"has no {TC_LABELS_DIR}/ folder")
    articles = {aid: PtcArticle(aid, text) for aid, text in texts.items()}
    for path in sorted(labels_dir.glob("*.labels")):
        for span in read_span_lines(path, with_technique=True):
            if span.article_id in articles:
                if span.technique not in TECHNIQUES:
                    raise InputError(str(path), f"unknown technique {span.technique!r}")
                articles[span.article_id].spans.append(span)
    return [articles[aid] for aid in sorted(articles)]


def split(articles: list[PtcArticle]) -> dict[str, list[PtcArticle]]:
    parts: dict[str, list[PtcArticle]] = {"fit": [], "dev": [], "test": []}
    for article in articles:
        parts[part_of(article.id)].append(article)
    return parts

"""`presslens techniques predict`: SemEval-2020 Task 11 predictions from a technique model,
as SI, TC and FLC files.

Torch-free: this runs the ONNX model, so `presslens techniques predict` and
`presslens eval techniques` (training/techniques_eval.py) work from a plain install.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import numpy as np

from presslens.analyzers.techniques.component import ArticleOutputs, TechniqueModel
from presslens.errors import InputError
from presslens.predict.techniques_files import LabelledSpan, read_articles, read_span_lines

TASKS = ("si", "tc", "flc")


def si_spans(model: TechniqueModel, article_id: str, out: ArticleOutputs) -> list[LabelledSpan]:
    return [LabelledSpan(article_id, "", a, b) for a, b in model.span_ranges(out)]


def flc_spans(model: TechniqueModel, article_id: str, out: ArticleOutputs) -> list[LabelledSpan]:
    return [LabelledSpan(article_id, s.technique, s.start, s.end) for s in model.technique_spans(out)]


def tc_labels(model: TechniqueModel, out: ArticleOutputs, template: list[LabelledSpan]) -> list[LabelledSpan]:
    """Labels each template span; the k-th copy of one span gets the k-th likeliest technique,
    since PTC marks a span used for two techniques as two lines."""
    copies: dict[tuple[int, int], int] = defaultdict(int)
    labelled = []
    for span in template:
        key = (span.start, span.end)
        ranking = np.argsort(-model.classify(out, span.start, span.end))
        technique = model.labels[int(ranking[min(copies[key], len(ranking) - 1)])]
        copies[key] += 1
        labelled.append(LabelledSpan(span.article_id, technique, span.start, span.end))
    return labelled


def read_template(path: Path, texts: dict[str, str]) -> dict[str, list[LabelledSpan]]:
    """TC template lines (`id<TAB>technique<TAB>start<TAB>end`, technique may be a placeholder)."""
    by_article: dict[str, list[LabelledSpan]] = defaultdict(list)
    for number, span in enumerate(read_span_lines(path, with_technique=True), start=1):
        if span.article_id not in texts:
            raise InputError(str(path), f"article {span.article_id} is not in the articles folder", number)
        if span.end > len(texts[span.article_id]):
            raise InputError(
                str(path), f"span {span.start}-{span.end} runs past the end of article {span.article_id}", number
            )
        by_article[span.article_id].append(span)
    return by_article


def write_spans(path: Path, spans: list[LabelledSpan], task: str) -> None:
    lines = [
        f"{s.article_id}\t{s.start}\t{s.end}" if task == "si" else f"{s.article_id}\t{s.technique}\t{s.start}\t{s.end}"
        for s in spans
    ]
    Path(path).write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def predict_folder(
    model: TechniqueModel, articles_dir: Path, task: str, template: Path | None = None
) -> list[LabelledSpan]:
    """Predictions for every `article<ID>.txt` in a folder, in the task's format."""
    if task not in TASKS:
        raise InputError(task, f"unknown task; use one of {', '.join(TASKS)}")
    if task == "tc" and template is None:
        raise InputError("template", "the tc task needs a template of spans to label")
    texts = read_articles(Path(articles_dir))
    spans_by_article = read_template(template, texts) if task == "tc" else {}
    predictions: list[LabelledSpan] = []
    for article_id, text in texts.items():
        if task == "tc" and article_id not in spans_by_article:
            continue
        out = model.outputs(text)
        if task == "si":
            predictions += si_spans(model, article_id, out)
        elif task == "flc":
            predictions += flc_spans(model, article_id, out)
        else:
            predictions += tc_labels(model, out, spans_by_article[article_id])
    return predictions

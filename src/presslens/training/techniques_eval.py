"""Scores a technique model on PTC articles: SI, TC and FLC as SemEval-2020 Task 11 defines them."""

from __future__ import annotations

from pathlib import Path

from presslens.analyzers.techniques.component import TechniqueModel, load_model
from presslens.errors import InputError
from presslens.predict.techniques import TASKS, flc_spans, si_spans, tc_labels
from presslens.predict.techniques_files import read_span_lines
from presslens.training.techniques_data import PtcArticle, load_ptc, split
from presslens.training.techniques_scorer import score_flc, score_si, score_tc

PARTS = ("test", "dev", "fit", "all")


def evaluate(model: TechniqueModel, articles: list[PtcArticle]) -> dict:
    si, tc, flc, gold = [], [], [], []
    for article in articles:
        out = model.outputs(article.text)
        si += si_spans(model, article.id, out)
        flc += flc_spans(model, article.id, out)
        tc += tc_labels(model, out, article.spans)
        gold += article.spans
    per_technique = {}
    for label in model.labels:
        gold_k = [s for s in gold if s.technique == label]
        per_technique[label] = {
            "gold_spans": len(gold_k),
            "tc_f1": score_tc([s for s in tc if s.technique == label], gold_k).as_dict()["f1"],
            "flc_f1": score_flc([s for s in flc if s.technique == label], gold_k).as_dict()["f1"],
        }
    return {
        "articles": len(articles),
        "gold_spans": len(gold),
        "si": score_si(si, gold).as_dict(),
        "tc": score_tc(tc, gold).as_dict(),
        "flc": score_flc(flc, gold).as_dict(),
        "per_technique": per_technique,
    }


def held_out(data: Path, part: str) -> list[PtcArticle]:
    """The PTC articles of one part of the fixed split ('test' is the held-out part), or 'all'."""
    if part not in PARTS:
        raise InputError(part, f"unknown part; use one of {', '.join(PARTS)}")
    articles = load_ptc(data)
    return articles if part == "all" else split(articles)[part]


def evaluate_folder(data: Path, part: str = "test", model_dir: Path | None = None) -> dict:
    """Runs the model (bundled by default) on one part of a PTC folder and scores it."""
    return evaluate(load_model(model_dir), held_out(data, part))


def score_predictions(data: Path, predictions: Path, task: str, part: str = "test") -> dict:
    """Scores a predictions file (SI, TC or FLC format) against the gold spans of one part."""
    if task not in TASKS:
        raise InputError(task, f"unknown task; use one of {', '.join(TASKS)}")
    gold = [s for a in held_out(data, part) for s in a.spans]
    ids = {s.article_id for s in gold}
    if task == "si":
        predicted = [s for s in read_span_lines(predictions, with_technique=False) if s.article_id in ids]
        return {"task": task, "si": score_si(predicted, gold).as_dict()}
    predicted = [s for s in read_span_lines(predictions, with_technique=True) if s.article_id in ids]
    scorer = score_tc if task == "tc" else score_flc
    return {"task": task, task: scorer(predicted, gold).as_dict()}

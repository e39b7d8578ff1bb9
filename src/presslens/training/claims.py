"""`presslens train claims` and `presslens eval claims`: the check-worthiness model.

Trains on the fit part (ClaimBuster and CLEF), keeps the epoch best on dev, fits the
calibration and the layer's threshold on dev, scores the held-out part, and writes the
model folder with its metrics.json. A TF-IDF + logistic regression baseline is fitted and
scored on the same parts, for comparison.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import numpy as np

from presslens.analyzers.claims.model import ClaimModel, load_claim_model
from presslens.analyzers.sentence_encoder import load_sentence_encoder
from presslens.errors import InputError
from presslens.training.claims_data import (
    CLAIMBUSTER_DEV_BUCKETS,
    CLAIMBUSTER_HELD_OUT_BUCKETS,
    CLEF_DEV_DEBATES,
    CLEF_HELD_OUT_DEBATES,
    HEADS,
    PARTS,
    ClaimData,
    best_f1_threshold,
    clef_map,
    f1_scores,
    load_claims,
    score_part,
)
from presslens.training.model_folder import FP32_FILE, quantise_and_ship, resolve_base, write_config, write_metrics
from presslens.training.settings import ClaimsTrainingSettings


def fit_platt(logits: np.ndarray, labels: np.ndarray, iterations: int = 50) -> tuple[float, float]:
    """(scale, bias) of sigmoid(scale * logit + bias) by Newton's method on the log loss."""
    x = np.stack([logits.astype(np.float64), np.ones(len(logits))], axis=1)
    weights = np.array([1.0, 0.0])
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(x @ weights)))
        gradient = x.T @ (p - labels)
        hessian = (x * (p * (1 - p))[:, None]).T @ x + 1e-6 * np.eye(2)
        weights = weights - np.linalg.solve(hessian, gradient)
    return round(float(weights[0]), 5), round(float(weights[1]), 5)


def dev_selector(data: ClaimData) -> Callable[[object, object], float]:
    """Scores a net in training by ClaimBuster F1 (at its best threshold) plus CLEF MAP on dev."""
    # deferred: torch is the optional train extra
    from presslens.training.claims_net import net_logits

    claimbuster, clef = data.claimbuster["dev"], data.clef["dev"]
    labels = np.array([s.label for s in claimbuster])

    def score(net, tokenizer) -> float:
        pad_id = tokenizer.token_to_id("[PAD]") or 0
        cb = 1.0 / (1.0 + np.exp(-net_logits(net, tokenizer, [s.text for s in claimbuster], pad_id)[:, 0]))
        f1 = f1_scores(labels, cb >= best_f1_threshold(labels, cb))["f1"]
        mean_ap = clef_map(clef, net_logits(net, tokenizer, [s.text for s in clef], pad_id)[:, 1])["map"]
        return f1 + mean_ap

    return score


def tune(model: ClaimModel, data: ClaimData) -> dict:
    """Platt scaling of each head on its own source's dev sentences, then the threshold with
    the best ClaimBuster dev F1."""
    for head, dev in zip(HEADS, (data.claimbuster["dev"], data.clef["dev"])):
        logits = model.logits([s.text for s in dev])[:, model.column(head)]
        model.platt[head] = fit_platt(logits, np.array([s.label for s in dev], dtype=np.float64))
    claimbuster = data.claimbuster["dev"]
    labels = np.array([s.label for s in claimbuster])
    model.threshold = best_f1_threshold(labels, np.array(model.score([s.text for s in claimbuster])))
    platt = {head: {"scale": scale, "bias": bias} for head, (scale, bias) in model.platt.items()}
    return {"platt": platt, "threshold": model.threshold}


def scored_by(model: ClaimModel, data: ClaimData, part: str) -> dict:
    """The model's figures on `part`: its ClaimBuster head at its threshold, its CLEF head's MAP."""
    return score_part(data, part, model.score, partial(model.score, head="clef"), model.threshold)


def baseline_scores(data: ClaimData) -> dict:
    """TF-IDF (words and bigrams) + logistic regression on the fit part, threshold on dev."""
    try:
        # deferred: scikit-learn is only for this comparison, and optional
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        return {"skipped": "scikit-learn is not installed"}
    fit = data.sentences("fit")
    vectoriser = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    classifier = LogisticRegression(C=4.0, max_iter=2000)
    classifier.fit(vectoriser.fit_transform([s.text for s in fit]), [s.label for s in fit])

    def scores_of(texts: list[str]) -> np.ndarray:
        return classifier.predict_proba(vectoriser.transform(texts))[:, 1] if texts else np.zeros(0)

    dev_cb = data.claimbuster["dev"]
    threshold = best_f1_threshold(np.array([s.label for s in dev_cb]), scores_of([s.text for s in dev_cb]))
    return {part: score_part(data, part, scores_of, scores_of, threshold) for part in ("dev", "test")}


def throughput(model: ClaimModel, texts: list[str]) -> dict:
    """Sentences and tokens a second for `model.score` over `texts`."""
    began = time.perf_counter()
    model.score(texts)
    seconds = max(time.perf_counter() - began, 1e-9)
    tokens = sum(len(e.ids) for e in model.tokenizer.encode_batch(texts))
    return {
        "sentences_per_s": round(len(texts) / seconds, 1),
        "tokens_per_s": round(tokens / seconds),
        "sentences": len(texts),
    }


def split_info(data: ClaimData) -> dict:
    return {
        "claimbuster": {
            "hash": "sha1(sentence_id) first 8 hex digits mod 100",
            "dev_buckets": [CLAIMBUSTER_DEV_BUCKETS.start, CLAIMBUSTER_DEV_BUCKETS.stop],
            "held_out_buckets": [CLAIMBUSTER_HELD_OUT_BUCKETS.start, CLAIMBUSTER_HELD_OUT_BUCKETS.stop],
            "sentences": {part: len(data.claimbuster[part]) for part in PARTS},
            "positives": {part: sum(s.label for s in data.claimbuster[part]) for part in PARTS},
        },
        "clef": {
            "dev_debates": list(CLEF_DEV_DEBATES),
            "held_out_debates": list(CLEF_HELD_OUT_DEBATES),
            "lines": {part: len(data.clef[part]) for part in PARTS},
            "positives": {part: sum(s.label for s in data.clef[part]) for part in PARTS},
        },
    }


RECIPES = ("frozen", "finetuned")


def train_claims(
    data: Path, out: Path, base: Path | None = None, epochs: int = 2, seed: int = 13,
    log: Callable[[str], None] = print, recipe: str = "finetuned",
) -> dict:
    """Trains, tunes, scores and writes a claims folder; returns the metrics written to
    out/metrics.json. `recipe` "frozen" fits linear heads on the bundled sentence encoder
    (no torch); "finetuned" fine-tunes `base` with its heads and ships its own graph."""
    if recipe not in RECIPES:
        raise InputError("--recipe", f"must be one of {', '.join(RECIPES)}, got {recipe!r}")
    parts = load_claims(Path(data))
    for part in PARTS:
        if not parts.claimbuster[part] or not parts.clef[part]:
            raise InputError(str(data), f"no ClaimBuster sentences or CLEF lines in the {part} part of the split")
    if recipe == "frozen":
        return train_frozen_claims(parts, Path(out), log)
    # deferred: torch, and the training module that imports it, are the optional train extra
    from presslens.training.claims_net import export_claim_onnx, train_claim_net

    base, base_name = resolve_base(base)
    settings = ClaimsTrainingSettings(epochs=epochs, seed=seed)
    net, tokenizer, trainer = train_claim_net(
        parts.sentences("fit"), base, settings, log=log, select=dev_selector(parts)
    )
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    export_claim_onnx(net, out / FP32_FILE)
    tokenizer.save(str(out / "tokenizer.json"))
    config = {
        "model_id": f"presslens-claims-{base_name}-s{seed}e{epochs}",
        "base": base_name,
        "max_length": settings.max_length,
        "batch_size": settings.batch_size,
        "heads": list(HEADS),
    }
    return finish(out, parts, config, trainer.run_info(), log)


def train_frozen_claims(parts: ClaimData, out: Path, log: Callable[[str], None] = print) -> dict:
    """The frozen recipe (training/claims_frozen.py) on the fixed split."""
    from presslens.training.claims_frozen import Inputs, fit_heads, write_head_folder

    began = time.perf_counter()
    encoder_id = load_sentence_encoder().model_id
    weights, bias, chosen = fit_heads(parts, Inputs(), log)
    config = {"model_id": f"presslens-claims-frozen-{encoder_id.removeprefix('presslens-sentences-')}",
              "encoder": encoder_id, "heads": list(HEADS), "penalties": chosen}
    write_head_folder(out, weights, bias, config)
    model = ClaimModel(out)
    config = {**config, **tune(model, parts)}
    write_config(out, config)
    model = ClaimModel(out)
    scores = {part: scored_by(model, parts, part) for part in ("dev", "test")}
    log(f"frozen: {json.dumps(scores['test'])}")
    metrics = {
        "model_id": config["model_id"],
        "shipped": "frozen",
        "threshold": config["threshold"],
        "split": split_info(parts),
        "held_out": {"frozen": scores["test"]},
        "dev": {"frozen": scores["dev"]},
        "baseline_tfidf_logreg": baseline_scores(parts),
        "speed": throughput(model, [s.text for s in parts.claimbuster["test"]]),
        "train_seconds": round(time.perf_counter() - began, 1),
    }
    write_metrics(out, metrics, ClaimsTrainingSettings)
    return metrics


def finish(out: Path, parts: ClaimData, config: dict, run_info: dict, log: Callable[[str], None]) -> dict:
    """Quantises the fp32 graph in `out`, tunes both graphs on dev, scores both, keeps int8,
    and writes config.json and metrics.json."""

    def tune_and_score(name: str, onnx_file: str) -> tuple[dict, dict]:
        model = ClaimModel(out, onnx_file)
        scores = {part: scored_by(model, parts, part) for part in ("dev", "test")}
        log(f"{name}: {json.dumps(scores['test'])}")
        return {**config, **tune(model, parts)}, scores

    # The fp32 graph is 90 MB, over the 25 MB a bundled model file may weigh: int8 ships,
    # and fp32's figures stand beside it to show what quantisation costs.
    shipped = quantise_and_ship(out, config, tune_and_score)
    configs, scores = shipped.configs, shipped.scores
    log("fitting the TF-IDF + logistic regression baseline")
    metrics = {
        "model_id": config["model_id"],
        "shipped": "int8",
        "threshold": configs["int8"]["threshold"],
        "split": split_info(parts),
        "held_out": {name: scores[name]["test"] for name in scores},
        "dev": {name: scores[name]["dev"] for name in scores},
        "baseline_tfidf_logreg": baseline_scores(parts),
        "speed": throughput(ClaimModel(out), [s.text for s in parts.claimbuster["test"]]),
        **run_info,
    }
    write_metrics(out, metrics, ClaimsTrainingSettings)
    return metrics


def frozen_recipe(workdir: Path, log: Callable[[str], None] = print):
    """The frozen recipe as a k-fold recipe (training/claims_kfold.py): heads fitted on the
    fold's fit part, penalties, calibration and threshold on its dev part."""
    from presslens.training.claims_frozen import Inputs, fit_heads, write_head_folder

    inputs = Inputs()

    def recipe(parts: ClaimData) -> tuple[float, list[float], list[float]]:
        weights, bias, _ = fit_heads(parts, inputs, log)
        write_head_folder(workdir, weights, bias, {"model_id": "kfold-frozen", "heads": list(HEADS)})
        model = ClaimModel(workdir)
        tune(model, parts)
        test_cb, test_clef = parts.claimbuster["test"], parts.clef["test"]
        return (model.threshold, model.score([s.text for s in test_cb]),
                model.score([s.text for s in test_clef], head="clef"))

    return recipe


def finetuned_recipe(workdir: Path, base: Path | None = None, epochs: int = 2, seed: int = 13,
                     log: Callable[[str], None] = print):
    """The fine-tuned recipe of `train_claims` as a k-fold recipe (training/claims_kfold.py):
    trained on the fold's fit part, epoch, calibration and threshold chosen on its dev part,
    its int8 graph scoring the test part."""
    from presslens.training.claims_net import export_claim_onnx, train_claim_net
    from presslens.training.model_folder import INT8_FILE, quantize, write_config

    base, base_name = resolve_base(base)
    settings = ClaimsTrainingSettings(epochs=epochs, seed=seed)

    def recipe(parts: ClaimData) -> tuple[float, list[float], list[float]]:
        net, tokenizer, _ = train_claim_net(parts.sentences("fit"), base, settings, log=log, select=dev_selector(parts))
        workdir.mkdir(parents=True, exist_ok=True)
        export_claim_onnx(net, workdir / FP32_FILE)
        tokenizer.save(str(workdir / "tokenizer.json"))
        write_config(workdir, {"model_id": f"kfold-{base_name}", "max_length": settings.max_length,
                               "batch_size": settings.batch_size, "heads": list(HEADS)})
        quantize(workdir / FP32_FILE, workdir / INT8_FILE)
        model = ClaimModel(workdir, INT8_FILE)
        tune(model, parts)
        test_cb, test_clef = parts.claimbuster["test"], parts.clef["test"]
        return (model.threshold, model.score([s.text for s in test_cb]),
                model.score([s.text for s in test_clef], head="clef"))

    return recipe


def evaluate_claims(data: Path, part: str = "test", folder: Path | None = None) -> dict:
    """ClaimBuster F1 (P, R) at the model's threshold and CLEF MAP (per debate too) on `part`."""
    if part not in ("test", "dev"):
        raise InputError("--part", f"must be test or dev, got {part!r}")
    model = load_claim_model(folder)
    return {"model_id": model.model_id, "part": part, **scored_by(model, load_claims(Path(data)), part)}

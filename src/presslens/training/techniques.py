"""`presslens train techniques`: train on the fit part, tune on dev, score on the held-out part, export.

The shipped model is the one trained without the held-out part, so the figures in its
metrics.json and model card are on articles it never saw. `retune_techniques` refits only what
sits on top of the encoder (calibration, span decoding, the classifier's second stage)
for an existing model folder, without torch.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from presslens.analyzers.onnx_models import sigmoid, special_ids
from presslens.analyzers.techniques.component import (
    TechniqueModel,
    char_ranges,
    make_windows,
    runs_above,
    token_outputs,
)
from presslens.errors import InputError
from presslens.predict.techniques_files import LabelledSpan
from presslens.training.model_folder import (
    FP32_FILE,
    INT8_FILE,
    quantise_and_ship,
    resolve_base,
    retuned_metrics,
    write_config,
    write_metrics,
)
from presslens.training.settings import TechniquesTrainingSettings
from presslens.training.techniques_data import DEV_BUCKETS, HELD_OUT_BUCKETS, PtcArticle, load_ptc, split
from presslens.training.techniques_eval import evaluate
from presslens.training.techniques_scorer import score_si
from presslens.training.techniques_tune import THRESHOLDS, tune

# int8 ships when it loses no more than this much SI or TC F1 against fp32 on held-out data
# (a quarter of the size matters more to a laptop install than a point of F1).
QUANTISATION_TOLERANCE = 0.015


def dev_si_selector(dev: list[PtcArticle], max_length: int, stride: int) -> Callable[[object, object], float]:
    """Scores a net in training by SI F1 on the dev part at its best plain threshold."""
    # deferred: torch is the optional train extra
    import torch

    gold = [s for a in dev for s in a.spans]
    windows: list = []  # the dev articles' windows, cut at the first call: they never change

    def score(net, tokenizer) -> float:
        if not windows:
            windows.extend(make_windows(tokenizer, article.text, max_length, stride) for article in dev)
        pad_id = special_ids(tokenizer)[2]
        device = next(net.parameters()).device

        def run(ids, mask):
            with torch.no_grad():
                logits, hidden = net(torch.from_numpy(ids).to(device), torch.from_numpy(mask).to(device))
            return logits.cpu().numpy(), hidden.cpu().numpy()

        any_probs = []
        for article_windows in windows:
            logits, _ = token_outputs(article_windows, run, 16, pad_id)
            any_probs.append(sigmoid(logits[:, -1]) if len(logits) else np.zeros(0))
        best = 0.0
        for threshold in THRESHOLDS:
            predicted = [
                LabelledSpan(article.id, "", start, end)
                for article, article_windows, probs in zip(dev, windows, any_probs)
                for start, end in char_ranges(
                    article.text, article_windows.offsets, runs_above(probs, float(threshold))
                )
            ]
            best = max(best, score_si(predicted, gold).f1)
        return best

    return score


def train_techniques(
    data: Path,
    out: Path,
    base: Path | None = None,
    epochs: int = 5,
    seed: int = 13,
    frozen_layers: int = 0,
    any_weight: float = 0.5,
    max_length: int = 256,
    log: Callable[[str], None] = print,
) -> dict:
    """Trains, tunes, scores and exports; returns the metrics written to out/metrics.json.
    Training windows of `max_length` tokens overlap by an eighth; inference ones by a quarter."""
    parts = split(load_ptc(Path(data)))
    if not parts["fit"] or not parts["dev"]:
        raise InputError(str(data), "too few articles to split into fit, dev and held-out parts")
    return train_on_parts(parts, out, base, epochs, seed, frozen_layers, any_weight, max_length, log)


def train_on_parts(
    parts: dict[str, list[PtcArticle]],
    out: Path,
    base: Path | None = None,
    epochs: int = 5,
    seed: int = 13,
    frozen_layers: int = 0,
    any_weight: float = 0.5,
    max_length: int = 256,
    log: Callable[[str], None] = print,
) -> dict:
    """The recipe on given fit, dev and test parts (the fixed split's, or a k-fold's)."""
    # deferred: torch, and the training module that imports it, are the optional train extra
    from presslens.training.techniques_net import train, write_model_folder

    base, base_name = resolve_base(base)
    settings = TechniquesTrainingSettings(max_length=max_length, stride=max_length * 7 // 8, epochs=epochs, seed=seed,
                                          frozen_layers=frozen_layers, any_weight=any_weight)
    stride = settings.max_length * 3 // 4  # inference windows overlap more than training ones
    select = dev_si_selector(parts["dev"], settings.max_length, stride)
    net, tokenizer, trainer = train(parts["fit"], base, settings, log=log, select=select)
    out = Path(out)
    config = {
        "model_id": f"presslens-techniques-{base_name}-s{seed}e{epochs}a{any_weight:g}"
                    + ("" if max_length == 256 else f"w{max_length}"),
        "base": base_name,
        "max_length": settings.max_length,
        "stride": stride,
        "batch_size": 16,
    }
    write_model_folder(net, tokenizer, out, config, FP32_FILE)
    return finish(out, parts, config, trainer.run_info(), log)


def tune_and_score(
    out: Path, onnx_file: str, config: dict, parts: dict[str, list[PtcArticle]], log: Callable[[str], None]
) -> tuple[dict, dict]:
    """Tunes the graph `onnx_file` in `out` on the dev part, writes the tuned config.json,
    and scores it on the held-out part; returns (config, scores)."""
    write_config(out, config)
    log(f"tuning {onnx_file}: calibration, span decoding and the second stage on the dev part")
    tuned = {**config, **tune(TechniqueModel(out, onnx_file), parts["dev"], log)}
    write_config(out, tuned)
    log(f"scoring {onnx_file} on the held-out part")
    return tuned, evaluate(TechniqueModel(out, onnx_file), parts["test"])


def finish(
    out: Path, parts: dict[str, list[PtcArticle]], config: dict, run_info: dict, log: Callable[[str], None]
) -> dict:
    """Quantises the exported fp32 graph, tunes each graph on dev (quantisation moves the
    probabilities, so int8 gets thresholds of its own), scores both on the held-out part,
    and keeps one."""
    graph = quantise_and_ship(
        out, config, lambda name, onnx_file: tune_and_score(out, onnx_file, config, parts, log),
        keep_int8=lambda scores: all(
            scores["fp32"][task]["f1"] - scores["int8"][task]["f1"] <= QUANTISATION_TOLERANCE for task in ("si", "tc")
        ),
    )
    scores = graph.scores
    metrics = {
        "model_id": config["model_id"],
        "shipped": graph.name,
        "split": {
            "held_out_buckets": [HELD_OUT_BUCKETS.start, HELD_OUT_BUCKETS.stop],
            "dev_buckets": [DEV_BUCKETS.start, DEV_BUCKETS.stop],
            "articles": {name: len(items) for name, items in parts.items()},
        },
        "held_out": scores,
        **run_info,
    }
    write_metrics(out, metrics, TechniquesTrainingSettings)
    log(
        f"held-out ({metrics['shipped']}): SI F1 {scores['int8']['si']['f1']:.3f} (int8) / "
        f"{scores['fp32']['si']['f1']:.3f} (fp32), "
        f"TC F1 {scores['int8']['tc']['f1']:.3f} / {scores['fp32']['tc']['f1']:.3f}"
    )
    return metrics


def retune_techniques(data: Path, out: Path, log: Callable[[str], None] = print) -> dict:
    """Refits the tuned parts of the model in `out` on the dev part, rescores it on the
    held-out part, and rewrites its config.json and metrics.json; the encoder is kept."""
    out = Path(out)
    model = TechniqueModel(out, INT8_FILE)
    parts = split(load_ptc(Path(data)))
    if not parts["dev"] or not parts["test"]:
        raise InputError(str(data), "too few articles to split into dev and held-out parts")
    config, scores = tune_and_score(out, INT8_FILE, model.config, parts, log)
    # Only the shipped graph is in the folder, so only its figures are current.
    metrics = retuned_metrics(out, config.get("model_id", out.name), lambda shipped: {"held_out": {shipped: scores}},
                              TechniquesTrainingSettings)
    log(f"held-out ({metrics['shipped']}): SI F1 {scores['si']['f1']:.3f}, TC F1 {scores['tc']['f1']:.3f}")
    return metrics

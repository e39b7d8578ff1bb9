"""`presslens train framing` and `presslens eval framing`: the entity-framing model.

Trains on the fit part (SemEval-2025 Task 10 subtask 1, English; optionally with the
Narrative Frames Corpus), keeps the epoch best on dev, exports fp32 and int8 graphs, fits
the decoding settings on dev for each, scores both on the held-out part, and keeps int8
(fp32 is over the size a bundled file may have; its figures show what int8 costs). `retune_framing` refits only the
decoding settings of an existing model folder, without torch.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from presslens.analyzers.framing.model import (
    ONE_FINE_ROLE,
    FramingModel,
    RoleScores,
    decode_roles,
    entity_scores,
    load_framing_model,
)
from presslens.analyzers.framing.roles import MAIN_ROLES
from presslens.errors import InputError
from presslens.training.framing_data import (
    DEV_BUCKETS,
    HELD_OUT_BUCKETS,
    PARTS,
    SPLIT_SALT,
    FramingData,
    LabelledMention,
    add_name_swaps,
    add_narrative_frames,
    framing_scores,
    load_semeval,
    role_counts,
    semeval_only,
)
from presslens.training.model_folder import (
    FP32_FILE,
    quantise_and_ship,
    resolve_base,
    retuned_metrics,
    write_config,
    write_metrics,
)
from presslens.training.settings import FramingTrainingSettings

FINE_THRESHOLDS = [round(t, 2) for t in np.arange(0.2, 0.96, 0.05)] + [ONE_FINE_ROLE]
ENTITY_THRESHOLDS = [round(t, 2) for t in np.arange(0.34, 0.96, 0.02)]
FRAMED_TYPES = ("PERSON", "ORG", "GPE", "NORP")


def selection_score(gold: list[LabelledMention], scores: RoleScores) -> float:
    """What picks the epoch and the settings on dev: accuracy + macro-F1 + EMR."""
    result = framing_scores(gold, decode_roles(scores, ONE_FINE_ROLE))
    return result["accuracy"] + result["macro_f1"] + result["emr"]


def dev_selector(data: FramingData, settings) -> Callable[[object, object], float]:
    # deferred: torch is the optional train extra
    from presslens.training.framing_net import net_scores

    dev = data.parts["dev"]
    return lambda net, tokenizer: selection_score(dev, net_scores(net, tokenizer, data.texts, dev, settings))


def model_scores(model: FramingModel, data: FramingData, mentions: list[LabelledMention]) -> RoleScores:
    """The model's role probabilities for `mentions`, in order, one `scores` call per document."""
    main = np.zeros((len(mentions), len(MAIN_ROLES)))
    fine = None
    by_document: dict[str, list[int]] = {}
    for index, mention in enumerate(mentions):
        by_document.setdefault(mention.document, []).append(index)
    for document, indices in by_document.items():
        scored = model.scores(data.texts[document], [(mentions[i].start, mentions[i].end) for i in indices])
        if fine is None:
            fine = np.zeros((len(mentions), scored.fine.shape[1]))
        main[indices], fine[indices] = scored.main, scored.fine
    return RoleScores(main, fine if fine is not None else np.zeros((0, 0)))


def entity_examples(data: FramingData) -> list[tuple[str, list[tuple[int, int]], bool]]:
    """The dev documents' PERSON, ORG, GPE and NORP entities as presslens finds them: (document,
    mention spans, whether the annotators gave any of its mentions a role)."""
    # deferred: spaCy and the entities component load only for this
    from presslens.analyzers.layers import get_layer
    from presslens.pipeline import Pipeline

    pipeline = Pipeline(["presslens_entities"])
    gold: dict[str, list[LabelledMention]] = {}
    for mention in data.parts["dev"]:
        gold.setdefault(mention.document, []).append(mention)
    examples = []
    for document, mentions in sorted(gold.items()):
        doc = pipeline.nlp(data.texts[document])
        for entity in get_layer(doc, "entities"):
            if entity.type not in FRAMED_TYPES:
                continue
            spans = [(m.start, m.end) for m in entity.mentions]
            labelled = any(g.start < end and start < g.end for g in mentions for start, end in spans)
            examples.append((document, spans, labelled))
    return examples


def tune_entity_threshold(model: FramingModel, data: FramingData, examples: list) -> dict:
    """The entity threshold with the best F1 at telling the entities the annotators cast in a
    role from those they left alone (named in passing), on the dev documents."""
    best = (-1.0, 0.0)
    tops, labels = [], []
    for document, spans, labelled in examples:
        tops.append(float(entity_scores(model.scores(data.texts[document], spans).main).max()))
        labels.append(labelled)
    top, label = np.array(tops), np.array(labels)
    for threshold in ENTITY_THRESHOLDS:
        kept = top >= threshold
        true_pos = float((kept & label).sum())
        precision, recall = true_pos / max(kept.sum(), 1), true_pos / max(label.sum(), 1)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        if f1 > best[0] + 1e-9:
            best = (f1, threshold)
    return {"entity_threshold": best[1], "entity_threshold_f1": round(best[0], 4),
            "entities": len(examples), "labelled_entities": int(label.sum())}


def tune(model: FramingModel, data: FramingData, examples: list) -> dict:
    """Decoding settings on dev: the fine-role threshold (best EMR), the entity threshold."""
    dev = data.parts["dev"]
    scores = model_scores(model, data, dev)
    model.fine_threshold = max(FINE_THRESHOLDS, key=lambda t: (framing_scores(dev, decode_roles(scores, t))["emr"], t))
    entity = tune_entity_threshold(model, data, examples)
    model.entity_threshold = entity["entity_threshold"]
    return {"fine_threshold": model.fine_threshold, **entity}


def scored_by(model: FramingModel, data: FramingData, part: str) -> dict:
    gold = data.parts[part]
    return framing_scores(gold, model.decode(model_scores(model, data, gold)))


def throughput(model: FramingModel, data: FramingData) -> dict:
    """Mentions a second for `model.scores` over the held-out documents, a call per document."""
    mentions = data.parts["test"]
    began = time.perf_counter()
    model_scores(model, data, mentions)
    seconds = max(time.perf_counter() - began, 1e-9)
    return {"mentions_per_s": round(len(mentions) / seconds, 1), "mentions": len(mentions),
            "documents": len({m.document for m in mentions})}


def load_data(data: Path, extra: Path | None, log: Callable[[str], None], swap_seed: int | None = None) -> FramingData:
    parts = load_semeval(Path(data))
    for part in PARTS:
        if not parts.parts[part]:
            raise InputError(str(data), f"no labelled mentions in the {part} part of the split")
    if extra is not None:
        log(f"Narrative Frames: {add_narrative_frames(parts, Path(extra))} mentions added to the fit part")
    if swap_seed is not None:
        log(f"name swaps: {add_name_swaps(parts, swap_seed)} mentions added to the fit part")
    return parts


def train_framing(
    data: Path, out: Path, extra: Path | None = None, base: Path | None = None, epochs: int = 4, seed: int = 13,
    swap_names: bool = False, log: Callable[[str], None] = print,
) -> dict:
    """Trains, tunes, scores and exports; returns the metrics written to out/metrics.json."""
    # deferred: torch, and the training module that imports it, are the optional train extra
    from presslens.training.framing_net import export_framing, train_framing_net

    base, base_name = resolve_base(base)
    parts = load_data(data, extra, log, swap_seed=seed if swap_names else None)
    settings = FramingTrainingSettings(epochs=epochs, seed=seed)
    net, tokenizer, trainer = train_framing_net(parts.texts, parts.parts["fit"], base, settings, log=log,
                                                select=dev_selector(parts, settings))
    out = Path(out)
    export_framing(net, tokenizer, out, FP32_FILE)
    config = {
        "model_id": f"presslens-framing-{base_name}-s{seed}e{epochs}"
                    f"{'-nf' if extra else ''}{'-swap' if swap_names else ''}",
        "base": base_name,
        "max_length": settings.max_length,
        "context": settings.context,
        "batch_size": settings.batch_size,
        "main_roles": list(MAIN_ROLES),
    }
    return finish(out, parts, config, {
        "extra_data": "narrative-frames" if extra else None,
        "name_swaps": swap_names,
        **trainer.run_info(),
    }, log)


def split_info(data: FramingData) -> dict:
    semeval = {part: semeval_only(data.parts[part]) for part in PARTS}
    return {
        "by": f"sha1('{SPLIT_SALT}:' + document file name), first 8 hex digits, mod 100",
        "dev_buckets": [DEV_BUCKETS.start, DEV_BUCKETS.stop],
        "held_out_buckets": [HELD_OUT_BUCKETS.start, HELD_OUT_BUCKETS.stop],
        "documents": {part: len({m.document for m in semeval[part]}) for part in PARTS},
        "mentions": {part: role_counts(semeval[part]) for part in PARTS},
        "narrative_frames_mentions": sum(m.document.startswith("narrative-frames/") for m in data.parts["fit"]),
        "name_swapped_mentions": sum(m.document.startswith("swapped/") for m in data.parts["fit"]),
    }


def finish(out: Path, parts: FramingData, config: dict, run_info: dict, log: Callable[[str], None]) -> dict:
    """Quantises the fp32 graph in `out`, tunes each graph on dev, scores both on the
    held-out part, keeps int8, writes config.json and metrics.json."""
    log("finding the dev documents' entities, for the entity threshold")
    examples = entity_examples(parts)

    def tune_and_score(name: str, onnx_file: str) -> tuple[dict, dict]:
        model = FramingModel(out, onnx_file)
        tuned = {**config, **tune(model, parts, examples)}
        scores = {"test": scored_by(model, parts, "test"), "dev": scored_by(model, parts, "dev")}
        log(f"{name}: held out {json.dumps(scores['test'])}")
        return tuned, scores

    # Per-channel scales: on the development part they kept accuracy and macro-F1 within
    # 0.01 of fp32, where one scale per matrix lost 0.03. The fp32 graph is 90 MB, over the
    # 25 MB a bundled model file may weigh: int8 ships, fp32's figures show what that costs.
    graph = quantise_and_ship(out, config, tune_and_score, per_channel=True)
    shipped = graph.name
    scores = {name: graph.scores[name]["test"] for name in graph.scores}
    dev_scores = {name: graph.scores[name]["dev"] for name in graph.scores}
    metrics = {
        "model_id": config["model_id"],
        "shipped": shipped,
        "split": split_info(parts),
        "decoding": {k: v for k, v in graph.config.items() if k not in config},
        "held_out": scores,
        "dev": dev_scores,
        "always_antagonist": framing_scores(parts.parts["test"], [("Antagonist", []) for _ in parts.parts["test"]]),
        "speed": throughput(FramingModel(out), parts),
        **run_info,
    }
    write_metrics(out, metrics, FramingTrainingSettings)
    return metrics


def retune_framing(data: Path, out: Path, log: Callable[[str], None] = print) -> dict:
    """Refits the decoding settings of the model in `out` on dev, rescores it on the held-out
    part, and rewrites its config.json and metrics.json; the encoder and heads are kept."""
    out = Path(out)
    model = FramingModel(out)
    parts = load_data(data, None, log)
    config = {**model.config, **tune(model, parts, entity_examples(parts))}
    write_config(out, config)
    return retuned_metrics(out, config.get("model_id", out.name), lambda shipped: {
        "decoding": {k: config[k] for k in ("fine_threshold", "entity_threshold", "entity_threshold_f1")
                     if k in config},
        "held_out": {shipped: scored_by(model, parts, "test")},
        "dev": {shipped: scored_by(model, parts, "dev")},
    }, FramingTrainingSettings)


def evaluate_framing(data: Path, part: str = "test", folder: Path | None = None) -> dict:
    """Main-role accuracy and macro-F1 and the fine-role exact match ratio on `part`."""
    if part not in ("test", "dev"):
        raise InputError("--part", f"must be test or dev, got {part!r}")
    model = load_framing_model(folder)
    return {"model_id": model.model_id, "part": part, **scored_by(model, load_semeval(Path(data)), part)}

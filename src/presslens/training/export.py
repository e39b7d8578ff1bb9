"""Writes a trained net as a self-contained model folder: ONNX graph, tokenizer, labels, heads, config."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import torch

from presslens.training.ptc import TECHNIQUES
from presslens.training.train import ExportWrapper, TechniqueNet

OPSET = 17


def export_onnx(net: TechniqueNet, path: Path) -> None:
    """fp32 graph with dynamic batch and sequence axes; outputs token_logits and hidden."""
    wrapper = ExportWrapper(net).eval()
    ids = torch.ones((2, 16), dtype=torch.long)
    mask = torch.ones((2, 16), dtype=torch.long)
    with torch.no_grad():
        torch.onnx.export(
            wrapper,
            (ids, mask),
            str(path),
            input_names=["input_ids", "attention_mask"],
            output_names=["token_logits", "hidden"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "sequence"},
                "attention_mask": {0: "batch", 1: "sequence"},
                "token_logits": {0: "batch", 1: "sequence"},
                "hidden": {0: "batch", 1: "sequence"},
            },
            opset_version=OPSET,
            dynamo=False,
        )


def write_model_folder(net: TechniqueNet, tokenizer, out: Path, config: dict, onnx_file: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    export_onnx(net, out / onnx_file)
    tokenizer.save(str(out / "tokenizer.json"))
    (out / "labels.json").write_text(json.dumps(list(TECHNIQUES), indent=1) + "\n", encoding="utf-8")
    head = net.span_head
    np.savez(out / "span_head.npz", weight=head.weight.detach().numpy(), bias=head.bias.detach().numpy())
    (out / "config.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")

"""`presslens train sentences`: the shared sentence encoder's folder, exported from the base
encoder as published (nothing is trained): mean pooling over the attention mask, int8
weights quantised per output channel (per-tensor scales cost it a twentieth of its cosine
similarity to the fp32 embedding; per channel about a hundredth), the base's tokenizer.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import numpy as np

from presslens.training.model_folder import FP32_FILE, INT8_FILE, quantize, resolve_base, write_config

MAX_LENGTH = 128


def export_sentence_encoder(out: Path, base: Path | None = None, log: Callable[[str], None] = print) -> dict:
    """Writes model.onnx, tokenizer.json and config.json to `out`; returns the fidelity figures."""
    # deferred: torch and transformers are the optional train extra
    import torch
    from transformers import AutoModel

    from presslens.training.harness import export_onnx

    base, base_name = resolve_base(base)

    class MeanPooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(base)

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            states = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(states.dtype)
            return (states * mask).sum(1) / mask.sum(1).clamp(min=1e-9)

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    module = MeanPooled()
    export_onnx(module, out / FP32_FILE, {"embedding": {0: "batch"}})
    quantize(out / FP32_FILE, out / INT8_FILE, per_channel=True)
    shutil.copy(base / "tokenizer.json", out / "tokenizer.json")
    write_config(out, {"model_id": f"presslens-sentences-{base_name}-int8pc", "base": base_name,
                       "max_length": MAX_LENGTH, "batch_size": 32, "pooling": "mean", "normalised": True})
    fidelity = _fidelity(module, out)
    (out / FP32_FILE).unlink()
    log(f"int8 against fp32 cosine: {fidelity}")
    return fidelity


def _fidelity(module, out: Path) -> dict:
    """Cosine similarity of the int8 graph's embeddings to the fp32 module's, on a few
    made-up sentences of the kinds presslens reads."""
    import torch

    from presslens.analyzers.sentence_encoder import SentenceEncoder

    texts = [
        "The council voted on Thursday to close the old ferry terminal.",
        "Unemployment fell to 4.1 percent in March, the lowest level since 2000.",
        '"We will never bow to pressure," the leader told a rally in the capital.',
        "Critics called the plan a betrayal of the island villages.",
        "Is this the end of the road for the coalition?",
    ]
    encoder = SentenceEncoder(out)
    quantised = encoder.embed(texts)
    encodings = encoder.tokenizer.encode_batch(texts)
    reference = []
    with torch.no_grad():
        for encoding in encodings:
            ids = torch.tensor([encoding.ids])
            reference.append(module(ids, torch.ones_like(ids))[0].numpy())
    reference = np.stack(reference)
    reference /= np.linalg.norm(reference, axis=1, keepdims=True)
    cosine = (quantised * reference).sum(axis=1)
    return {"cosine_mean": round(float(cosine.mean()), 4), "cosine_min": round(float(cosine.min()), 4)}

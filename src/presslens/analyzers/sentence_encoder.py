"""The sentence encoder: all-MiniLM-L6-v2 as published (not fine-tuned), mean-pooled, one
unit vector per text. Loaded once per process and shared by every layer that reads whole
sentences: the check-worthiness head (claims) and story clustering (stories).

Only onnxruntime, tokenizers and numpy are used here; the graph is exported by
`presslens train sentences` (training/sentences.py).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from presslens.analyzers.onnx_models import OnnxModel

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "sentences"
DIMENSIONS = 384


class SentenceEncoder(OnnxModel):
    """Texts to L2-normalised mean-pooled embeddings, (texts, 384), float32."""

    task, what, docs, bundled = "sentences", "sentence encoder", "docs/claims-model.md", MODEL_DIR
    files = ("tokenizer.json", "config.json")
    default_max_length, default_batch_size = 128, 32

    def __init__(self, folder: Path, onnx_file: str = "model.onnx") -> None:
        super().__init__(folder, onnx_file)
        self.tokenizer.enable_truncation(self.max_length)
        self._output = self._session.get_outputs()[0].name

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return out
        for chosen, ids, mask in self.padded_batches(self.tokenizer.encode_batch(list(texts))):
            (pooled,) = self._session.run([self._output], {"input_ids": ids, "attention_mask": mask})
            out[chosen] = pooled
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-9)


def load_sentence_encoder(folder: Path | None = None) -> SentenceEncoder:
    """The encoder in `folder` (default: PRESSLENS_SENTENCES_MODEL or the bundled one), loaded once per process."""
    return SentenceEncoder.load(folder)

"""The check-worthiness model: one calibrated score (0..1) per sentence.

A sentence encoder (all-MiniLM-L6-v2 fine-tuned on ClaimBuster and CLEF CheckThat! 2019,
mean pooling and a linear layer, exported to ONNX) gives one logit per sentence and head;
a Platt scaling per head, fitted on the development part, turns it into a probability.
The "claimbuster" head (is this a factual claim worth checking?) is the score presslens
uses; the "clef" head ranks debate lines as CheckThat! 2019 labelled them. A folder with
one head scores both ways with it. Only onnxruntime, tokenizers and numpy are used here:
torch stays in the optional `train` extra.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from presslens.analyzers.onnx_models import OnnxModel

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "claims"
MODEL_FILES = ("model.onnx", "tokenizer.json", "config.json")


class ClaimModel(OnnxModel):
    """The ONNX sentence classifier of one model folder, with its calibration and threshold."""

    task, what, docs, bundled, files = "claims", "claim", "docs/claims-model.md", MODEL_DIR, MODEL_FILES[1:]
    default_max_length, default_batch_size = 96, 32

    def __init__(self, folder: Path, onnx_file: str = "model.onnx") -> None:
        super().__init__(folder, onnx_file)
        self.threshold = float(self.config.get("threshold", 0.5))
        self.heads: list[str] = list(self.config.get("heads", ["claimbuster"]))
        # Per head: (scale, bias) of sigmoid(scale * logit + bias).
        self.platt: dict[str, tuple[float, float]] = {
            head: (float(p["scale"]), float(p["bias"])) for head, p in self.config.get("platt", {}).items()
        }
        self.tokenizer.enable_truncation(self.max_length)
        # As the claims trainer pads: [PAD], else 0.
        self.pad_id = self.tokenizer.token_to_id("[PAD]") or 0
        self._output = self._session.get_outputs()[0].name

    def logits(self, sentences: list[str]) -> np.ndarray:
        """Uncalibrated logits, (sentences, heads); batches group sentences of like length."""
        encodings = self.tokenizer.encode_batch(list(sentences))
        out = np.zeros((len(encodings), len(self.heads)), dtype=np.float32)
        order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
        for first in range(0, len(order), self.batch_size):
            chosen = order[first:first + self.batch_size]
            width = max(len(encodings[i].ids) for i in chosen)
            ids = np.full((len(chosen), width), self.pad_id, dtype=np.int64)
            mask = np.zeros((len(chosen), width), dtype=np.int64)
            for row, i in enumerate(chosen):
                ids[row, :len(encodings[i].ids)] = encodings[i].ids
                mask[row, :len(encodings[i].ids)] = 1
            (batch_logits,) = self._session.run([self._output], {"input_ids": ids, "attention_mask": mask})
            out[chosen] = batch_logits.reshape(len(chosen), -1)
        return out

    def column(self, head: str) -> int:
        return self.heads.index(head) if head in self.heads else 0

    def calibrate(self, logits: np.ndarray, head: str = "claimbuster") -> np.ndarray:
        """Probabilities from one head's logits, by that head's Platt scaling."""
        scale, bias = self.platt.get(head) or self.platt.get(self.heads[self.column(head)], (1.0, 0.0))
        return 1.0 / (1.0 + np.exp(-(scale * logits + bias)))

    def score(self, sentences: list[str], head: str = "claimbuster") -> list[float]:
        """Calibrated check-worthiness of each sentence, in order (`head` "clef": the debate-line ranking)."""
        if not sentences:
            return []
        return [float(p) for p in self.calibrate(self.logits(sentences)[:, self.column(head)], head)]


def load_claim_model(folder: Path | None = None) -> ClaimModel:
    """The model in `folder` (default: PRESSLENS_CLAIMS_MODEL or the bundled one), loaded once per process."""
    return ClaimModel.load(folder)

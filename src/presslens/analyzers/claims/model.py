"""The check-worthiness model: one calibrated score (0..1) per sentence.

Two recipes make a claims folder. The bundled one reads the shared frozen sentence
encoder (all-MiniLM-L6-v2 as published, analyzers/sentence_encoder.py) and the sentence's
own features (numbers, dates, tense...), with a linear layer per head fitted on ClaimBuster
and CLEF CheckThat! 2019 (head.npz). The other fine-tunes the encoder with its heads and
ships its own ONNX graph (model.onnx). Either gives one logit per sentence and head;
a Platt scaling per head, fitted on the development part, turns it into a probability.
The "claimbuster" head (is this a factual claim worth checking?) is the score presslens
uses; the "clef" head ranks debate lines as CheckThat! 2019 labelled them. A folder with
one head scores both ways with it. Only onnxruntime, tokenizers and numpy are used here:
torch stays in the optional `train` extra.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from presslens.analyzers.claims.features import features_of
from presslens.analyzers.onnx_models import ModelFolder, OnnxModel
from presslens.analyzers.sentence_encoder import SentenceEncoder, load_sentence_encoder

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "claims"
HEAD_FILE = "head.npz"
DOCS = "docs/claims-model.md"


class ClaimGraph(OnnxModel):
    """A fine-tuned encoder with its linear heads, one ONNX graph: sentences -> logits."""

    task, what, docs, bundled = "claims", "claim", DOCS, MODEL_DIR
    files = ("tokenizer.json", "config.json")
    default_max_length, default_batch_size = 96, 32

    def __init__(self, folder: Path, onnx_file: str = "model.onnx") -> None:
        super().__init__(folder, onnx_file)
        self.tokenizer.enable_truncation(self.max_length)
        # As the claims trainer pads: [PAD], else 0.
        self.pad_id = self.tokenizer.token_to_id("[PAD]") or 0
        self._output = self._session.get_outputs()[0].name

    def logits(self, sentences: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(list(sentences))
        out = np.zeros((len(encodings), len(self.config.get("heads", ["claimbuster"]))), dtype=np.float32)
        for chosen, ids, mask in self.padded_batches(encodings):
            (batch_logits,) = self._session.run([self._output], {"input_ids": ids, "attention_mask": mask})
            out[chosen] = batch_logits.reshape(len(chosen), -1)
        return out


class ClaimHead:
    """Linear heads over the shared frozen sentence embedding and the sentence's own
    features (claims/features.py): head.npz holds `weights` (heads, inputs) and `bias`."""

    def __init__(self, folder: Path) -> None:
        stored = np.load(folder / HEAD_FILE)
        self.weights = stored["weights"].astype(np.float32)
        self.bias = stored["bias"].astype(np.float32)
        self.encoder = load_sentence_encoder()
        self.tokenizer = self.encoder.tokenizer

    def logits(self, sentences: list[str]) -> np.ndarray:
        return head_inputs(self.encoder, sentences) @ self.weights.T + self.bias


def head_inputs(encoder: SentenceEncoder, sentences: list[str]) -> np.ndarray:
    """What the linear heads read of each sentence: its embedding, then its features."""
    return np.hstack([encoder.embed(sentences), features_of(sentences)])


class ClaimModel(ModelFolder):
    """The check-worthiness model of one folder: linear heads on the shared sentence
    encoder (a folder with head.npz), or a fine-tuned graph of its own (model.onnx), with
    the calibration and threshold of its config.json."""

    task, what, docs, bundled, files = "claims", "claim", DOCS, MODEL_DIR, ("config.json",)

    def __init__(self, folder: Path, onnx_file: str = "model.onnx") -> None:
        folder = Path(folder)
        super().__init__(folder, () if (folder / HEAD_FILE).is_file() else (onnx_file, "tokenizer.json"))
        self.scorer: ClaimHead | ClaimGraph = (
            ClaimHead(folder) if (folder / HEAD_FILE).is_file() else ClaimGraph(folder, onnx_file)
        )
        self.tokenizer = self.scorer.tokenizer
        self.threshold = float(self.config.get("threshold", 0.5))
        self.heads: list[str] = list(self.config.get("heads", ["claimbuster"]))
        # Per head: (scale, bias) of sigmoid(scale * logit + bias).
        self.platt: dict[str, tuple[float, float]] = {
            head: (float(p["scale"]), float(p["bias"])) for head, p in self.config.get("platt", {}).items()
        }

    def logits(self, sentences: list[str]) -> np.ndarray:
        """Uncalibrated logits, (sentences, heads)."""
        return self.scorer.logits(sentences)

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

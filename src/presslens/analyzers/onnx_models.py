"""What the bundled models (techniques, claims, framing, the sentence encoder) share: which
folder to load, the check that its files are there, its config, and loading each folder once
per process (ModelFolder); the tokenizer and onnxruntime session of a folder with a graph
(OnnxModel); and what their spaCy components share (ModelComponent)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar, Generic, Self, TypeVar

import numpy as np

from presslens.config import current_settings
from presslens.errors import ModelMissingError

_loaded: dict[tuple[type, str], Any] = {}
_lock = threading.Lock()


def require_files(folder: Path, names: Iterable[str], what: str, docs: str, env_var: str) -> None:
    """ModelMissingError, saying how to get the model back, when any of `names` is not in `folder`."""
    missing = [name for name in names if not (folder / name).is_file()]
    if missing:
        raise ModelMissingError(
            f"{what} model file(s) {', '.join(missing)} missing in {folder}; reinstall presslens, or train "
            f"a model ({docs}) and set {env_var} to its folder"
        )


def onnx_session(path: Path):
    """A CPU inference session; Settings.threads (PRESSLENS_THREADS) caps its threads (0: onnxruntime decides)."""
    # deferred: onnxruntime loads with a model, at its first use
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = current_settings().threads
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def special_ids(tokenizer) -> tuple[int, int, int]:
    """[CLS], [SEP] and [PAD] ids (or their RoBERTa-style equivalents)."""
    def first(*names: str) -> int:
        for name in names:
            found = tokenizer.token_to_id(name)
            if found is not None:
                return found
        raise ModelMissingError(f"tokenizer has none of {names}")

    return first("[CLS]", "<s>"), first("[SEP]", "</s>"), first("[PAD]", "<pad>")


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def softmax(x: np.ndarray) -> np.ndarray:
    shifted = np.exp(x - x.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


class ModelFolder:
    """One model folder and its config.json: where it is found, and loading it once per
    process. A subclass names its task and files, and reads the rest of its folder."""

    task: ClassVar[str]  # the folder name under Settings.models_dir, and the setting `<task>_model`
    what: ClassVar[str]  # the model's name in the missing-file message
    docs: ClassVar[str]  # where the message sends the reader to train one
    bundled: ClassVar[Path]  # the folder shipped with presslens
    files: ClassVar[tuple[str, ...]]  # the files it needs, config.json among them

    def __init__(self, folder: Path, graph_files: tuple[str, ...] = ()) -> None:
        folder = Path(folder)
        require_files(folder, (*graph_files, *self.files), self.what, self.docs, self.env_var())
        self.folder = folder
        self.config: dict = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        self.model_id: str = self.config.get("model_id", folder.name)

    @classmethod
    def env_var(cls) -> str:
        return f"PRESSLENS_{cls.task.upper()}_MODEL"

    @classmethod
    def default_folder(cls) -> Path:
        """Settings `<task>_model`, else `<task>/` of Settings.models_dir where it is there, else the bundled folder."""
        settings = current_settings()
        chosen = getattr(settings, f"{cls.task}_model")
        if chosen:
            return Path(chosen)
        if settings.models_dir and (settings.models_dir / cls.task).is_dir():
            return settings.models_dir / cls.task
        return cls.bundled

    @classmethod
    def load(cls, folder: Path | None = None) -> Self:
        """The model in `folder` (default: `default_folder()`), loaded once per process and folder."""
        folder = Path(folder or cls.default_folder())
        key = (cls, str(folder.resolve()))
        with _lock:
            if key not in _loaded:
                _loaded[key] = cls(folder)
            return _loaded[key]


class OnnxModel(ModelFolder):
    """A model folder with a tokenizer.json (no truncation, no padding) and an ONNX graph,
    run by onnxruntime."""

    # The tokens a window or sentence holds and the windows a session call runs, where
    # config.json names none (its max_length and batch_size).
    default_max_length: ClassVar[int] = 128
    default_batch_size: ClassVar[int] = 16

    def __init__(self, folder: Path, onnx_file: str = "model.onnx") -> None:
        folder = Path(folder)
        super().__init__(folder, (onnx_file,))
        # deferred: the tokenizer loads with the model, at its first use
        from tokenizers import Tokenizer

        self.max_length = int(self.config.get("max_length", self.default_max_length))
        self.batch_size = int(self.config.get("batch_size", self.default_batch_size))
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        self.pad_id = special_ids(self.tokenizer)[2]
        self._session = onnx_session(folder / onnx_file)

    def padded_batches(self, encodings: list) -> Iterable[tuple[list[int], np.ndarray, np.ndarray]]:
        """Batches of `batch_size` encodings of like length: (their indices, input_ids, attention_mask)."""
        order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
        for first in range(0, len(order), self.batch_size):
            chosen = order[first:first + self.batch_size]
            width = max(len(encodings[i].ids) for i in chosen)
            ids = np.full((len(chosen), width), self.pad_id, dtype=np.int64)
            mask = np.zeros((len(chosen), width), dtype=np.int64)
            for row, i in enumerate(chosen):
                ids[row, :len(encodings[i].ids)] = encodings[i].ids
                mask[row, :len(encodings[i].ids)] = 1
            yield chosen, ids, mask


ModelT = TypeVar("ModelT", bound=ModelFolder)


class ModelComponent(Generic[ModelT]):
    """What the claims, framing and techniques components share: the model folder they were
    given (None: the model's default folder), and the model, loaded at the first Doc.
    A subclass names its model class."""

    model_class: type[ModelT]

    def __init__(self, name: str, model_dir: str | None = None) -> None:
        self.name = name
        self.model_dir = Path(model_dir) if model_dir else None

    @property
    def model(self) -> ModelT:
        return self.model_class.load(self.model_dir)

    @property
    def model_id(self) -> str:
        return self.model.model_id

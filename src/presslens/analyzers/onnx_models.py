"""What the bundled ONNX models (techniques, claims) share: which folder to load, the check
that its files are there, the onnxruntime session, and loading each folder once per process."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from presslens.errors import ModelMissingError

Model = TypeVar("Model")

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
    """A CPU inference session; PRESSLENS_THREADS caps its threads (0: onnxruntime decides)."""
    # deferred: onnxruntime loads with a model, at its first use
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = int(os.environ.get("PRESSLENS_THREADS") or 0)
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def load_once(make: Callable[[Path], Model], folder: Path | None, env_var: str, bundled: Path) -> Model:
    """`make(folder)` once per process and folder; the folder defaults to `env_var`, else `bundled`."""
    folder = Path(folder or os.environ.get(env_var) or bundled)
    key = (make, str(folder.resolve()))
    with _lock:
        if key not in _loaded:
            _loaded[key] = make(folder)
        return _loaded[key]

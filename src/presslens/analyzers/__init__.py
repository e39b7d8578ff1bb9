"""presslens analyzers: spaCy components, each adding one layer to the Doc.

Importing this package, or a word list or name table inside it, loads no spaCy: each
`presslens_*` factory registers when its component module is imported. `Pipeline` imports
them all (`register_factories`), and an installed presslens names them to spaCy through the
`spacy_factories` entry points (pyproject.toml), so `spacy.blank("en").add_pipe("presslens_quotes")`
finds the factory in anyone's own pipeline too.
"""

from __future__ import annotations

import importlib

# Each factory and the module that registers it; pyproject.toml's spacy_factories entry points
# name the same modules (tests/analyzers/test_loading.py holds the two together).
FACTORY_MODULES = {
    "presslens_furniture": "presslens.analyzers.furniture.component",
    "presslens_entities": "presslens.analyzers.entities.component",
    "presslens_framing": "presslens.analyzers.framing.component",
    "presslens_quotes": "presslens.analyzers.quotes.component",
    "presslens_time_refs": "presslens.analyzers.timeref.component",
    "presslens_claims": "presslens.analyzers.claims.component",
    "presslens_techniques": "presslens.analyzers.techniques.component",
    "presslens_scores": "presslens.analyzers.scores",
}


def register_factories() -> None:
    """Registers every presslens_* factory with spaCy (importing the component modules, and
    with them spaCy); a second call costs nothing."""
    for module in FACTORY_MODULES.values():
        importlib.import_module(module)

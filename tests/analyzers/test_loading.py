"""What loads when: the analyzers package, its word lists and name tables load no spaCy; the
presslens_* factories register when a Pipeline is built, and, for an installed presslens,
through spaCy's `spacy_factories` entry points in anyone's own pipeline."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest
from spacy.language import Language

from presslens.analyzers import FACTORY_MODULES
from support.paths import read_pyproject

LIGHT_MODULES = (
    "presslens.analyzers",
    "presslens.analyzers.onnx_models",
    "presslens.analyzers.claims.words",
    "presslens.analyzers.entities.countries",
    "presslens.analyzers.entities.words",
    "presslens.analyzers.framing.reading",
    "presslens.analyzers.framing.roles",
    "presslens.analyzers.quotes.marks",
    "presslens.analyzers.quotes.speaker_names",
    "presslens.analyzers.quotes.speech_verbs",
    "presslens.analyzers.techniques.names",
    "presslens.analyzers.timeref.calendar",
    "presslens.analyzers.timeref.periods",
    "presslens.analyzers.timeref.words",
    "presslens.article",
)


def run_python(code: str) -> str:
    """What `code` prints, run in a fresh interpreter (this one has spaCy loaded already)."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


@pytest.mark.parametrize("module", LIGHT_MODULES)
def test_a_light_module_loads_no_spacy(module):
    assert run_python(f"import sys, {module}; print('spacy' in sys.modules)") == "False"


def test_the_entry_points_name_every_factory_and_the_module_that_registers_it():
    entry_points = read_pyproject()["project"]["entry-points"]["spacy_factories"]
    assert {name: value.split(":")[0] for name, value in entry_points.items()} == FACTORY_MODULES
    for name, value in entry_points.items():
        module, function = value.split(":")
        factory = getattr(importlib.import_module(module), function)
        assert Language.get_factory_meta(name).factory == name and callable(factory)


def test_an_installed_presslens_gives_spacy_its_factories_without_an_import():
    # Needs the installed metadata to carry the entry points: `pip install -e .` after they change.
    code = (
        "import spacy; nlp = spacy.blank('en'); nlp.add_pipe('presslens_entities'); "
        "nlp.add_pipe('presslens_quotes'); print(nlp.pipe_names)"
    )
    assert run_python(code) == "['presslens_entities', 'presslens_quotes']"

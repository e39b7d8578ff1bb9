"""The presslens components say what they assign and require: spaCy can check a pipeline
of them, and one built without a component another needs fails as it is built."""

from __future__ import annotations

import pytest
import spacy

from presslens.analyzers import register_factories
from presslens.analyzers.entities.index import EntityIndex
from presslens.analyzers.layers import get_layer
from presslens.article import Article
from presslens.errors import PipelineError
from presslens.nlp import load_nlp
from presslens.pipeline import COMPONENTS, Pipeline

TEXT = 'Foreign Minister Irina Dross met reporters in Vienna. "The talks will go on," she said.'


@pytest.fixture(scope="module", autouse=True)
def factories():
    """The presslens_* factories, registered as Pipeline registers them (an installed presslens
    also names them to spaCy through its entry points: test_loading.py)."""
    register_factories()


@pytest.fixture(scope="module")
def users_nlp():
    """Someone's own spaCy pipeline with two of our components added."""
    nlp = load_nlp()
    nlp.add_pipe("presslens_entities")
    nlp.add_pipe("presslens_quotes")
    return nlp


def test_quotes_without_entities_fail_at_add_pipe_naming_both():
    nlp = spacy.blank("en")
    with pytest.raises(PipelineError) as raised:
        nlp.add_pipe("presslens_quotes")
    assert str(raised.value) == (
        "presslens_quotes requires doc._.presslens_entity_index, which presslens_entities assigns: "
        "add presslens_entities before presslens_quotes"
    )
    assert nlp.pipe_names == []


def test_a_pipeline_without_entities_fails_before_loading_anything(monkeypatch):
    import presslens.pipeline as pipeline_module

    monkeypatch.setattr(pipeline_module, "load_nlp", lambda: pytest.fail("loaded the model"))
    with pytest.raises(PipelineError,
                       match="^presslens_quotes requires .*add presslens_entities before presslens_quotes$"):
        Pipeline(["presslens_quotes", "presslens_time_refs"])


def test_scores_need_every_layer_they_count():
    without_techniques = [c for c in COMPONENTS if c != "presslens_techniques"]
    with pytest.raises(PipelineError,
                       match="presslens_scores requires doc._.presslens_techniques.*presslens_techniques"):
        Pipeline(without_techniques)


def test_the_full_pipeline_has_no_unmet_requirement(pipeline):
    analysis = pipeline.nlp.analyze_pipes(pretty=False)
    assert all(not problems for problems in analysis["problems"].values()), analysis["problems"]
    summary = analysis["summary"]
    assert "doc._.presslens_entity_index" in summary["presslens_entities"]["assigns"]
    assert "doc._.presslens_entity_index" in summary["presslens_quotes"]["requires"]
    assert {"doc._.presslens_quotes", "doc._.presslens_techniques"} <= set(summary["presslens_scores"]["requires"])


def test_a_users_pipeline_resolves_speakers_to_entities(users_nlp):
    doc = users_nlp(TEXT)
    (dross,) = [e for e in doc._.presslens_entities if e.name == "Irina Dross"]
    (quote,) = doc._.presslens_quotes
    assert quote.text == "The talks will go on," and quote.speaker.name == "Irina Dross"
    assert quote.speaker.entity == dross.id
    assert [(s.label_, s.text) for s in doc.spans["presslens_quotes"]] == [("direct", "The talks will go on,")]
    assert isinstance(doc._.presslens_entity_index, EntityIndex)


def test_layer_attributes_are_the_layers_the_pipeline_reports(pipeline):
    doc = pipeline.nlp(TEXT)
    analysis = pipeline.analyze(Article(text=TEXT))
    assert doc._.presslens_quotes == get_layer(doc, "quotes") == analysis.quotes
    assert doc._.presslens_entities == analysis.entities
    assert doc._.presslens_scores == analysis.scores
    assert spacy.blank("en")("no layers here")._.presslens_quotes is None


def test_quotes_on_a_doc_the_entities_component_skipped_say_so(users_nlp):
    with users_nlp.select_pipes(disable=["presslens_entities"]):
        with pytest.raises(PipelineError, match="no doc._.presslens_entity_index: run presslens_entities"):
            users_nlp("No quotation here, and nobody to resolve.")

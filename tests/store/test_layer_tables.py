"""The layer tables generated from the analysis dataclasses: the same tables the frozen
migrations create, and a row mapping that gives back every shape a layer can take."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest
from sqlalchemy import JSON, Float, Integer, Text, inspect

from presslens.analysis import Analysis, Claim, Cue, Entity, Mention, Quote, Speaker, TechniqueSpan, TimeRef
from presslens.article import Article
from presslens.store import open_store
from presslens.store.layer_tables import LayerTable
from presslens.store.schema import metadata

TEXT = "Ana Ruiz said the port reopens in 2024. It is, according to officials, a disaster."


def test_the_generated_tables_have_the_migrated_columns_and_the_same_keys(store_url):
    # Alembic's compare_metadata (test_store.py) checks types, nullability and indexes, but
    # not that every column is there, nor primary keys. Order may differ: a column a later
    # migration adds comes last in the database, and queries name their columns.
    store = open_store(store_url)
    try:
        inspector = inspect(store.engine)
        for table in metadata.sorted_tables:
            reflected = [c["name"] for c in inspector.get_columns(table.name) if c["name"] != "tsv"]
            assert sorted(reflected) == sorted(c.name for c in table.columns), table.name
            assert inspector.get_pk_constraint(table.name)["constrained_columns"] == [c.name for c in table.primary_key]
    finally:
        store.close()


def every_shape() -> Analysis:
    """An analysis with every layer, and every optional part both present and absent."""
    article = Article(text=TEXT, outlet="Port Gazette", published=date(2024, 3, 1), title="Port")
    year = TimeRef(start=34, end=38, text="2024", kind="date", value="2024")
    return Analysis(
        article=article,
        entities=[
            Entity(id="E0", name="Ana Ruiz", type="PERSON", aliases=["Ruiz"], mentions=[Mention(0, 8), Mention(40, 42)],
                   framing={"role": {"agent": 0.5}}),
            Entity(id="E1", name="officials", type="NORP"),
        ],
        quotes=[
            Quote(start=14, end=38, text=TEXT[14:38], kind="indirect",
                  speaker=Speaker(entity="E0", name="Ana Ruiz", start=0, end=8), cue=Cue(text="said", start=9, end=13)),
            Quote(start=40, end=81, text=TEXT[40:81], kind="mixed",
                  speaker=Speaker(entity=None, name="officials", start=60, end=69), via="officials"),
            Quote(start=73, end=81, text=TEXT[73:81], kind="direct"),
        ],
        time_refs=[year],
        claims=[Claim(start=0, end=38, text=TEXT[:38], score=0.8, time_refs=[year], entities=["E0"]),
                Claim(start=40, end=81, text=TEXT[40:81], score=0.25)],
        techniques=[TechniqueSpan(start=73, end=81, text=TEXT[73:81], technique="Loaded_Language", score=0.75)],
        scores={"words": 14},
        pipeline={"version": "shapes-1", "models": {"spacy": "test"}},
    )


def test_every_shape_of_every_layer_reads_back_from_the_store_and_from_json(store_url):
    analysis = every_shape()
    assert Analysis.from_dict(analysis.to_dict()) == analysis
    store = open_store(store_url)
    try:
        store.save_analysis(analysis)
        assert store.get_analysis(analysis.article.id) == analysis
    finally:
        store.close()


@dataclass
class Finding:
    start: int
    label: str | None
    share: float
    speaker: Speaker | None
    tags: list[str] = field(default_factory=list)
    marks: list[Mention] = field(default_factory=list)


def test_a_new_field_becomes_a_column_by_its_type():
    marks = LayerTable("marks", Mention, keys=("finding_idx", "idx"))
    layer = LayerTable("findings", Finding, renamed={"label": "name"}, flattened={"speaker": "name"},
                       children={"marks": marks}, indexed=("name",))
    columns = [(c.name, type(c.type), c.nullable, c.primary_key) for c in layer.columns()]
    assert columns == [
        ("idx", Integer, False, True),
        ("start", Integer, False, False),
        ("name", Text, True, False),
        ("share", Float, False, False),
        ("speaker", Text, True, False),
        ("speaker_entity", Text, True, False),
        ("speaker_start", Integer, True, False),
        ("speaker_end", Integer, True, False),
        ("tags", JSON, False, False),
        ("marks", Integer, False, False),
    ]
    assert [i.name for i in layer.indexes()] == ["ix_findings_name"]


@dataclass
class Unstorable:
    seen: set[str]


def test_a_field_the_store_cannot_hold_is_refused_by_name():
    with pytest.raises(TypeError, match="set"):
        LayerTable("unstorable", Unstorable).columns()

"""`Analysis.from_dict` reads back the JSON contract that `to_dict` writes, from the dataclasses alone."""

from __future__ import annotations

import json

from presslens.analysis import Analysis, Entity, Quote
from support.paths import ROOT


def test_every_analysed_example_reads_back_as_it_was_written():
    documents = json.loads((ROOT / "tests" / "golden" / "examples.json").read_text(encoding="utf-8"))
    assert len(documents) >= 5
    for document in documents:
        assert Analysis.from_dict(document).to_dict() == document


def test_a_missing_or_null_field_takes_its_default():
    analysis = Analysis.from_dict({
        "article": {"text": "Ana Ruiz spoke."},
        "entities": [{"id": "E1", "name": "Ana Ruiz", "type": "PERSON", "framing": None}],
        "quotes": [{"start": 0, "end": 15, "text": "Ana Ruiz spoke.", "kind": "direct", "speaker": None}],
    })
    assert analysis.entities == [Entity(id="E1", name="Ana Ruiz", type="PERSON")]
    assert analysis.quotes == [Quote(start=0, end=15, text="Ana Ruiz spoke.", kind="direct")]
    assert analysis.claims == [] and analysis.scores == {}

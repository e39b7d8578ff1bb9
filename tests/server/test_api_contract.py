"""The OpenAPI document describes the library's own dataclasses, field by field."""

from __future__ import annotations

from dataclasses import fields

import pytest

from presslens.analysis import Analysis, Claim, Cue, Entity, Mention, Quote, Speaker, TechniqueSpan, TimeRef
from presslens.article import Article
from presslens.config import Settings
from presslens.corpus import (
    ArticleSummary,
    EntityCount,
    OutletMonth,
    OutletSummary,
    QuoteRow,
    SearchHit,
    SpeakerCount,
    TimelineClaim,
)
from presslens.corpus.people import PersonDetail, PersonSummary
from presslens.server.app import create_app

RESULTS = (Analysis, Article, Entity, Mention, Quote, Speaker, Cue, TimeRef, Claim, TechniqueSpan,
           ArticleSummary, SearchHit, OutletSummary, OutletMonth, SpeakerCount, EntityCount, QuoteRow, TimelineClaim,
           PersonSummary, PersonDetail)


@pytest.fixture(scope="module")
def components() -> dict:
    return create_app(Settings(db="sqlite://")).openapi()["components"]["schemas"]


@pytest.mark.parametrize("result", RESULTS, ids=lambda cls: cls.__name__)
def test_every_field_of_a_result_is_documented_and_always_present(components, result):
    names = [f.name for f in fields(result)]
    assert list(components[result.__name__]["properties"]) == names
    assert components[result.__name__]["required"] == names


def test_field_schemas_carry_their_values_and_descriptions(components):
    assert components["Quote"]["properties"]["kind"]["enum"] == ["direct", "indirect", "mixed"]
    assert components["TimeRef"]["properties"]["kind"]["enum"] == ["date", "duration", "set"]
    assert (
        components["SearchHit"]["properties"]["snippet"]["description"]
        == "Plain text; escape it before showing it as HTML."
    )
    assert (
        components["OutletMonth"]["properties"]["technique_rates"]["description"] == "Technique spans per 1,000 words."
    )
    assert components["Analysis"]["properties"]["quotes"]["items"] == {"$ref": "#/components/schemas/Quote"}

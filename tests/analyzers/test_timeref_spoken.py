"""Time values as a reader sees them: an undated article's "Thursday" is "a Thursday", never
"XXXX-WXX-4"; and a month named without a year points forward when the verb does ("fares
would rise by 8 percent from January" in November 2023 is January 2024, a prediction)."""

from __future__ import annotations

from datetime import date

import pytest

from presslens.analyzers.timeref.spoken import spoken, spoken_with_value
from presslens.article import Article


@pytest.mark.parametrize(("value", "kind", "words"), [
    ("XXXX-WXX-4", "date", "a Thursday"),
    ("XXXX", "date", "some year"),
    ("XXXX-03", "date", "a March"),
    ("XXXX-03-05", "date", "March 5, year unknown"),
    ("XXXX-WXX", "date", "some week"),
    ("XXXX-XX", "date", "some month"),
    ("XXXX-XX-XX", "date", "some day"),
    ("XXXX-WXX-WE", "date", "a weekend"),
    ("XXXX-SU", "date", "a summer"),
    ("XXX", "date", "some decade"),
    ("XXXX-11", "set", "every November"),
    ("XXXX-WXX-7", "set", "every Sunday"),
    ("P1Y", "set", "every year"),
    ("P2W", "set", "every 2 weeks"),
    ("P23Y", "duration", "23 years"),
    ("PXY", "duration", "some years"),
    ("2019-11-03", "date", "2019-11-03"),
    ("1953", "date", "1953"),
    ("nonsense", "date", "nonsense"),
])
def test_a_value_in_words(value, kind, words):
    assert spoken(value, kind) == words


def test_a_code_with_unknown_digits_is_never_shown_beside_its_words():
    assert spoken_with_value("XXXX-WXX-4") == "a Thursday"
    assert spoken_with_value("P23Y", "duration") == "23 years (P23Y)"
    assert spoken_with_value("2019-11-03") == "2019-11-03"


FARES = "Ferry fares would rise by 8 percent from January, the operator said on Thursday."


def refs_of(analysis) -> dict[str, str]:
    return {r.text: r.value for r in analysis.time_refs}


def test_a_month_under_would_points_forward_and_the_claim_is_a_prediction(pipeline):
    analysis = pipeline.analyze(Article(text=FARES, published=date(2023, 11, 9)))
    assert refs_of(analysis)["January"] == "2024-01"
    [claim] = [c for c in analysis.claims if "8 percent" in c.text]
    assert claim.kind == "prediction"
    assert [r.value for r in claim.time_refs][:1] == ["2024-01"]


def test_a_month_under_would_have_stays_behind(pipeline):
    text = "Had the deal passed, fares would have risen in January."
    assert refs_of(pipeline.analyze(Article(text=text, published=date(2023, 11, 9))))["January"] == "2023-01"


def test_a_past_month_stays_behind(pipeline):
    text = "Fares rose by 8 percent in January, the operator said."
    assert refs_of(pipeline.analyze(Article(text=text, published=date(2023, 11, 9))))["January"] == "2023-01"


def test_an_undated_articles_thursday_keeps_its_code_in_the_layer(pipeline):
    assert refs_of(pipeline.analyze(Article(text=FARES)))["Thursday"] == "XXXX-WXX-4"

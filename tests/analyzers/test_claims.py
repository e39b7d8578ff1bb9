"""The claims layer: which stretches are claims, who makes them, the date they refer to, their kind.

The quality-bar sentences run through the full pipeline with the bundled model. The rules
that do not depend on the model's judgement (candidates, claimant, dates, kind) run the
layer on the same parsed Docs with a model that finds every candidate check-worthy.
"""

from __future__ import annotations

from datetime import date

import pytest

from presslens.analyzers.claims.component import find_claims
from presslens.analyzers.claims.kinds import relation_to
from presslens.analyzers.layers import set_published
from presslens.article import Article

PUBLISHED = date(2019, 11, 3)


class EveryCandidate:
    """A stand-in model: every candidate scores 0.9, so only the layer's own rules decide."""

    threshold = 0.5

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def score(self, sentences: list[str]) -> list[float]:
        self.batches.append(list(sentences))
        return [0.9] * len(sentences)


@pytest.fixture(scope="module")
def parse(pipeline):
    def parsed(text: str, published: date | None = PUBLISHED):
        doc = pipeline.nlp.make_doc(text)
        set_published(doc, published)
        return pipeline.nlp(doc)
    return parsed


def claims_of(parse, text: str, published: date | None = PUBLISHED):
    claims, _ = find_claims(parse(text, published), EveryCandidate())
    return claims


def test_the_quality_bar_with_the_bundled_model(pipeline):
    analysis = pipeline.analyze(Article(
        text="The 1953 coup was led by the US and UK intelligence agencies, the minister said.", published=PUBLISHED,
    ))
    (claim,) = analysis.claims
    assert claim.text == "The 1953 coup was led by the US and UK intelligence agencies"
    assert claim.kind == "historical"
    assert claim.time_refs[0].value == "1953"
    assert claim.claimant is not None and claim.claimant.name == "the minister"
    assert 0.0 <= claim.score <= 1.0
    assert "presslens_claims" in analysis.pipeline["models"]

    assert pipeline.analyze(Article(text="This is one hundred percent wrong.", published=PUBLISHED)).claims == []


def test_every_candidate_keeps_its_score_and_one_batch_scores_them(parse, pipeline):
    doc = parse("Will the dam hold? The dam was finished in 1998 by a state company. It cost 40 million dollars.")
    scored = doc._.presslens_claim_candidates
    assert [c.text for c in scored] == ["The dam was finished in 1998 by a state company.",
                                        "It cost 40 million dollars."]
    assert all(0.0 <= c.score <= 1.0 for c in scored)
    assert {(c.start, c.end) for c in doc._.presslens_claims} <= {(c.start, c.end) for c in scored}
    model = EveryCandidate()
    find_claims(doc, model)
    assert len(model.batches) == 1


def test_a_claim_inside_a_quote_is_its_speakers(parse):
    text = ('Mayor Ana Ruiz opened the new bridge on Monday. "The old bridge carried 9,000 cars a day," Ruiz said. '
            '"Its steel came from a mill that closed in 1987.\n\n"The new bridge will carry twice as many cars."')
    claims = claims_of(parse, text)
    by_text = {c.text: c for c in claims}
    assert by_text["Mayor Ana Ruiz opened the new bridge on Monday."].claimant is None
    cars = by_text["The old bridge carried 9,000 cars a day"]
    assert cars.claimant is not None and cars.claimant.name == "Ruiz"
    assert cars.kind == "statistical"
    mill = by_text["Its steel came from a mill that closed in 1987."]
    assert mill.claimant is not None and mill.claimant.name == "Ruiz"  # the quotation goes on: same speaker
    new = by_text["The new bridge will carry twice as many cars."]  # ... into the next paragraph
    assert new.claimant is not None and new.claimant.name == "Ruiz"
    assert new.kind == "prediction"


def test_a_reported_claim_is_the_reported_content_and_the_speakers_date_is_not_its(parse):
    (claim,) = claims_of(parse, "The minister said on Tuesday that the plan would cost 3 billion dollars.")
    assert claim.text == "the plan would cost 3 billion dollars"
    assert claim.claimant.name == "The minister"
    assert claim.time_refs == []  # "on Tuesday" dates the saying, not the claim
    assert claim.kind == "statistical"


def test_a_date_that_opens_the_sentence_governs_it(parse):
    (claim,) = claims_of(parse, "In 1953, the agencies led a coup that toppled the government.")
    assert [r.value for r in claim.time_refs] == ["1953"]
    assert claim.kind == "historical" and claim.claimant is None


def test_of_two_dates_the_one_on_the_verb_comes_first(parse):
    (claim,) = claims_of(parse, "The treaty signed in 1990 was broken in 2014 by the new government.")
    assert [r.value for r in claim.time_refs] == ["2014", "1990"]
    (claim,) = claims_of(parse, "Valen, who has led the council since March 1981, is expected to address "
                                "parliament next Tuesday.")
    assert [r.value for r in claim.time_refs] == ["2019-11-05", "1981-03"]
    assert claim.kind == "prediction"


def test_questions_imperatives_and_bare_attributions_are_not_claims(parse):
    text = ("Will the dam be finished before the floods? Stop the project now. "
            "The minister added in a statement on Tuesday. The dam has cost the region 40 percent more than planned.")
    assert [c.text for c in claims_of(parse, text)] == ["The dam has cost the region 40 percent more than planned."]


def test_a_headline_is_not_run_into_the_first_sentence(parse):
    claims = claims_of(parse, "DAM FINAL REPORT\n\nUnemployment in the valley rose to 12 percent in 2016.")
    assert [c.text for c in claims] == ["Unemployment in the valley rose to 12 percent in 2016."]


def test_kinds_follow_the_publication_date_then_the_verb_then_quantities(parse):
    text = ("The dam will be finished by 2030, the engineer said. The region will need new roads. "
            "The valley lost 3,000 jobs in the decade before the dam was built. The valley is proud of its river.")
    kinds = {c.text: c.kind for c in claims_of(parse, text)}
    assert kinds == {
        "The dam will be finished by 2030": "prediction",
        "The region will need new roads.": "prediction",
        "The valley lost 3,000 jobs in the decade before the dam was built.": "statistical",
        "The valley is proud of its river.": "other",
    }


def test_without_a_publication_date_a_dated_past_claim_is_historical(parse):
    (claim,) = claims_of(parse, "The first ferry crossed the strait in 1921.", published=None)
    assert claim.kind == "historical"
    (claim,) = claims_of(parse, "The first ferry will cross the strait in 2031.", published=None)
    assert claim.kind == "prediction"


def test_entities_mentioned_in_a_claim_are_listed(parse):
    doc = parse("Foreign Minister Irina Dross visited Vienna in 2018. She was born in Graz in 1961.")
    claims, _ = find_claims(doc, EveryCandidate())
    names = {e.id: e.name for e in doc._.presslens_entities}
    assert [[names[i] for i in claim.entities] for claim in claims] == [
        ["Irina Dross", "Vienna"],
        ["Irina Dross", "Graz"],  # "She" is Dross
    ]


@pytest.mark.parametrize("value, kind", [
    ("1953", "historical"), ("2019-10", "historical"), ("2019-11-02", "historical"), ("198", "historical"),
    ("2030", "prediction"), ("2019-11-04", "prediction"), ("2019", None), ("2019-11", None),
    ("201", None), ("XXXX-03", None), ("2019-W43", "historical"), ("2019-W44", None), ("2019-W45", "prediction"),
    ("2019-H1", "historical"), ("2019-Q4", None), ("2019-H2", None), ("2020-Q1", "prediction"), ("2019-SU", None),
])
def test_a_value_is_placed_against_the_publication_date(value, kind):
    assert relation_to(value, PUBLISHED) == kind


def test_a_table_run_into_one_line_is_no_claim_but_a_sentence_of_figures_is(parse):
    table = ("D Aug. 26-29 Bill Clinton +5 1992 D July 13-16 Bill Clinton +16 1988 D July 18-21 Michael Dukakis +7 "
             "1988 R Aug. 15-18 George H.W. Bush +6 1984 D July 16-19 Walter Mondale +9 1984 R Aug. 20-23 Ronald "
             "Reagan +8.")
    figures = "Prices rose by 4.5 percent in 2019, up from 3.1 percent in 2018 and 2.2 percent in 2017, it said."
    found = [c.text for c in claims_of(parse, f"Convention bounces still count. {table} {figures}")]
    assert not any("Dukakis" in text for text in found)
    assert any(text.startswith("Prices rose by 4.5 percent") for text in found)

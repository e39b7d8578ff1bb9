"""Issue #25 on articles written for it: one person, the right person (a bare surname goes to
the person the context shows, never the one named last), and entities that are entities."""

from __future__ import annotations

import pytest

from presslens.analyzers.entities.retype import is_junk
from presslens.article import Article
from presslens.pipeline import Pipeline

TRUMPS = (
    "President Donald Trump spoke at the White House on Monday.\n\n"
    "First lady Melania Trump visited a hospital in Ohio, where she met nurses.\n\n"
    '"We will win," Trump said at a rally later. Trump added that the economy was strong.'
)
BIDENS = (
    "President Joe Biden flew to Delaware on Friday.\n\n"
    "First lady Jill Biden read to children at a school in Wilmington.\n\n"
    '"We are not done," Biden told reporters at the airport.'
)
SHAPIROS = (
    "Ben Shapiro, the podcast host, criticised the plan on Monday. The columnist Walter Shapiro "
    "defended it in his column. Shapiro said the plan would fail."
)
JUNK = (
    "The senators didn't agree. Posts on Twitter spread the claim, and Twitter removed them. "
    "Kharkiv was shelled again. COVID-19 spread quickly, and COVID-19 cases rose."
)


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(["presslens_entities", "presslens_quotes"])


def by_name(analysis):
    return {e.name: e for e in analysis.entities}


@pytest.mark.parametrize("text, principal, other", [
    (TRUMPS, "Donald Trump", "Melania Trump"), (BIDENS, "Joe Biden", "Jill Biden")])
def test_a_wife_named_once_does_not_take_the_presidents_surname_or_quotes(pipeline, text, principal, other):
    analysis = pipeline.analyze(Article(text=text))
    people = by_name(analysis)
    assert people[other].aliases == [] and len(people[other].mentions) == 1
    assert analysis.quotes and {q.speaker.entity for q in analysis.quotes} == {people[principal].id}


def test_ben_and_walter_shapiro_stay_two_people(pipeline):
    people = by_name(pipeline.analyze(Article(text=SHAPIROS)))
    assert people["Ben Shapiro"].id != people["Walter Shapiro"].id
    assert people["Ben Shapiro"].type == people["Walter Shapiro"].type == "PERSON"


def test_a_platform_a_city_and_a_disease_are_not_people_and_a_contraction_is_nothing(pipeline):
    entities = by_name(pipeline.analyze(Article(text=JUNK)))
    assert entities["Twitter"].type == "ORG"
    assert entities["Kharkiv"].type == "GPE"
    assert entities["COVID-19"].type != "PERSON"
    assert not any(e.type == "PERSON" for e in entities.values())
    assert all(is_junk(text) for text in ("n't", "'s", "LLC", "Inc.", "OBTAINED", "--"))
    assert not any(is_junk(text) for text in ("NATO", "Kharkiv", "Ben Shapiro"))


def test_a_pronoun_speaker_no_one_was_named_for_is_shown_unnamed(pipeline):
    analysis = pipeline.analyze(Article(text=(
        'A man stood outside the court on Tuesday. "I have nothing to hide from anyone at all," he said.')))
    [quote] = analysis.quotes
    assert quote.speaker.name == "" and quote.speaker.entity is None
    named = pipeline.analyze(Article(
        text='Sarah Miller left the court on Tuesday. "I have nothing to hide at all," she said.'))
    assert named.quotes[0].speaker.name == "Sarah Miller"


def test_a_platform_after_a_surname_is_not_part_of_the_persons_name(pipeline):
    text = ("President Donald Trump on Saturday again berated Attorney General Jeff Sessions. The latest "
            "Trump Twitter salvo came after a tense week between the two.\n\n"
            '"Jeff Sessions does not understand what is happening," Mr. Trump tweeted on Saturday.')
    analysis = pipeline.analyze(Article(text=text))
    names = {e.name for e in analysis.entities if e.type == "PERSON"}
    assert "Donald Trump" in names and not any("Twitter" in name for name in names)
    assert {q.speaker.entity for q in analysis.quotes} == {by_name(analysis)["Donald Trump"].id}

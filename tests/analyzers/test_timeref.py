"""Time references: what a fact-checker reads off the `time_refs` layer.

All sentences are written for these tests; the publication date is fixed at Sunday
2019-11-03 unless a test says otherwise.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presslens.analyzers.layers import get_layer, set_published
from presslens.article import Article
from presslens.nlp import load_nlp

SUNDAY = date(2019, 11, 3)


@pytest.fixture(scope="module")
def nlp():
    import presslens.analyzers.timeref.component  # noqa: F401  (registers the factory)

    nlp = load_nlp()
    nlp.add_pipe("presslens_time_refs")
    return nlp


def time_refs(nlp, text: str, published: date | None = SUNDAY):
    doc = nlp.make_doc(text)
    set_published(doc, published)
    doc = nlp(doc)
    return doc, get_layer(doc, "time_refs")


def found(nlp, text: str, published: date | None = SUNDAY) -> dict[str, tuple[str, str]]:
    """{span text: (kind, value)} for one text."""
    return {r.text: (r.kind, r.value) for r in time_refs(nlp, text, published)[1]}


def example_body(path) -> str:
    header, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    assert "2019-11-03" in header
    return body


def test_example_article_references_resolve_against_its_date(nlp, example_path):
    refs = found(nlp, example_body(example_path))
    assert refs == {
        "Sunday": ("date", "2019-11-03"),
        "the last 41 years": ("duration", "P41Y"),
        "November 1964": ("date", "1964-11"),
        "Saturday": ("date", "2019-11-02"),
        "2015": ("date", "2015"),
        "the first half of the year": ("date", "2019-H1"),
        "last week": ("date", "2019-W44"),
        "March 1981": ("date", "1981-03"),
        "next Tuesday": ("date", "2019-11-05"),
    }


def test_example_article_through_the_full_pipeline(pipeline, example_path):
    article = Article(text=example_body(example_path), published=SUNDAY)
    data = pipeline.analyze(article).to_dict()
    values = [(t["text"], t["value"]) for t in data["time_refs"]]
    assert ("Sunday", "2019-11-03") in values and ("next Tuesday", "2019-11-05") in values
    assert all(article.text[t["start"]:t["end"]] == t["text"] for t in data["time_refs"])
    assert [t["start"] for t in data["time_refs"]] == sorted(t["start"] for t in data["time_refs"])


@pytest.mark.parametrize(("text", "published", "thursday"), [
    ("HARBOURTOWN, Nov. 9, 2023 -- The island council said on Thursday that fares would rise.", None, "2023-11-09"),
    ("Fares rise\n\nSALEM, Ore., Nov. 9, 2023 (AP) - The council said on Thursday that fares would rise.",
     None, "2023-11-09"),
    ("HARBOURTOWN, Nov. 9, 2023 -- The island council said on Thursday that fares would rise.",
     date(2019, 11, 3), "2019-10-31"),
    ("HARBOURTOWN -- The island council said on Thursday that fares would rise.", None, "XXXX-WXX-4"),
])
def test_a_dateline_dates_an_article_that_has_no_date_of_its_own(pipeline, text, published, thursday):
    analysis = pipeline.analyze(Article(text=text, published=published))
    assert {t.text: t.value for t in analysis.time_refs}["Thursday"] == thursday
    assert analysis.article.published == published  # the article's own metadata stays as given


@pytest.mark.parametrize("text, span, value", [
    ("The treaty was signed on November 3, 2019 in Oslo.", "November 3, 2019", "2019-11-03"),
    ("The treaty was signed on 3 November 2019 in Oslo.", "3 November 2019", "2019-11-03"),
    ("The treaty was signed on the 3rd of November, 2019.", "the 3rd of November, 2019", "2019-11-03"),
    ("The vote took place on Nov. 3 as planned.", "Nov. 3", "2019-11-03"),
    ("The strike began in November 1964 and spread.", "November 1964", "1964-11"),
    ("The dam was finished in 1953 after years of work.", "1953", "1953"),
    ("Prices have doubled since 2015, the report says.", "2015", "2015"),
    ("Exiles still speak of the 1979 revolution.", "1979", "1979"),
    ("Factories closed across the region in the 1980s.", "the 1980s", "198"),
    ("The law was drafted in mid-2015 by the committee.", "mid-2015", "2015"),
    ("The filing is dated 2019-11-03 at the top.", "2019-11-03", "2019-11-03"),
    ("The filing is dated 11/03/2019 at the top.", "11/03/2019", "2019-11-03"),
    ("The filing is dated 25/12/2018 at the top.", "25/12/2018", "2018-12-25"),
    ("The railway was built in the 19th century.", "the 19th century", "18"),
    ("Output fell in the third quarter of 2018.", "the third quarter of 2018", "2018-Q3"),
    ("The bridge opened on Sunday, Dec 1, 2019 after delays.", "Sunday, Dec 1, 2019", "2019-12-01"),
])
def test_absolute_dates(nlp, text, span, value):
    assert found(nlp, text).get(span) == ("date", value)


@pytest.mark.parametrize("text, span, value", [
    ("The minister spoke on Sunday in the capital.", "Sunday", "2019-11-03"),
    ("The minister spoke on Saturday in the capital.", "Saturday", "2019-11-02"),
    ("The minister spoke on Monday in the capital.", "Monday", "2019-10-28"),
    ("The minister spoke last Sunday in the capital.", "last Sunday", "2019-10-27"),
    ("The minister will speak next Tuesday in the capital.", "next Tuesday", "2019-11-05"),
    ("The minister will speak on Tuesday in the capital.", "Tuesday", "2019-11-05"),
    ("Officials met last week to discuss the plan.", "last week", "2019-W44"),
    ("Officials met yesterday to discuss the plan.", "yesterday", "2019-11-02"),
    ("Officials meet today to discuss the plan.", "today", "2019-11-03"),
    ("Officials meet tomorrow to discuss the plan.", "tomorrow", "2019-11-04"),
    ("Exports rose last year by a fifth.", "last year", "2018"),
    ("Exports rose this month by a fifth.", "this month", "2019-11"),
    ("Exports will rise next month, the bank predicts.", "next month", "2019-12"),
    ("Exports rose two days ago, the bank said.", "two days ago", "2019-11-01"),
    ("The dam burst in March, flooding the valley.", "March", "2019-03"),
    ("The dam burst in December, flooding the valley.", "December", "2018-12"),
    ("The dam burst earlier this year, flooding the valley.", "earlier this year", "2019"),
    ("Turnout collapsed in the first half of the year.", "the first half of the year", "2019-H1"),
    ("The army pulled out last summer, villagers said.", "last summer", "2019-SU"),
    ("The army pulled out over the weekend, villagers said.", "the weekend", "2019-W44-WE"),
    ("The army pulled out a decade ago, villagers said.", "a decade ago", "2009"),
])
def test_relative_dates_resolve_against_publication(nlp, text, span, value):
    assert found(nlp, text).get(span) == ("date", value)


def test_last_week_of_a_weekday_article_is_the_iso_week_before(nlp):
    assert found(nlp, "Officials met last week.", date(2019, 11, 6))["last week"] == ("date", "2019-W44")
    assert found(nlp, "Officials met last week.", date(2019, 11, 4))["last week"] == ("date", "2019-W44")


def test_month_after_publication_month_is_last_year_but_future_verb_looks_ahead(nlp):
    refs = found(nlp, "The court ruled in December. The court will rule in February.")
    assert refs["December"] == ("date", "2018-12")
    assert refs["February"] == ("date", "2020-02")


@pytest.mark.parametrize("text, span, value", [
    ("For the last 41 years the council has ruled alone.", "the last 41 years", "P41Y"),
    ("The council has ruled for 41 years.", "41 years", "P41Y"),
    ("The council has ruled for four decades.", "four decades", "P40Y"),
    ("The siege lasted three months before it broke.", "three months", "P3M"),
    ("The talks stalled for a week in the spring.", "a week", "P1W"),
    ("A 41-year rule ended in the square.", "41-year", "P41Y"),
    ("The strike went on for two and a half years.", "two and a half years", "P2.5Y"),
    ("The hearing lasted six hours in all.", "six hours", "PT6H"),
    ("Half a century of rule ended quietly.", "Half a century", "P50Y"),
    ("Turnout has fallen for several years in a row.", "several years", "PXY"),
    ("Turnout has fallen for decades across the region.", "decades", "PXY"),
    ("Turnout has fallen over the past few months.", "the past few months", "PXM"),
])
def test_durations(nlp, text, span, value):
    assert found(nlp, text).get(span) == ("duration", value)


@pytest.mark.parametrize("text, span, value", [
    ("The festival is held every year in the old town.", "every year", "P1Y"),
    ("Farmers gather each Sunday at the market.", "each Sunday", "XXXX-WXX-7"),
    ("The report is published annually by the ministry.", "annually", "P1Y"),
    ("The bulletin appears weekly in three languages.", "weekly", "P1W"),
    ("Elections are held every two years in the province.", "every two years", "P2Y"),
    ("The committee meets twice a month behind closed doors.", "twice a month", "P1M"),
    ("The harvest fair opens every October in the valley.", "every October", "XXXX-10"),
    ("Shops close on Sundays in the old town.", "Sundays", "XXXX-WXX-7"),
])
def test_sets(nlp, text, span, value):
    assert found(nlp, text).get(span) == ("set", value)


def test_without_a_publication_date_references_are_found_but_left_unplaced(nlp):
    text = ("The envoy arrived on Sunday and left last week. Talks began in March and "
            "ended yesterday. Exports fell last year. The treaty of November 3, 2019 "
            "still holds after 41 years.")
    refs = found(nlp, text, published=None)
    assert refs["Sunday"] == ("date", "XXXX-WXX-7")
    assert refs["last week"] == ("date", "XXXX-WXX")
    assert refs["March"] == ("date", "XXXX-03")
    assert refs["yesterday"] == ("date", "XXXX-XX-XX")
    assert refs["last year"] == ("date", "XXXX")
    assert refs["November 3, 2019"] == ("date", "2019-11-03")
    assert refs["41 years"] == ("duration", "P41Y")


@pytest.mark.parametrize("text, not_a_time", [
    ("Officials said 1,953 people were evacuated from the coast.", "953"),
    ("The ticket cost $2019 at the counter, buyers said.", "2019"),
    ("Officials said about 2000 people were evacuated.", "2000"),
    ("Theresa May told reporters that talks would resume.", "May"),
    ("Protesters march through the city every evening.", "march"),
    ("Critics may march on the capital if talks fail.", "march"),
    ("The Sunday Times reported that the deal had collapsed.", "Sunday"),
    ("The claim first appeared in USA Today and spread.", "Today"),
    ("A 41-year-old farmer was arrested near the border.", "41-year"),
    ("The measure passed with 2019 votes in favour.", "2019"),
])
def test_numbers_and_names_that_are_not_times(nlp, text, not_a_time):
    assert not any(not_a_time in r.text for r in time_refs(nlp, text)[1])


def test_spans_are_written_to_the_doc_with_their_kind(nlp):
    doc, refs = time_refs(nlp, "Since 2015 the fair has been held every year for 41 years.")
    group = doc.spans["presslens_time_refs"]
    assert [(s.text, s.label_) for s in group] == [
        ("2015", "date"), ("every year", "set"), ("41 years", "duration")]
    assert [r.text for r in refs] == ["2015", "every year", "41 years"]


PHRASES = ["on Sunday", "last week", "since 2015", "in March 1981", "for 41 years",
           "every year", "on Nov. 3", "two days ago", "in the 1980s", "next Tuesday",
           "the first half of the year", "1,953 people", "Theresa May", "yesterday",
           "the past three months", "weekly", "in 2014 and 2015", "the 2000 people"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PHRASES), min_size=1, max_size=6))
def test_spans_are_tight_sorted_and_never_overlap(nlp, phrases):
    text = "The officials said that " + ", then ".join(phrases) + ", things changed."
    refs = time_refs(nlp, text)[1]
    for ref in refs:
        assert text[ref.start:ref.end] == ref.text == ref.text.strip()
        assert ref.kind in ("date", "duration", "set") and isinstance(ref.value, str) and ref.value
    for earlier, later in zip(refs, refs[1:]):
        assert earlier.end <= later.start


@pytest.mark.parametrize("text, span, kind, value", [
    ("Reform took nearly a decade to pass.", "nearly a decade", "duration", "P10Y"),
    ("Reform took more than 40 years to pass.", "more than 40 years", "duration", "P40Y"),
    ("The mine closed three weeks ago.", "three weeks ago", "date", "2019-W41"),
    ("Mills were built across the valley in the 1800s.", "the 1800s", "date", "18"),
    ("The memo is dated 11/3/19 in pencil.", "11/3/19", "date", "2019-11-03"),
    ("Unemployment peaked in the early 1990s.", "the early 1990s", "date", "199"),
    ("The plant reopened late last year.", "late last year", "date", "2018"),
    ("Both sides met last weekend in Vienna.", "last weekend", "date", "2019-W43-WE"),
    ("The state spends a billion dollars a year on roads.", "a year", "set", "P1Y"),
    ("Protests have grown in recent weeks.", "recent weeks", "duration", "PXW"),
    ("Valen is expected to address parliament on Tuesday.", "Tuesday", "date", "2019-11-05"),
])
def test_documented_examples(nlp, text, span, kind, value):
    assert found(nlp, text).get(span) == (kind, value)


def test_impossible_dates_are_not_references(nlp):
    assert found(nlp, "The form was stamped 2019-02-30 by mistake.") == {}


def test_months_spacy_reads_as_dates_and_hyphenated_one(nlp):
    refs = found(nlp, "Markets had a weak August. Officials sought a one-year extension.")
    assert refs["August"] == ("date", "2019-08")
    assert refs["one-year"] == ("duration", "P1Y")
    assert "A-Day" not in found(nlp, "He took his One-A-Day vitamin.")

"""The timeline query: dated claims of the latest analyses, ordered by the date they refer to,
filtered by outlet, referred date, entity and claimant; and claims in the exports."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from presslens.article import Article
from presslens.corpus import Filters, analysis_timeline, export_columns, export_rows, timeline, timeline_pages
from presslens.corpus.export import write_export
from presslens.corpus.timeline import period_of
from presslens.errors import InputError
from presslens.store import open_store
from support.claims import (
    CLAIM_ROWS,
    HARBOR,
    HT,
    TIMELINE,
    VALLEY,
    VP,
    ClaimSpec,
    claimed_analysis,
    harbor_analysis,
    store_claims_corpus,
)


@pytest.fixture()
def claims_store(store_url):
    with open_store(store_url) as store:
        store_claims_corpus(store)
        yield store


def on_timeline(page) -> list[tuple[str, str | None, str]]:
    return [(c.date, c.claimant, c.article_id) for c in page.items]


def test_dated_claims_of_the_latest_analyses_in_order_of_the_date_referred_to(claims_store):
    page = timeline(claims_store, Filters())
    # Not by publication (Valley Post 2020 before Harbor Times 2021): by the date referred to.
    assert on_timeline(page) == TIMELINE
    assert (page.claims, page.articles, page.next_cursor) == (6, 2, None)
    first = page.items[0]
    assert (first.label, first.first_day, first.last_day) == ("1953", date(1953, 1, 1), date(1953, 12, 31))
    assert (first.text, first.outlet, first.title, first.published) == (
        "In 1953 the harbor flooded twice", HT, HARBOR.title, HARBOR.published)
    assert HARBOR.text[first.start:first.end] == first.text
    assert (first.claimant_entity, first.kind, first.score) == ("Lena Park", "historical", 0.8)
    assert [c.label for c in page.items] == [
        "1953", "1953-05-03", "August 1953", "1980s", "summer 2019", "week 18, 2020"]


def test_periods_of_every_precision_sort_by_their_first_day_wider_first():
    values = ["2019-W44-WE", "1953-01", "2019-Q3", "198", "19", "1953", "2019-H2", "2019-SU", "2019-W44", "2019-WI"]
    article = Article(text=" ".join(f"Claim {n}." for n in range(len(values))))
    specs = [ClaimSpec(f"Claim {n}.", [(f"Claim {n}", "date", value)]) for n, value in enumerate(values)]
    ordered = [c.date for c in analysis_timeline(claimed_analysis(article, specs))]
    assert ordered == ["19", "1953", "1953-01", "198", "2019-SU", "2019-H2", "2019-Q3", "2019-W44", "2019-W44-WE",
                       "2019-WI"]
    assert period_of("2019-WI").label == "winter 2019/20" and period_of("2019-WI").last == date(2020, 2, 29)
    assert period_of("19").label == "20th century"
    assert [period_of(v) for v in ("XXXX-03", "XXXX-WXX-7", "P40Y", "2019-02-30", "")] == [None] * 5


def test_pages_follow_one_another_without_gaps(claims_store):
    seen, cursor = [], None
    while True:
        page = timeline(claims_store, Filters(), limit=4, cursor=cursor)
        seen += on_timeline(page)
        assert page.claims == 6
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert seen == TIMELINE
    with pytest.raises(InputError, match="cursor"):
        timeline(claims_store, Filters(), cursor="x")
    with pytest.raises(InputError, match="limit"):
        timeline(claims_store, Filters(), limit=0)


def test_the_chart_and_a_table_page_read_at_once_are_what_asking_twice_gives(claims_store):
    charted, page = timeline_pages(claims_store, Filters(), first=5, limit=2, cursor="3")
    assert on_timeline(charted) == TIMELINE[:5] == on_timeline(timeline(claims_store, Filters(), limit=5))
    assert on_timeline(page) == TIMELINE[3:5]
    assert (page.next_cursor, page.claims, charted.claims) == ("5", 6, 6)
    with pytest.raises(InputError, match="cursor"):
        timeline_pages(claims_store, Filters(), cursor="-1")


def test_since_and_until_bound_the_date_referred_to_not_publication(claims_store):
    # Both articles were published after 2020; the claims are about earlier times.
    page = timeline(claims_store, Filters(since=date(1953, 6, 1), until=date(1985, 1, 1)))
    assert [c.date for c in page.items] == ["1953", "1953-08", "198"]  # the year 1953 reaches into June
    assert timeline(claims_store, Filters(since=date(2021, 1, 1))).items == []


def test_entity_filter_keeps_claims_about_an_entity_named_by_name_or_alias(claims_store):
    about_harbor = timeline(claims_store, Filters(), entity="HARBOR")
    # The undated claim about the harbour stays off; the dated ones not about it too.
    assert on_timeline(about_harbor) == [TIMELINE[0], TIMELINE[4]]
    # "Reyes" is an alias of Tom Reyes, yet no claim is about him: nothing.
    assert timeline(claims_store, Filters(), entity="Reyes").items == []
    assert [c.date for c in timeline(claims_store, Filters(), entity="vall").items] == ["198"]


def test_claimant_filter_and_outlet_filter(claims_store):
    assert on_timeline(timeline(claims_store, Filters(), claimant="park")) == [TIMELINE[0], TIMELINE[4]]
    assert timeline(claims_store, Filters(), claimant="100%_").items == []
    page = timeline(claims_store, Filters(outlets=["valley post"]))
    assert {c.outlet for c in page.items} == {VP} and (page.claims, page.articles) == (3, 1)


def test_one_analysis_alone_gives_the_same_rows_as_the_store(claims_store):
    own = analysis_timeline(harbor_analysis())
    stored = [c for c in timeline(claims_store, Filters()).items if c.article_id == HARBOR.id]
    assert own == stored


def test_claims_export_has_every_claim_row_with_its_article(claims_store):
    columns = [name for name, _ in export_columns(claims_store, "claims")]
    assert columns[:4] == ["article_id", "outlet", "published", "version"]
    assert {"text", "score", "claimant", "claimant_entity", "time_refs", "entities", "kind"} <= set(columns)
    sink = io.BytesIO()
    written = write_export(export_rows(claims_store, "claims", Filters()), export_columns(claims_store, "claims"),
                           "csv", sink)
    rows = list(csv.DictReader(io.StringIO(sink.getvalue().decode("utf-8"))))
    assert written == len(rows) == CLAIM_ROWS  # the latest analyses only, undated claims included
    assert list(rows[0]) == columns
    by_text = {r["text"]: r for r in rows}
    summer = by_text["The port handled two million tonnes in the summer of 2019"]
    assert (summer["outlet"], summer["version"], summer["claimant"], summer["kind"]) == (
        HT, "test-1", "Lena Park", "statistical")
    assert json.loads(summer["time_refs"])[0]["value"] == "2019-SU"
    assert {r["article_id"] for r in rows} == {HARBOR.id, VALLEY.id}

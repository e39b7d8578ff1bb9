"""Stories in a store, through the commands a user runs: `stories build` (again after new
articles arrive, and with --rebuild), `stories list` with its filters and formats, and
`stories show`. Runs on a SQLite file, and on PostgreSQL when PRESSLENS_TEST_PG_URL is set."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from presslens.cli import app
from presslens.store import open_store
from support.stories import FLOOD, FOOTBALL, LATE_FLOOD, RATES, as_article


def run(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False, env={"COLUMNS": "200"})


@pytest.fixture()
def db(store_url) -> str:
    with open_store(store_url) as store:
        store.add_articles([as_article(r) for r in [FLOOD[0], RATES[0], FOOTBALL, FLOOD[1], RATES[1], FLOOD[2],
                                                     RATES[2]]])
    result = run("stories", "build", "--db", store_url)
    assert result.exit_code == 0, result.output
    assert "placed 7 articles; 3 stories new or changed" in result.output
    return store_url


def _listed(db: str, *options: str) -> list[dict]:
    result = run("stories", "list", "--db", db, "--format", "json", *options)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_list_gives_each_story_with_its_articles_outlets_and_dates(db):
    listed = _listed(db)
    # latest first (rates end on the 7th), then the larger of the two ending on the 5th
    rates, flood, football = listed
    assert set(rates["articles"]) == {r["id"] for r in RATES}
    assert (flood["first"], flood["last"]) == ("2024-03-04", "2024-03-05")
    assert flood["outlets"] == ["Centre Courier", "Left Ledger", "Right Review"]
    assert flood["label"] in {r["title"] for r in FLOOD} and football["articles"] == ["football"]


def test_list_filters_by_outlet_date_and_outlet_count(db):
    assert len(_listed(db, "--min-outlets", "2")) == 2
    assert [s["articles"] for s in _listed(db, "--since", "2024-03-06")] == [_listed(db)[0]["articles"]]
    assert {len(s["articles"]) for s in _listed(db, "--outlet", "Left Ledger")} == {3}
    assert _listed(db, "--outlet", "Nobody's Paper") == []
    lines = run("stories", "list", "--db", db, "--format", "jsonl").output.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [s["id"] for s in _listed(db)]
    table = run("stories", "list", "--db", db).output
    assert "3 stories" in table and "Left Ledger" in table


def test_a_bad_filter_is_one_error_line_naming_the_flag(db):
    result = run("stories", "list", "--db", db, "--since", "last week")
    assert result.exit_code != 0 and result.output.startswith("error: --since:")


def test_a_new_article_joins_its_story_on_the_next_build_and_ids_stay(db):
    before = {s["id"]: s["articles"] for s in _listed(db)}
    with open_store(db) as store:
        store.add_articles([as_article(LATE_FLOOD)])
    result = run("stories", "build", "--db", db)
    assert "placed 1 article; 1 story new or changed" in result.output, result.output
    after = {s["id"]: s["articles"] for s in _listed(db)}
    assert after.keys() == before.keys()
    (flood_id,) = [sid for sid, ids in after.items() if "flood-late" in ids]
    assert set(after[flood_id]) == set(before[flood_id]) | {"flood-late"}
    assert "placed 0 articles" in run("stories", "build", "--db", db).output


def test_rebuild_groups_everything_again_the_same_way(db):
    before = {frozenset(s["articles"]) for s in _listed(db)}
    result = run("stories", "build", "--db", db, "--rebuild")
    assert "placed 7 articles" in result.output, result.output
    assert {frozenset(s["articles"]) for s in _listed(db)} == before


def test_show_gives_every_member_most_central_first(db):
    flood_id = next(s["id"] for s in _listed(db) if "flood-left" in s["articles"])
    shown = json.loads(run("stories", "show", flood_id, "--db", db, "--json").output)
    scores = [m["centrality"] for m in shown["members"]]
    assert scores == sorted(scores, reverse=True) and len(scores) == 3
    assert shown["label"] == shown["members"][0]["title"]
    text = run("stories", "show", flood_id, "--db", db).output
    assert "2024-03-04 to 2024-03-05" in text and "3 articles from 3 outlets" in text


def test_an_unknown_story_is_an_error(db):
    result = run("stories", "show", "s000000000000", "--db", db)
    assert result.exit_code != 0 and "no story 's000000000000'" in result.output

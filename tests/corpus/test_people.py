"""One person across articles (store/people.py, corpus/people.py, `presslens people`) on both
store backends, over the made-up corpus of tests/support/people.py: which names become one
person, which stay apart and say why, links made as analyses are saved against a rebuild,
and the most quoted counted by person."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from presslens.cli import app
from presslens.corpus import Filters, list_articles, speaker_quotes, top_speakers
from presslens.corpus.people import find_person, list_people, person_detail
from presslens.errors import InputError, NotFoundError
from presslens.store import open_store
from presslens.store.people import decide_group
from presslens.store.schema import analyses as analyses_table
from presslens.store.schema import entities, entity_people, people
from support.people import (
    BRIDGE,
    FARM,
    HT,
    LL,
    MARKET,
    ORCHARD,
    READY,
    SHIPYARD,
    STALLS,
    TOLLS,
    VP,
    analyses,
    store_people_corpus,
)


@pytest.fixture()
def store(store_url):
    with open_store(store_url) as opened:
        store_people_corpus(opened)
        yield opened


def by_name(store, kind: str = "person") -> dict:
    return {p.name: p for p in list_people(store, Filters(), kind=kind, limit=100)}


def links(store) -> dict[tuple[str, str], tuple[str | None, str]]:
    """(article title, entity name) -> (its person's name or None, the reason), for every link."""
    from presslens.store.schema import articles

    stmt = (
        select(articles.c.title, entities.c.name, people.c.name.label("person"), entity_people.c.reason)
        .select_from(entity_people.join(entities, (entities.c.analysis_id == entity_people.c.analysis_id)
                                        & (entities.c.idx == entity_people.c.entity_idx))
                     .join(analyses_table, analyses_table.c.id == entity_people.c.analysis_id)
                     .join(articles, articles.c.id == analyses_table.c.article_id)
                     .outerjoin(people, people.c.id == entity_people.c.person_id))
    )
    with store.engine.connect() as conn:
        return {(r.title, r.name): (r.person, r.reason) for r in conn.execute(stmt)}


def test_full_names_with_and_without_a_middle_initial_and_a_unique_surname_are_one_person(store):
    found = by_name(store)
    velasco = found["Marta Q. Velasco"]
    assert set(velasco.names) >= {"Marta Q. Velasco", "Marta Velasco", "Velasco"}
    assert (velasco.quotes, velasco.articles, velasco.outlets) == (3, 3, 2)
    assert links(store)[(READY.title, "Velasco")] == (
        "Marta Q. Velasco", "surname only; the only person named Velasco in the corpus")
    # "Mayor Ines Harrow" and "Harrow" in the same outlet's stories
    assert (found["Ines Harrow"].quotes, found["Ines Harrow"].articles) == (2, 2)


def test_people_who_share_a_surname_stay_apart_and_a_bare_surname_says_why(store):
    found = by_name(store)
    assert found["Bram Oduya"].quotes == found["Lena Oduya"].quotes == 1
    assert "Oduya" not in found
    assert links(store)[(ORCHARD.title, "Oduya")] == (None, "ambiguous: 2 people named Oduya (Bram Oduya, Lena Oduya)")
    detail = person_detail(store, found["Lena Oduya"].id)
    assert [(u.name, u.articles) for u in detail.unlinked] == [("Oduya", 1)]
    assert detail.unlinked[0].reason.startswith("ambiguous: 2 people named Oduya")


def test_two_middle_initials_make_two_people_and_the_name_without_one_is_either(store):
    found = by_name(store)
    assert {"Tomas R. Quill", "Tomas K. Quill"} <= set(found) and "Tomas Quill" not in found
    assert links(store)[(SHIPYARD.title, "Tomas Quill")] == (None, "ambiguous: 2 people named Tomas Quill")


def test_the_rule_never_merges_bill_and_hillary_and_reads_mrs_as_a_woman():
    names = {(1, 0): "Bill Clinton", (2, 0): "Hillary Clinton", (3, 0): "Clinton", (4, 0): "Mrs. Clinton",
             (5, 0): "President Bill Clinton"}
    decisions, found = decide_group("PERSON", names)
    assert found == {"bill clinton": "Bill Clinton", "hillary clinton": "Hillary Clinton"}
    assert decisions[(3, 0)].person is None and decisions[(3, 0)].reason.startswith("ambiguous: 2 people named Clinton")
    assert decisions[(4, 0)].person == "hillary clinton"
    assert decisions[(5, 0)].person == "bill clinton"
    # Titles, case and accents aside; a generational suffix is another person.
    decisions, found = decide_group("PERSON", {(1, 0): "Donald J. Trump", (2, 0): "DONALD TRUMP",
                                               (3, 0): "President Dónald Trump", (4, 0): "Donald Trump Jr."})
    assert {d.person for key, d in decisions.items() if key != (4, 0)} == {"donald trump"}
    assert decisions[(4, 0)].person == "donald trump jr" and len(found) == 2


def test_a_title_picks_the_one_person_of_a_surname_ever_written_with_it():
    names = {(1, 0): "Arlen Vask", (2, 0): "Dora Vask", (3, 0): "Vask", (4, 0): "Vask"}
    aliases = {(1, 0): ["the senator"], (3, 0): ["Senator Vask"], (4, 0): ["the mayor"]}
    decisions, _ = decide_group("PERSON", names, aliases)
    assert decisions[(3, 0)].person == "arlen vask"
    assert decisions[(3, 0)].reason == "surname only; of 2 people named Vask, the only one called senator"
    assert decisions[(4, 0)].person is None  # nobody of that surname was ever called mayor


def test_dotted_initials_are_read_alike_and_a_swallowed_word_is_not_a_name():
    decisions, found = decide_group("PERSON", {(1, 0): "Tomas R.K. Quill", (2, 0): "Tomas R. K. Quill",
                                               (3, 0): "NEWSWIRE Quill", (4, 0): "Report.“Tomas Quill"})
    assert decisions[(1, 0)].person == decisions[(2, 0)].person == "tomas quill"  # one middle name: left out
    assert [decisions[(i, 0)].reason for i in (3, 4)] == ["not linked: not read as a person's name"] * 2
    assert list(found) == ["tomas quill"]


def test_organisations_are_one_by_name_without_a_leading_the(store):
    authority = by_name(store, kind="org")
    assert list(authority) == ["Harbor Authority"] and authority["Harbor Authority"].articles == 2


def _snapshot(store):
    with store.engine.connect() as conn:
        persons = sorted(conn.execute(select(people.c.kind, people.c.key, people.c.match_key, people.c.name)).all())
    return persons, links(store)


def test_linking_as_analyses_arrive_in_any_order_gives_what_a_rebuild_gives(store_url):
    made = analyses()
    with open_store(store_url) as store:
        store.add_articles([a.article for a in made.values()])
        # Bare surnames first: each is its own person until full names arrive; one batch of several.
        store.save_analyses([made[ORCHARD.title], made[READY.title], made[STALLS.title]])
        assert set(by_name(store)) == {"Oduya", "Velasco", "Harrow"}
        for title in (FARM.title, BRIDGE.title, SHIPYARD.title):
            store.save_analysis(made[title])
        store.save_analyses([made[TOLLS.title], made[MARKET.title]])
        # A newer analysis of one article replaces its links.
        newer = analyses()[READY.title]
        newer.pipeline = {"version": "test-2"}
        store.save_analysis(newer)
        incremental = _snapshot(store)
        assert store.rebuild_people() == len(incremental[0])
        assert _snapshot(store) == incremental
    fresh_persons, fresh_links = incremental
    assert ("PERSON", "oduya", "oduya", "Oduya") not in fresh_persons
    assert fresh_links[(READY.title, "Velasco")][0] == "Marta Q. Velasco"
    assert len([key for key in fresh_links if key[0] == READY.title]) == 1


def test_top_speakers_and_speaker_quotes_count_by_person(store):
    speakers = {s.name: s for s in top_speakers(store, Filters(), limit=20)}
    assert (speakers["Marta Q. Velasco"].quotes, speakers["Marta Q. Velasco"].articles) == (3, 3)
    assert "Velasco" not in speakers and "Marta Velasco" not in speakers
    assert speakers["Marta Q. Velasco"].person_id == by_name(store)["Marta Q. Velasco"].id
    assert speakers["Oduya"].person_id is None  # unlinked: counted under the name as written
    quoted = speaker_quotes(store, "marta q. velasco", Filters(), limit=10).items
    assert {q.outlet for q in quoted} == {HT, VP} and len(quoted) == 3
    one_outlet = top_speakers(store, Filters(outlets=[VP]), limit=5)
    assert [(s.name, s.quotes) for s in one_outlet] == [("Marta Q. Velasco", 2)]
    # The speaker filter (search, stats, compare) finds a person under any name an article gave them.
    quoting = list_articles(store, Filters(speaker="Marta Q. Velasco"), limit=10).items
    assert {a.id for a in quoting} == {BRIDGE.id, TOLLS.id, READY.id}


def test_one_person_in_full_with_outlets_months_roles_and_reasons(store):
    velasco = person_detail(store, find_person(store, "velasco"))
    assert [(o.outlet, o.quotes, o.quoting, o.articles) for o in velasco.by_outlet] == [(VP, 2, 2, 2), (HT, 1, 1, 1)]
    assert [(m.outlet, m.month, m.quotes) for m in velasco.months] == [
        (HT, "2024-01", 1), (VP, "2024-01", 1), (VP, "2024-02", 1)]
    assert {link.reason: link.entities for link in velasco.links} == {
        "same first and last name": 2, "surname only; the only person named Velasco in the corpus": 1}
    roles = {r.outlet: r for r in velasco.roles}
    assert (roles[VP].framed, roles[VP].roles["Protagonist"], roles[HT].framed) == (2, 1, 1)
    assert [a.published.isoformat() for a in velasco.recent] == ["2024-02-02", "2024-01-20", "2024-01-05"]
    narrowed = person_detail(store, velasco.id, Filters(outlets=[HT]))
    assert (narrowed.quotes, narrowed.articles) == (1, 1)


def test_finding_a_person_by_name_or_id_and_the_errors(store):
    velasco = by_name(store)["Marta Q. Velasco"]
    assert find_person(store, "MARTA VELASCO") == find_person(store, str(velasco.id)) == velasco.id
    assert find_person(store, "Governor Velasco") == velasco.id  # titles aside
    with pytest.raises(NotFoundError, match="person 'Nobody Here' not found"):
        find_person(store, "Nobody Here")
    with pytest.raises(NotFoundError) as unlinked:
        find_person(store, "oduya")
    assert str(unlinked.value) == (
        "'oduya' is not linked to one person: ambiguous: 2 people named Oduya (Bram Oduya, Lena Oduya)")
    assert find_person(store, "harbor authority") == by_name(store, kind="org")["Harbor Authority"].id
    with pytest.raises(NotFoundError, match="person 99999 not found"):
        person_detail(store, 99999)
    with pytest.raises(InputError, match="kind"):
        list_people(store, Filters(), kind="place")


def run(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False, env={"COLUMNS": "200"})


def test_the_cli_lists_people_as_json_and_text_and_explains_one(store, store_url):
    listed = run("people", "--db", store_url, "--format", "json")
    assert listed.exit_code == 0, listed.output
    body = json.loads(listed.output)
    assert all(list(item) == ["id", "name", "names", "quotes", "articles", "outlets"] for item in body)
    assert body[0]["name"] == "Marta Q. Velasco" and body[0]["quotes"] == 3
    only = json.loads(run("people", "--db", store_url, "--outlet", LL, "--format", "json").output)
    assert [p["name"] for p in only] == ["Tomas K. Quill", "Tomas R. Quill"]  # its "Oduya" is unlinked
    text = run("people", "--db", store_url)
    assert "Most quoted people" in text.output and "Marta Q. Velasco" in text.output
    shown = run("people", "show", "Lena Oduya", "--db", store_url)
    assert shown.exit_code == 0 and "ambiguous: 2 people named Oduya" in shown.output and FARM.id in shown.output
    missing = CliRunner().invoke(app, ["people", "show", "Nobody Here", "--db", store_url])
    assert missing.exit_code == 1 and "error: person 'Nobody Here' not found" in missing.output
    rebuilt = run("people", "rebuild", "--db", store_url)
    assert rebuilt.exit_code == 0 and "people and organisations" in rebuilt.output

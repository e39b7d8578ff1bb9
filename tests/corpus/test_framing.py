"""How the corpus casts one entity (corpus/framing.py), on both store backends: role counts
per outlet and month, the evidence sentences, the framing export, mention roles stored and
read back, and analyses from before framing."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import date

import pytest

from presslens import open_corpus
from presslens.analyzers.framing.reading import sentence_around
from presslens.article import Article
from presslens.corpus import Filters, entity_framing, export_columns, export_rows
from presslens.corpus.export import write_export
from presslens.errors import InputError, NotFoundError
from presslens.store import open_store
from presslens.store.connect import make_engine, upgrade
from support.framing import (
    BLAME,
    CORRIDOR,
    HOSTILE_ENTITY,
    HT,
    OLD,
    SHELLING,
    VALDORIA,
    VP,
    Cast,
    analyses,
    cast_analysis,
    store_framing_corpus,
)

NO_ROLES = {"Protagonist": 0, "Antagonist": 0, "Innocent": 0}


@pytest.fixture()
def framing_store(store_url):
    with open_store(store_url) as store:
        store_framing_corpus(store)
        yield store


def months(framing) -> list[tuple]:
    return [(m.outlet, m.month, m.articles, m.framed, m.roles, m.no_role) for m in framing.months]


def test_roles_are_counted_per_outlet_and_month_over_the_latest_analyses(framing_store):
    found = entity_framing(framing_store, "valdoria", Filters())
    assert (found.name, found.names, found.types) == (VALDORIA, [VALDORIA, "Valdorian"], ["GPE"])
    # Four articles mention it; the one analysed before framing is not framed. The corridor
    # article's older analysis (Innocent) is not its latest and counts nowhere.
    assert (found.articles, found.framed) == (4, 3)
    assert found.roles == {"Protagonist": 1, "Antagonist": 2, "Innocent": 0}
    assert months(found) == [
        (HT, "2024-01", 1, 1, {**NO_ROLES, "Antagonist": 1}, 0),
        (HT, "2024-02", 1, 1, {**NO_ROLES, "Protagonist": 1}, 0),
        (VP, "2024-01", 2, 1, {**NO_ROLES, "Antagonist": 1}, 0),
    ]


def test_the_strongest_sentences_per_role_link_to_their_article_and_evidence(framing_store):
    evidence = entity_framing(framing_store, VALDORIA, Filters()).evidence
    antagonist = evidence["Antagonist"]
    assert [(e.article_id, e.score, e.outlet) for e in antagonist] == [(SHELLING.id, 0.9, HT), (BLAME.id, 0.6, VP)]
    first = antagonist[0]
    assert first.text == "Valdorian troops shelled Merrow again overnight, killing three children."
    assert SHELLING.text[first.start:first.end] == first.text
    assert (first.name, first.anchor, first.title, first.published) == (
        VALDORIA, "ev-0", SHELLING.title, date(2024, 1, 10))
    # The evidence sits mid-text: the whole sentence around it, not the text before.
    assert antagonist[1].text == ("Officials in Valdoria blamed Merrow for the clashes, and Valdoria moved more guns "
                                  "to the border.")
    assert [e.text for e in evidence["Protagonist"]] == ["Valdoria opened a corridor for civilians on Monday."]
    assert evidence["Innocent"] == []
    assert [e.article_id
            for e in entity_framing(framing_store, VALDORIA, Filters(), evidence=1).evidence["Antagonist"]] \
        == [SHELLING.id]


def test_an_alias_finds_the_entity_case_aside_and_a_name_in_passing_counts_as_no_role(framing_store):
    found = entity_framing(framing_store, "PETRIK", Filters())
    # "Ana Petrik" (alias Petrik) in one article, an entity named "Petrik" in another.
    assert found.names[:2] == ["Petrik", "Ana Petrik"] and found.articles == 2
    assert months(found) == [
        (HT, "2024-01", 1, 1, {**NO_ROLES, "Protagonist": 1}, 0),
        (VP, "2024-01", 1, 1, NO_ROLES, 1),
    ]
    # An alias of one article's entity is not the name of another's: "Valdorian" is only an alias in one.
    assert entity_framing(framing_store, "valdorian", Filters()).articles == 1
    # Part of a name is not the name.
    with pytest.raises(NotFoundError, match="entity 'Valdor' not found"):
        entity_framing(framing_store, "Valdor", Filters())


def test_filters_narrow_the_articles_and_an_entity_they_leave_out_has_zero_figures(framing_store):
    in_valley = entity_framing(framing_store, VALDORIA, Filters(outlets=["valley post"]))
    assert months(in_valley) == [(VP, "2024-01", 2, 1, {**NO_ROLES, "Antagonist": 1}, 0)]
    assert [e.article_id for e in in_valley.evidence["Antagonist"]] == [BLAME.id]
    february = entity_framing(framing_store, VALDORIA, Filters(since=date(2024, 2, 1)))
    assert february.roles == {**NO_ROLES, "Protagonist": 1}
    later = entity_framing(framing_store, VALDORIA, Filters(since=date(2025, 1, 1)))
    assert (later.articles, later.months, later.evidence) \
        == (0, [], {"Protagonist": [], "Antagonist": [], "Innocent": []})


def test_an_open_corpus_answers_the_same_with_filters_as_keywords(store_url):
    with open_store(store_url) as store:
        store_framing_corpus(store)
    with open_corpus(store_url) as corpus:
        found = corpus.entity_framing("Valdoria", outlets="Valley Post", evidence=1)
    assert months(found) == [(VP, "2024-01", 2, 1, {**NO_ROLES, "Antagonist": 1}, 0)]


def test_a_name_no_analysis_gives_is_not_found_in_one_line(framing_store):
    with pytest.raises(NotFoundError) as raised:
        entity_framing(framing_store, "Atlantis", Filters(outlets=[HT]))
    assert str(raised.value) == "entity 'Atlantis' not found"
    with pytest.raises(InputError, match="name"):
        entity_framing(framing_store, "   ", Filters())
    with pytest.raises(InputError, match="evidence"):
        entity_framing(framing_store, VALDORIA, Filters(), evidence=0)


def test_hostile_and_non_ascii_names_are_matched_as_plain_text(store_url):
    article = Article(outlet="Alpine Post", published=date(2024, 5, 1), title="Snow",
                      text="ZÜRICH sent snowploughs to 100% of the valley_roads. Zürich's mayor thanked them.")
    with open_store(store_url) as store:
        store_framing_corpus(store)
        store.add_articles([article])
        store.save_analysis(cast_analysis(article, [
            Cast("ZÜRICH", "GPE", ["ZÜRICH"], "Protagonist", 0.8, evidence="ZÜRICH sent", aliases=["Zürich"]),
            Cast("100%_roads", "ORG", ["100%"], None)]))
        assert entity_framing(store, "zürich", Filters()).roles["Protagonist"] == 1
        assert entity_framing(store, "Zürich", Filters()).articles == 1
        assert entity_framing(store, "100%_roads", Filters()).articles == 1
        with pytest.raises(NotFoundError):
            entity_framing(store, "100__roads", Filters())  # LIKE wildcards are letters here
        hostile = entity_framing(store, HOSTILE_ENTITY.upper(), Filters())
        assert hostile.name == HOSTILE_ENTITY and hostile.evidence["Antagonist"][0].text == (
            f"The {HOSTILE_ENTITY} burned the <b>market</b> & fled.")


def test_the_framing_export_has_a_row_per_framed_entity_in_every_format(framing_store):
    columns = [name for name, _ in export_columns(framing_store, "framing")]
    assert columns == ["article_id", "outlet", "published", "version", "entity", "name", "type", "role",
                       "protagonist", "antagonist", "innocent", "fine_roles", "evidence"]
    rows = list(export_rows(framing_store, "framing", Filters(outlets=[HT])))
    # The shelling article's three entities and the corridor article's one; none from before framing.
    assert [(r["article_id"], r["name"], r["role"]) for r in rows] == [
        (SHELLING.id, VALDORIA, "Antagonist"), (SHELLING.id, "Merrow", "Innocent"),
        (SHELLING.id, "Ana Petrik", "Protagonist"), (CORRIDOR.id, VALDORIA, "Protagonist")]
    assert (rows[0]["antagonist"], rows[0]["fine_roles"], rows[0]["evidence"]) \
        == (0.9, ["Aggressor"], [{"start": 0, "end": 31}])
    assert OLD.id not in {r["article_id"] for r in export_rows(framing_store, "framing", Filters())}
    buffer = io.BytesIO()
    write_export(export_rows(framing_store, "framing", Filters(outlets=[VP])), export_columns(framing_store, "framing"),
                 "csv", buffer)
    table = list(csv.DictReader(io.StringIO(buffer.getvalue().decode())))
    assert [(r["name"], r["role"], r["antagonist"]) for r in table] == [
        (VALDORIA, "Antagonist", "0.6"), ("Merrow", "", "0.05"), ("Petrik", "", "0.05")]
    assert json.loads(table[0]["evidence"]) == [{"start": 57, "end": 81}]
    buffer = io.BytesIO()
    write_export(export_rows(framing_store, "framing", Filters()), export_columns(framing_store, "framing"), "jsonl",
                 buffer)
    assert len(buffer.getvalue().splitlines()) == 8


def test_the_framing_export_as_parquet_keeps_numbers_as_numbers(framing_store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "framing.parquet"
    with path.open("wb") as out:
        write_export(export_rows(framing_store, "framing", Filters()), export_columns(framing_store, "framing"),
                     "parquet", out)
    table = pq.read_table(path)
    assert table.num_rows == 8 and str(table.schema.field("antagonist").type) == "double"
    assert table.column("role").to_pylist()[:3] == ["Antagonist", "Innocent", "Protagonist"]


def test_mention_roles_and_scores_are_stored_and_read_back(framing_store):
    shelling = framing_store.get_analysis(SHELLING.id)
    assert shelling == analyses()[0]
    petrik = shelling.entities[2]
    assert [(m.role, m.scores["Protagonist"]) for m in petrik.mentions] == [("Protagonist", 0.85)] * 2
    rows = [r for r in export_rows(framing_store, "mentions", Filters(outlets=[HT])) if r["article_id"] == SHELLING.id]
    assert [(r["entity_idx"], r["role"]) for r in rows] == [(0, "Antagonist"), (1, "Innocent"), (2, "Protagonist"),
                                                            (2, "Protagonist")]


def test_an_analysis_stored_before_mention_roles_still_loads(tmp_path):
    db = tmp_path / "old.db"
    engine = make_engine(f"sqlite:///{db}")
    upgrade(engine, "0003")
    engine.dispose()
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO articles (id, text_key, title, language, words, text, published) VALUES "
                     "('old-1', 'k1', 'Pier', 'en', 4, 'Valdoria closed the pier.', '2023-05-01')")
        conn.execute("INSERT INTO analyses (id, article_id, version, latest, created, scores, pipeline) VALUES "
                     "(1, 'old-1', 'v0', 1, '2023-05-02 00:00:00', '{}', '{\"version\": \"v0\"}')")
        conn.execute("INSERT INTO entities (analysis_id, idx, key, name, type, aliases, framing, mentions) VALUES "
                     "(1, 0, 'E1', 'Valdoria', 'GPE', '[]', '{}', 1)")
        conn.execute("INSERT INTO mentions (analysis_id, entity_idx, idx, start, \"end\") VALUES (1, 0, 0, 0, 8)")
    with open_store(f"sqlite:///{db}") as store:
        old = store.get_analysis("old-1")
        assert [(m.start, m.end, m.role, m.scores) for m in old.entities[0].mentions] == [(0, 8, None, {})]
        found = entity_framing(store, "valdoria", Filters())
        assert (found.articles, found.framed, found.roles) == (1, 0, NO_ROLES)


def test_the_name_lookup_uses_the_folded_name_index(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'plan.db'}") as store:
        with store.engine.connect() as conn:
            plan = conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT key FROM entities WHERE lower(name) IN ('valdoria', 'VALDORIA')").all()
    assert any("ix_entities_folded_name" in str(row) for row in plan), plan


def test_a_sentence_is_found_around_evidence_anywhere_in_the_text():
    text = "First one. Then Valdoria moved in! \"Why?\" asked Merrow.\nLast line without a stop"
    assert text[slice(*sentence_around(text, 16, 24))] == "Then Valdoria moved in!"
    # A quoted question and its attribution read as one sentence.
    assert text[slice(*sentence_around(text, 35, 41))] == "\"Why?\" asked Merrow."
    assert text[slice(*sentence_around(text, 71, 75))] == "Last line without a stop"
    assert text[slice(*sentence_around(text, 0, 10))] == "First one."

"""Quote provenance (store/quote_similarity.py, store/quote_groups.py, corpus/provenance.py,
`presslens quotes`) on both store backends, over the hand-built set of
tests/support/quote_provenance.py: which quotes group, the trace's order and word diff,
grouping as analyses arrive against grouping from nothing, and bad input."""

from __future__ import annotations

import json
from itertools import combinations

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from presslens.cli import app
from presslens.corpus.provenance import group_quotes, recurring_quotes, trace_quote, trace_text
from presslens.errors import InputError, NotFoundError
from presslens.store import open_store
from presslens.store.quote_similarity import group_wordings, relate, words_of
from presslens.store.schema import analyses, articles, quote_appearances, quote_wordings
from support.quote_provenance import BY_KEY, CASES, analysis, article, quote_id


@pytest.fixture()
def store(store_url):
    with open_store(store_url) as opened:
        opened.add_articles([article(case) for case in CASES])
        opened.save_analyses([analysis(case) for case in CASES])
        group_quotes(opened)
        yield opened


TUNNEL_START = "The harbour tunnel will carry its first trains"


def groups_by_case(store) -> dict[str, int | None]:
    """Case key -> the group its quote is in (None: not grouped, too short)."""
    stmt = (select(articles.c.title, quote_wordings.c.group_id)
            .select_from(quote_appearances.join(analyses, analyses.c.id == quote_appearances.c.analysis_id)
                         .join(articles, articles.c.id == analyses.c.article_id)
                         .outerjoin(quote_wordings, quote_wordings.c.id == quote_appearances.c.wording_id))
            .where(analyses.c.latest.is_(True)))
    with store.engine.connect() as conn:
        return {title.removeprefix("Story "): group for title, group in conn.execute(stmt)}


def partition(groups: dict[str, int | None]) -> set[frozenset[str]]:
    by_group: dict[object, set[str]] = {}
    for key, group in groups.items():
        by_group.setdefault(group if group is not None else key, set()).add(key)
    return {frozenset(keys) for keys in by_group.values()}


def test_grouping_finds_every_repetition_and_no_near_miss_on_the_hand_built_set(store):
    found = groups_by_case(store)
    assert set(found) == set(BY_KEY)
    truth = {pair for pair in combinations(sorted(BY_KEY), 2)
             if BY_KEY[pair[0]].group is not None and BY_KEY[pair[0]].group == BY_KEY[pair[1]].group}
    predicted = {pair for pair in combinations(sorted(BY_KEY), 2)
                 if found[pair[0]] is not None and found[pair[0]] == found[pair[1]]}
    precision = len(truth & predicted) / len(predicted)
    recall = len(truth & predicted) / len(truth)
    print(f"\nquote grouping on the hand-built set: {len(truth)} true pairs, {len(predicted)} grouped, "
          f"precision {precision:.3f}, recall {recall:.3f}")
    assert (precision, recall) == (1.0, 1.0), sorted(truth ^ predicted)
    # "We will not back down." (five words) is never grouped, whoever says it.
    assert found["back-down-union"] is found["back-down-club"] is None


def test_candidate_pairs_come_from_shared_shingles_not_all_pairs():
    wordings = dict(enumerate({words_of(case.quote) for case in CASES if len(words_of(case.quote)) >= 6}))
    grouping = group_wordings(wordings)
    all_pairs = len(wordings) * (len(wordings) - 1) // 2
    assert 0 < grouping.candidate_pairs < all_pairs / 4
    assert grouping.tested_pairs <= grouping.candidate_pairs


def test_the_rule_folds_punctuation_and_case_and_names_each_relation():
    tunnel = words_of(BY_KEY["tunnel-first"].quote)
    assert relate(tunnel, words_of("THE HARBOUR TUNNEL will carry its first trains before the end of next spring; "
                                   "and not a day later")) == "exact"
    assert relate(tunnel, words_of(BY_KEY["tunnel-trim"].quote)) == "trimmed"
    assert relate(tunnel, words_of(BY_KEY["tunnel-edit"].quote)) == "edited"
    assert relate(tunnel, words_of(BY_KEY["near-ferry"].quote)) is None
    assert relate(words_of("We’re not backing down now."), words_of("we're not backing down now")) is None  # 5 words


def test_trace_lists_appearances_by_publication_undated_last_with_the_words_changed(store):
    found = trace_quote(store, quote_id(BY_KEY["tunnel-trim"]))
    assert [(a.outlet, a.published and a.published.isoformat(), a.relation) for a in found] == [
        ("Northbay Courier", "2025-03-03", "first"),
        ("Eastfield Beacon", "2025-03-04", "exact"),
        ("Lowland Gazette", "2025-03-05", "exact"),
        ("Meridian Wire", "2025-03-09", "trimmed"),
        ("Eastfield Beacon", None, "edited"),
    ]
    assert [a.first for a in found] == [True, False, False, False, False]
    assert found[1].speaker == "Minister Brennick" and found[1].text.endswith("and not a day later!")
    edited = found[-1]
    changed = [(c.op, c.was, c.now) for c in edited.diff if c.op != "same"]
    assert changed == [("replaced", "harbour", "harbor"), ("replaced", "a", "one")]
    assert (edited.added, edited.dropped, edited.replaced) == (0, 0, 2)
    trimmed = found[3]
    assert (trimmed.dropped, trimmed.added) == (8, 0)
    assert trimmed.person == "Ada Brennick" and trimmed.quote == quote_id(BY_KEY["tunnel-trim"])


def test_trace_by_text_finds_the_group_from_other_wording(store):
    by_text = trace_text(store, "our farmers have waited ELEVEN years for a fair price on milk")
    assert [a.quote for a in by_text] == [quote_id(BY_KEY[k]) for k in ("milk-first", "milk-drop", "milk-trim")]
    edited = trace_text(store, "Nobody on this council voted to close the library on Sundays and nobody will")
    assert {a.quote for a in edited} == {quote_id(BY_KEY[k]) for k in ("library-first", "library-edit", "library-trim")}


def test_bad_input_is_one_error_naming_it(store):
    with pytest.raises(InputError, match="is not a quote id"):
        trace_quote(store, "no-such-id")
    with pytest.raises(NotFoundError, match="not found"):
        trace_quote(store, "0123456789abcdef-0")
    with pytest.raises(InputError, match="has 5 words"):
        trace_quote(store, quote_id(BY_KEY["back-down-club"]))
    with pytest.raises(NotFoundError, match="no stored quote matches"):
        trace_text(store, "the orchard will be sold to the highest bidder")
    with pytest.raises(InputError, match="has 2 words"):
        trace_text(store, "a disgrace")


def test_grouping_as_analyses_arrive_gives_the_groups_of_grouping_from_nothing(store_url):
    with open_store(store_url) as store:
        store.add_articles([article(case) for case in CASES])
        for case in reversed(CASES):
            store.save_analysis(analysis(case))
            group_quotes(store)
        arrived = partition(groups_by_case(store))
        assert frozenset({"bridge-whole", "bridge-start", "bridge-end"}) in arrived
        # A newer analysis of the whole bridge statement finds no quote: its two excerpts,
        # which share no words, are no longer one quote.
        store.save_analysis(analysis(BY_KEY["bridge-whole"], version="test-2", quoted=False))
        run = group_quotes(store)
        assert run.removed == 1
        caught_up = partition(groups_by_case(store))
        assert {frozenset({"bridge-start"}), frozenset({"bridge-end"})} <= caught_up
        # Analysed again with the same quote: it stays in its group.
        store.save_analysis(analysis(BY_KEY["tunnel-first"], version="test-2"))
        run = group_quotes(store)
        assert (run.added, run.removed) == (1, 1)
        assert partition(groups_by_case(store)) == caught_up
        # The same version saved again replaces its analysis (SQLite may give the new row the
        # old one's id): now it finds no quote, and the quote leaves its group.
        store.save_analysis(analysis(BY_KEY["tunnel-first"], version="test-2", quoted=False))
        group_quotes(store)
        after = partition(groups_by_case(store))
        assert "tunnel-first" not in set().union(*after)
        assert frozenset({"tunnel-exact", "tunnel-punct", "tunnel-trim", "tunnel-edit"}) in after
        group_quotes(store, rebuild=True)
        assert partition(groups_by_case(store)) == after
        assert caught_up == arrived - {frozenset({"bridge-whole", "bridge-start", "bridge-end"})} | {
            frozenset({"bridge-start"}), frozenset({"bridge-end"})}


def test_cli_trace_prints_the_table_and_json_in_the_documented_order(store, store_url):
    runner = CliRunner(env={"COLUMNS": "200"})
    shown = runner.invoke(app, ["quotes", "trace", "--quote", quote_id(BY_KEY["milk-drop"]), "--db", store_url])
    assert shown.exit_code == 0, shown.output
    assert "3 appearances in 3 outlets. First seen here: Lowland Gazette, 2025-04-01" in shown.output
    assert "first in this corpus" in shown.output and "-they" in shown.output
    as_json = runner.invoke(app, ["quotes", "trace", BY_KEY["library-edit"].quote, "--format", "json",
                                  "--db", store_url])
    found = json.loads(as_json.output)
    assert list(found[0])[:7] == ["article", "title", "outlet", "published", "speaker", "text", "first"]
    assert [(a["outlet"], a["published"], a["first"]) for a in found] == [
        ("Eastfield Beacon", "2025-05-10", True), ("Lowland Gazette", "2025-05-11", False),
        ("Northbay Courier", "2025-05-12", False)]


@pytest.mark.parametrize("args, message", [
    (["--quote", "0123456789abcdef-3"], "error: quote '0123456789abcdef-3' not found"),
    (["--quote", "nonsense"], "error: --quote: 'nonsense' is not a quote id"),
    (["the orchard will be sold to the highest bidder"], "error: no stored quote matches"),
    ([], "error: --quote: give either the words of a quote or --quote ID"),
])
def test_cli_trace_bad_input_is_one_line_and_a_non_zero_exit(store, store_url, args, message):
    result = CliRunner().invoke(app, ["quotes", "trace", *args, "--db", store_url])
    assert result.exit_code != 0
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1


def test_cli_group_says_what_it_did(store_url):
    with open_store(store_url) as store:
        store.add_articles([article(case) for case in CASES])
        store.save_analyses([analysis(case) for case in CASES])
    result = CliRunner().invoke(app, ["quotes", "group", "--db", store_url])
    assert result.exit_code == 0
    assert result.output.startswith(f"grouped {len(CASES)} new quotes, took out 0; {len(CASES)} quotes grouped")
    again = CliRunner().invoke(app, ["quotes", "group", "--db", store_url])
    assert again.output.startswith("grouped 0 new quotes")


def test_recurring_quotes_counts_the_repeated_and_lists_the_widest_first(store):
    found = recurring_quotes(store, limit=3)
    # 25 quotes, 2 under six words; tunnel 5 + milk 3 + library 3 + bridge 3 + schools 2 recur
    assert (found.grouped, found.recurring, found.groups, found.across_outlets, found.articles) == (23, 16, 5, 5, 23)
    tunnel = found.top[0]
    assert (tunnel.articles, tunnel.outlets, tunnel.wordings) == (5, 4, 3)  # the exact and punctuated one wording
    assert (tunnel.quote, tunnel.outlet, tunnel.published.isoformat(), tunnel.speaker) == (
        quote_id(BY_KEY["tunnel-first"]), "Northbay Courier", "2025-03-03", "Ada Brennick")
    assert [q.articles for q in found.top] == [5, 3, 3]
    with pytest.raises(InputError, match="limit"):
        recurring_quotes(store, limit=0)


def test_cli_recurring_prints_the_summary_and_json(store, store_url):
    runner = CliRunner(env={"COLUMNS": "200"})
    text = runner.invoke(app, ["quotes", "recurring", "--limit", "2", "--db", store_url])
    assert text.exit_code == 0
    assert text.output.startswith("16 quotes of 23 (69.6%) recur in two or more articles: 5 groups, 5 of them "
                                  "across outlets.")
    assert "Northbay Courier, 2025-03-03" in text.output and TUNNEL_START in text.output
    body = json.loads(runner.invoke(app, ["quotes", "recurring", "--format", "json", "--db", store_url]).output)
    assert list(body) == ["grouped", "recurring", "groups", "across_outlets", "articles", "top"]
    assert [q["articles"] for q in body["top"]] == [5, 3, 3, 3, 2]
    bad = CliRunner().invoke(app, ["quotes", "recurring", "--limit", "0", "--db", store_url])
    assert bad.exit_code != 0 and "--limit" in bad.output and len(bad.output.strip().splitlines()) == 1

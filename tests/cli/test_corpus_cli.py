"""The corpus commands as a user runs them: search, stats, compare, prune, and the charts they write."""

from __future__ import annotations

import html

import pytest
from typer.testing import CliRunner

from presslens.cli import app
from presslens.cli.charts import rates_chart, stats_html, svg_text
from presslens.corpus import OutletMonth
from presslens.store import open_store
from support.counted_corpus import A3, HT, VP, analyses, store_corpus


@pytest.fixture()
def db(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'corpus.db'}"
    store = open_store(url)
    store_corpus(store)
    store.close()
    return url


def run(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False, env={"COLUMNS": "200"})


def test_search_prints_ranked_hits_with_their_snippets(db):
    result = run("search", "harbor", "--db", db)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith(f"1. {A3.title}  {HT}, 2021-02-05")
    assert "Workers repaired the harbor lights" in result.output
    assert any(line.startswith("2. Ferry service to valley proposed") for line in lines)
    assert run("search", "zeppelin", "--db", db).output.strip() == "no matches"
    assert lines[-1] == "2 matching articles, 1 analysed"
    assert any(
        line.startswith("2. Ferry service to valley proposed") and line.endswith("not analysed yet") for line in lines
    )


def test_search_with_filters_and_bad_dates(db):
    result = run("search", "ferry", "--technique", "Doubt", "--db", db)
    assert result.output.startswith("1. Ferry costs questioned") and "2." not in result.output
    bad = run("search", "ferry", "--since", "yesterday", "--db", db)
    assert bad.exit_code == 1
    assert bad.output == "error: --since: 'yesterday' is not a date (use YYYY-MM-DD)\n"


def test_stats_prints_the_hand_counted_rates_and_writes_charts(db, tmp_path):
    out = tmp_path / "charts"
    result = run("stats", "--db", db, "--out", str(out))
    assert result.exit_code == 0
    assert "5 stored articles are not analysed by pipeline" in result.output  # fixture version is test-1
    row = next(line for line in result.output.splitlines() if "2021-01" in line and HT in line)
    assert [cell.strip() for cell in row.split("│")[1:5]] == [HT, "2021-01", "2", "40"]
    assert "100.00" in row and "Loaded language 75.0" in row and "Doubt 25.0" in row
    assert "Lena Park" in result.output and "Tom Reyes" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["rates.png", "rates.svg", "shares.png", "stats.html"]
    assert (out / "rates.png").read_bytes().startswith(b"\x89PNG")


def test_compare_puts_outlets_side_by_side_and_rejects_unknown_ones(db):
    result = run("compare", HT, "valley post", "--db", db)
    assert result.exit_code == 0
    line = next(line for line in result.output.splitlines() if line.startswith("│ Loaded language"))
    assert "50.00 (67%)" in line and "0.00 (0%)" in line
    unknown = run("compare", HT, "Moon Gazette", "--db", db)
    assert unknown.exit_code == 1
    assert unknown.output == "error: outlet 'Moon Gazette' not found\n"


def test_prune_removes_only_older_versions(db):
    store = open_store(db)
    newer = analyses()[0]
    newer.pipeline = {"version": "test-2"}
    store.save_analysis(newer)
    store.close()
    result = run("prune", "--db", db)
    assert result.output.startswith("removed 1 older analyses; kept 4")


def test_charts_escape_outlet_names_and_embed_svg_inline():
    hostile = '<script>alert("x")</script> & Co'
    stats = [OutletMonth(outlet=hostile, month="2021-01", articles=1, words=20,
                         technique_rates={"Doubt": 50.0}, technique_shares={"Doubt": 1.0}),
             OutletMonth(outlet=VP, month="2021-02", articles=2, words=40)]
    page = stats_html(stats)
    assert "<script" not in page
    assert html.escape(hostile) in page
    assert page.count("<svg") == 2
    assert "src=" not in page and "<link" not in page and "href=\"http" not in page  # nothing fetched
    svg = svg_text(rates_chart(stats, technique="Doubt"))
    assert svg.startswith("<svg") and "<script" not in svg


def test_process_command_with_a_zero_limit_analyses_nothing(db):
    result = run("process", "--db", db, "--limit", "0")
    assert result.exit_code == 0
    assert result.output.startswith("analysed 0 articles with pipeline")
    bad = run("process", "--db", db, "--engine", "spark")
    assert bad.exit_code == 1 and bad.output == "error: --engine: 'spark' is not one of local, ray\n"


def test_process_command_takes_the_ids_to_analyse(db):
    # which ids get analysed is tested on the engines (tests/engines); here the flag and its error
    unknown = run("process", "--db", db, "--id", "no-such-article")
    assert unknown.exit_code != 0 and unknown.output == "error: article 'no-such-article' not found\n"

"""`presslens compare --entity` and `presslens export --what framing` as a user runs them,
over the fabricated framing corpus (tests/support/framing.py)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from presslens.cli import app
from presslens.cli.charts import svg_text
from presslens.cli.framing_charts import framing_chart
from presslens.corpus.framing import EntityFraming, RoleMonth
from presslens.store import open_store
from support.framing import BLAME, HOSTILE_ENTITY, HT, SHELLING, VP, store_framing_corpus


@pytest.fixture()
def db(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'framing.db'}"
    with open_store(url) as store:
        store_framing_corpus(store)
    return url


def run(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False, env={"COLUMNS": "200"})


def rows_of(output: str) -> list[list[str]]:
    """The cells of each table row, for rows drawn with Rich's │ separators."""
    return [[cell.strip() for cell in line.strip("│ ").split("│")] for line in output.splitlines() if "│" in line]


def test_compare_entity_shows_the_roles_per_outlet_and_month_and_the_sentences(db):
    result = run("compare", "--entity", "VALDORIA", "--db", db)
    assert result.exit_code == 0, result.output
    assert "Valdoria (also called Valdorian): named in 4 analysed articles, 3 of them analysed with framing" \
        in result.output
    assert rows_of(result.output) == [
        [HT, "2024-01", "1", "1", "0", "1", "0", "0"],
        [HT, "2024-02", "1", "1", "1", "0", "0", "0"],
        [VP, "2024-01", "2", "1", "0", "1", "0", "0"],
    ]
    assert "Cast as Antagonist, most clearly:" in result.output
    assert f"Valdorian troops shelled Merrow again overnight, killing three children.  {HT}, 2024-01-10, score 0.90 " \
           f"[{SHELLING.id}]" in result.output
    assert "Cast as Innocent" not in result.output


def test_compare_entity_takes_outlets_and_writes_the_chart_files(db, tmp_path):
    out = tmp_path / "charts"
    result = run("compare", "--entity", "valdoria", "valley POST", "--db", db, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert rows_of(result.output) == [[VP, "2024-01", "2", "1", "0", "1", "0", "0"]]
    assert BLAME.id in result.output and SHELLING.id not in result.output
    assert sorted(p.name for p in out.iterdir()) == ["framing.html", "framing.png", "framing.svg"]
    assert (out / "framing.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = (out / "framing.svg").read_text()
    assert svg.startswith("<svg") and "Antagonist" in svg and VP in svg
    page = (out / "framing.html").read_text()
    assert "<script" not in page and "Officials in Valdoria blamed Merrow" in page


def test_a_hostile_entity_name_is_printed_and_written_as_text(db, tmp_path):
    result = run("compare", "--entity", HOSTILE_ENTITY, "--db", db, "--out", str(tmp_path / "h"))
    assert result.exit_code == 0, result.output
    assert HOSTILE_ENTITY in result.output and "<b>Hostile</b> & Co" in result.output
    page = (tmp_path / "h" / "framing.html").read_text()
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#x27;role&#x27;)&lt;/script&gt;Front" in page


def test_compare_entity_names_an_unknown_entity_or_outlet_in_one_line(db):
    unknown = CliRunner().invoke(app, ["compare", "--entity", "Atlantis", "--db", db])
    assert unknown.exit_code == 1 and unknown.output.strip() == "error: entity 'Atlantis' not found"
    outlet = CliRunner().invoke(app, ["compare", "--entity", "Valdoria", "Moon Gazette", "--db", db])
    assert outlet.exit_code == 1 and outlet.output.strip() == "error: outlet 'Moon Gazette' not found"
    nothing = CliRunner().invoke(app, ["compare", "--db", db])
    assert nothing.exit_code == 1 and nothing.output.strip() == "error: compare needs outlet names, or --entity NAME"


def test_export_framing_writes_a_row_per_framed_entity(db, tmp_path):
    result = CliRunner().invoke(app, ["export", "--what", "framing", "--format", "csv", "--outlet", VP, "--db", db])
    assert result.exit_code == 0
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["name"], r["role"], r["antagonist"]) for r in table] == [
        ("Valdoria", "Antagonist", "0.6"), ("Merrow", "", "0.05"), ("Petrik", "", "0.05")]
    assert result.stderr.strip() == "exported 3 framing rows"
    path = tmp_path / "framing.jsonl"
    assert run("export", "--what", "framing", "-o", str(path), "--db", db).exit_code == 0
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert len(lines) == 8 and lines[0]["fine_roles"] == ["Aggressor"]


def test_the_chart_prints_dollar_signs_in_names_as_written():
    month = RoleMonth(outlet="The $5 Daily", month="2024-01", articles=2, framed=2,
                      roles={"Protagonist": 1, "Antagonist": 1, "Innocent": 0}, no_role=0)
    framing = EntityFraming(name="$ Fund", names=["$ Fund"], types=["ORG"], articles=2, framed=2,
                            roles=month.roles, months=[month], evidence={})
    svg = svg_text(framing_chart(framing))
    assert "The $5 Daily" in svg and "$ Fund: roles by outlet and month (2 framed articles)" in svg

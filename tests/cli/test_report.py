"""The Rich text report, rendered into a StringIO console and read as a user would."""

from __future__ import annotations

import io
from datetime import date

from rich.console import Console

from presslens.analysis import (
    Analysis,
    Claim,
    Cue,
    Entity,
    Furniture,
    Mention,
    Quote,
    Speaker,
    TechniqueSpan,
    TimeRef,
)
from presslens.article import Article
from presslens.cli.report import render_report
from presslens.readers import read_path
from support.paths import EXAMPLES


def rendered(analysis: Analysis, width: int = 100) -> str:
    out = io.StringIO()
    render_report(analysis, Console(file=out, width=width, color_system=None, legacy_windows=False))
    return out.getvalue()


def section(report: str, title: str) -> str:
    """The lines of one section: from its heading to the next heading rule."""
    lines = report.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(title + " ─"))
    end = next((i for i in range(start + 1, len(lines)) if "─────" in lines[i] and lines[i][:1] != " "), len(lines))
    return "\n".join(lines[start:end])


def test_agency_report_shows_outlet_date_speakers_and_dates(pipeline):
    (article,) = read_path(EXAMPLES / "agency_report.txt")
    report = rendered(pipeline.analyze(article))
    header = report.split("Quotes and speakers")[0]
    assert "NORTHWIND NEWS AGENCY" in header and "2019-11-03" in header
    quotes = section(report, "Quotes and speakers")
    assert "Valen" in quotes and "Dross" in quotes
    assert "told" in quotes or "said" in quotes
    entities = section(report, "People, places and organisations")
    assert "Teodor Valen" in entities and "PERSON" in entities
    dates = section(report, "Dates and periods")
    assert "November 1964" in dates and "1964-11" in dates
    assert "Persuasion techniques" in report


def sample_analysis(techniques: list[TechniqueSpan], models: dict | None = None) -> Analysis:
    text = ('Mayor Ana Ruiz said the [bold]cruel[/bold] blockade must end.\n\n'
            '"We will never surrender," Ruiz told the crowd on Monday.')
    article = Article(
        text=text, outlet="Coastline Herald", published=date(2021, 4, 5), title="Harbour [red]rally[/red]"
    )

    def at(phrase: str, after: int = 0) -> tuple[int, int]:
        start = text.index(phrase, after)
        return start, start + len(phrase)

    second_ruiz = at("Ruiz", at("Ruiz")[1])
    ruiz = Entity(id="E1", name="Ana Ruiz", type="PERSON", aliases=["Ruiz", "Mayor Ana Ruiz"],
                  mentions=[Mention(*at("Mayor Ana Ruiz")), Mention(*second_ruiz)],
                  framing={"role": "Protagonist", "scores": {"Protagonist": 0.81, "Antagonist": 0.1, "Innocent": 0.09},
                           "fine_roles": ["Guardian"], "evidence": [dict(zip(("start", "end"), second_ruiz))]})
    indirect, direct = at("the [bold]cruel[/bold] blockade must end"), at("We will never surrender,")
    quotes = [
        Quote(*indirect, text=text[slice(*indirect)], kind="indirect",
              speaker=Speaker("E1", "Mayor Ana Ruiz", *at("Mayor Ana Ruiz")), cue=Cue("said", *at("said"))),
        Quote(*direct, text=text[slice(*direct)], kind="direct",
              speaker=Speaker("E1", "Ruiz", *second_ruiz), cue=Cue("told", *at("told"))),
    ]
    monday = text.index("Monday")
    return Analysis(
        article=article, entities=[ruiz], quotes=quotes,
        time_refs=[TimeRef(monday, monday + 6, "Monday", "date", "2021-04-05")],
        techniques=techniques, scores={"words": 18, "technique_rate": 0.25},
        pipeline={"version": "test", "models": models or {"spacy": "en_core_web_sm-3.8.0"}},
    )


def test_article_text_is_never_read_as_markup():
    report = rendered(sample_analysis([]))
    assert "Harbour [red]rally[/red]" in report
    assert "[bold]cruel[/bold]" in report


def test_speaker_resolves_to_entity_and_framing_is_shown():
    report = rendered(sample_analysis([]))
    quotes = section(report, "Quotes and speakers")
    assert "Ruiz" in quotes and "= Ana Ruiz" in quotes and "told" in quotes
    assert "“We will never surrender,”" in quotes
    entities = section(report, "People, places and organisations")
    assert "Mayor Ana Ruiz" in entities and "Protagonist 0.81 (Guardian)" in entities
    # The sentence that best shows the role: the one holding the evidence, in words and not only colour.
    assert '"We will never surrender," Ruiz told the crowd on Monday.' in " ".join(entities.split())


def test_techniques_are_named_beside_their_paragraph():
    text = sample_analysis([]).article.text
    start = text.index("We will never surrender")
    spans = [TechniqueSpan(start, start + 23, text[start:start + 23], "Slogans", 0.83)]
    report = rendered(sample_analysis(spans, {"spacy": "x", "presslens_techniques": "ptc-minilm-1"}))
    techniques = section(report, "Persuasion techniques")
    assert "Slogans" in techniques
    assert 'Slogans 0.83 "We will never surrender"' in techniques
    assert "Ruiz told the crowd on Monday" in techniques  # the paragraph that holds the span
    assert "blockade must end" not in techniques  # paragraphs without techniques are left out


def test_empty_techniques_say_why():
    without_model = section(rendered(sample_analysis([])), "Persuasion techniques")
    assert "technique model is not part of this pipeline" in without_model
    with_model = rendered(sample_analysis([], {"spacy": "x", "presslens_techniques": "ptc-minilm-1"}))
    assert "No technique spans above the model's thresholds" in section(with_model, "Persuasion techniques")


def test_untitled_article_and_figures():
    analysis = sample_analysis([])
    analysis.article.title = None
    report = rendered(analysis)
    assert "Untitled article" in report
    figures = section(report, "Article figures")
    assert "technique rate" in figures and "0.25" in figures


def test_claims_name_their_claimant_or_the_outlet_the_date_they_refer_to_kind_and_score():
    analysis = sample_analysis([], {"spacy": "x", "presslens_claims": "claims-minilm-1"})
    text = analysis.article.text
    said = analysis.quotes[0]
    start = text.index("Ruiz told")
    analysis.claims = [
        Claim(said.start, said.end, said.text, 0.71, claimant=said.speaker, kind="other"),
        Claim(start, len(text), text[start:], 0.64,
              time_refs=[TimeRef(text.index("Monday"), text.index("Monday") + 6, "Monday", "date", "2021-04-05")],
              kind="historical"),
    ]
    claims = section(rendered(analysis, width=140), "Claims")
    lines = claims.splitlines()
    (first,) = [line for line in lines if "blockade must end" in line]
    assert "Mayor Ana Ruiz" in first and "0.71" in first and "other" in first
    assert "[bold]cruel[/bold]" in first  # the claim is printed as written, never as markup
    (second,) = [i for i, line in enumerate(lines) if "Ruiz told the crowd" in line]
    assert "Coastline Herald" in lines[second]  # the outlet's own voice
    assert "historical" in lines[second] and "0.64" in lines[second]
    assert "refers to 2021-04-05 (Monday)" in lines[second + 1]


def test_no_claims_say_why():
    without_model = section(rendered(sample_analysis([])), "Claims")
    assert "claim model is not part of this pipeline" in without_model
    with_model = rendered(sample_analysis([], {"spacy": "x", "presslens_claims": "claims-minilm-1"}))
    assert "No check-worthy claims above the model's threshold" in section(with_model, "Claims")


def test_an_undated_claims_date_is_said_in_words_and_furniture_is_listed():
    analysis = sample_analysis([], {"spacy": "x", "presslens_claims": "claims-minilm-1"})
    text = analysis.article.text
    start, monday = text.index("Ruiz told"), text.index("Monday")
    undated = TimeRef(monday, monday + 6, "Monday", "date", "XXXX-WXX-1")
    analysis.time_refs = [undated]
    analysis.claims = [Claim(start, len(text), text[start:], 0.64, time_refs=[undated], kind="other")]
    analysis.furniture = [Furniture(0, 9, "photo_caption", "A photo caption or credit.")]
    report = rendered(analysis, width=140)
    assert "refers to a Monday" in section(report, "Claims")
    assert "a Monday" in section(report, "Dates and periods")
    assert "XXXX" not in report
    listed = section(report, "Left out as site furniture")
    assert "photo caption" in listed and text[:9] in listed

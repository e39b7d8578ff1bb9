"""The people and quotes pages in a real browser, over `presslens serve` on a real SQLite
store: the made-up people of tests/support/people.py, the hand-built quotes of
tests/support/quote_provenance.py, and a dozen made-up articles quoting one mayor in two
months, so her chart has points resting on enough articles to be joined into a line.

Set PRESSLENS_SCREENSHOTS=DIR to save screenshots of /people, a person page and /quotes."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from presslens.article import Article
from presslens.corpus.provenance import group_quotes
from presslens.store import open_store
from support.analyses import fabricated_analysis, span
from support.browser import needs_chromium
from support.people import store_people_corpus
from support.quote_provenance import CASES, analysis, article
from support.serve import served, small_png

pytestmark = needs_chromium

MAYOR, OUTLET = "Ana Petrik", "Merrow Daily"


def _mayor_articles() -> list:
    """Six stories a month, January and February 2024, each quoting the mayor once."""
    made = []
    for month in (1, 2):
        for day in range(1, 7):
            said = f"ferry route {month}{day} reopens today"  # five words: too short to group as travelling
            text = f'Mayor {MAYOR} said "{said}" on the quay.'
            story = Article(outlet=OUTLET, published=date(2024, month, day), title=f"Ferry {month}-{day}", text=text)
            made.append(fabricated_analysis(story, quotes=[(MAYOR, *span(text, f'"{said}"'))],
                                            entities=[(MAYOR, "PERSON", [span(text, f"Mayor {MAYOR}")])]))
    return made


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('browser-people') / 'people.db'}"
    with open_store(url) as store:
        store_people_corpus(store)
        mayor = _mayor_articles()
        store.add_articles([a.article for a in mayor] + [article(case) for case in CASES])
        store.save_analyses(mayor + [analysis(case) for case in CASES])
        group_quotes(store)
    with served(url) as base:
        yield base


def shoot(page, name: str) -> None:
    if not os.environ.get("PRESSLENS_SCREENSHOTS"):
        return
    folder = Path(os.environ["PRESSLENS_SCREENSHOTS"])
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / name), full_page=True)
    small_png(folder / name)


def test_people_page_leads_to_a_person_whose_quotes_are_drawn_as_a_line(page, site):
    page.goto(site + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="People").click()
    first = page.locator("#people tbody tr").first
    assert first.locator("td").nth(1).inner_text() == MAYOR  # 12 quotes: the most quoted
    shoot(page, "people.png")
    first.get_by_role("link", name=MAYOR).click()
    assert page.locator("h1").inner_text() == MAYOR
    figure = page.locator("figure.chart")
    assert "from 12 quoting articles" in figure.locator("figcaption").inner_text()
    line = figure.locator("polyline")
    assert line.count() == 1  # January and February, each on 6 articles: joined
    assert line.evaluate("l => getComputedStyle(l).fill") == "none"
    box = line.bounding_box()
    assert box["width"] > 100  # spans the two months across the plot
    dots = figure.locator("circle.dot")
    assert dots.count() == 2 and figure.locator("circle.thin").count() == 0
    dots.first.hover()  # the point's figures, in the chart's tooltip
    assert page.locator(".chart-tip").inner_text() == "Merrow Daily, January 2024: 6 quotes, from 6 quoting articles"
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    shoot(page, "person.png")
    assert page.errors == []


def test_narrowing_people_by_subject_keeps_the_form_and_the_result(page, site):
    page.goto(site + "/people")
    page.fill("#q", "orchard")
    page.get_by_role("button", name="Show").click()
    names = page.locator("#people tbody tr td:nth-child(2)").all_inner_texts()
    assert names == ["Bram Oduya", "Lena Oduya"]
    assert page.locator("#q").input_value() == "orchard"
    page.goto(site + "/people?since=2024-02-30")
    assert page.locator("p.error").inner_text().startswith("since:")
    assert page.errors == []


def test_quotes_page_lists_the_quotes_that_travel_and_opens_a_trace(page, site):
    page.goto(site + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Quotes").click()
    summary = page.locator("#recurring-summary").inner_text()
    assert summary.startswith("16 quotes of 23 (69.6%) recur in two or more articles: 5 groups")
    widest = page.locator("#recurring tbody tr").first
    assert widest.locator("td").first.inner_text() == "5"
    shoot(page, "quotes.png")
    widest.locator("a").click()
    assert page.locator("h1").inner_text() == "Where this quote appeared"
    assert page.locator("#appearances tbody tr").count() == 5
    assert page.errors == []

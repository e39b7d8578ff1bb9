"""Every form of the pages, submitted in real chromium against `presslens serve` as a reader
submits it: typed into, then its button pressed. Each must give the page it promises, never
a 403 or any other refusal: the two posts once answered "cross-site request refused"
because under `Referrer-Policy: no-referrer` chromium sends `Origin: null`.

A new form in the templates fails `test_every_form_in_the_templates_is_submitted_here` until
a test here submits it."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from presslens.article import Article
from presslens.store import open_store
from support.browser import needs_chromium
from support.serve import served
from support.web_corpus import HARBOUR_ID, build_store

pytestmark = needs_chromium

TEMPLATES = Path(__file__).parents[2] / "src" / "presslens" / "server" / "pages" / "templates"
TOKEN = "forms-token-3141"
UNANALYSED = Article(
    text="Ferry crews at Pine Point stopped work on Monday.\n\n"
         "Union organiser Mira Dahl said the crews would return once the new rota was agreed.",
    title="Ferry crews stop work at Pine Point", outlet="Harbour Daily", published=date(2024, 4, 2),
)
PASTED = (
    "Lakeside library to stay open late\n\n"
    "Librarian Oskar Venn said on Friday that the reading room will stay open until ten. "
    "\"Students asked for it all winter,\" Venn said."
)
# (template, the form's class): the forms the tests below submit.
SUBMITTED = {
    ("analyze.html", "analyze"), ("article.html", "analyse-now"), ("article.html", "threshold"),
    ("index.html", "searchbar"), ("outlets.html", "searchbar"), ("search.html", "filters"),
    ("people.html", "filters"), ("timeline.html", "filters"), ("entity.html", "filters"),
    ("compare.html", "outlet-picker"), ("stories.html", "searchbar"),
}


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    url = build_store(tmp_path_factory.mktemp("forms") / "forms.db")
    with open_store(url) as store:
        store.add_articles([UNANALYSED])
    with served(url, PRESSLENS_API_TOKEN=TOKEN) as base:
        yield base


def submit(page, button) -> int:
    """Presses `button` and waits for the page it leads to; returns that page's HTTP status."""
    with page.expect_navigation(timeout=120_000) as navigation:
        page.locator(button).click()
    return navigation.value.status


def test_every_form_in_the_templates_is_submitted_here():
    found = {
        (path.name, re.search(r'class="([\w-]+)', form).group(1))
        for path in TEMPLATES.glob("*.html")
        for form in re.findall(r"<form\b[^>]*>", path.read_text(encoding="utf-8"))
    }
    assert found == SUBMITTED


def test_the_paste_form_shows_the_analysis(page, base_url):
    page.goto(f"{base_url}/analyze")
    page.fill("#outlet", "Lakeside Courier")
    page.fill("#text", PASTED)
    assert submit(page, "form.analyze button[type=submit]") == 200
    assert page.locator("#article-title").inner_text() == "Lakeside library to stay open late"
    assert "Students asked for it all winter" in page.locator("#article-text").inner_text()
    assert "refused" not in page.content()


def test_analyse_now_analyses_the_article_and_shows_it(page, base_url):
    page.goto(f"{base_url}/articles/{UNANALYSED.id}")
    assert page.locator("section.not-analysed").count() == 1
    page.fill("form.analyse-now #token", TOKEN)
    assert submit(page, "form.analyse-now button[type=submit]") == 200
    assert page.url == f"{base_url}/articles/{UNANALYSED.id}"
    assert page.locator("section.not-analysed").count() == 0
    assert "new rota was agreed" in page.locator("#article-text").inner_text()


def test_the_threshold_form_keeps_the_reader_on_the_article(page, base_url):
    page.goto(f"{base_url}/articles/{HARBOUR_ID}")
    page.fill("#min-score", "0.8")
    assert submit(page, "form.threshold button[type=submit]") == 200
    assert page.url.endswith("?min_score=0.8")
    assert "(score 0.80 or more)" in page.locator("#span-count").inner_text()


@pytest.mark.parametrize(("start", "field", "typed", "button", "lands_on", "shows"), [
    ("/", "#q", "drought", "form.searchbar button", "/search?q=drought", "ol.hits li"),
    ("/search", "#q", "bridge", "form.filters button[type=submit]", "/search?q=bridge", "ol.hits li"),
    ("/outlets", "#outlet-q", "harbour", "form.searchbar button", "/outlets?q=harbour", "main table tbody tr"),
    ("/people", "#name", "ruiz", "form.filters button[type=submit]", "/people?name=ruiz", "main"),
    ("/timeline", "#entity", "bridge", "form.filters button[type=submit]", "/timeline?", "main"),
    ("/entities/Elena%20Ruiz", "#since", "2024-01-01", "form.filters button[type=submit]",
     "/entities/Elena%20Ruiz?", "main"),
    ("/stories", "#story-outlet", "Harbour", "form.searchbar button", "/stories?outlet=Harbour", "#story-count"),
])
def test_each_search_and_filter_form_gives_its_page(page, base_url, start, field, typed, button, lands_on, shows):
    page.goto(base_url + start)
    page.fill(field, typed)
    assert submit(page, button) == 200
    assert lands_on in page.url
    assert page.locator(shows).count() >= 1
    assert "refused" not in page.content()


def test_the_compare_picker_compares_two_outlets(page, base_url):
    page.goto(f"{base_url}/compare")
    search = page.locator("#outlet-search")  # the script's picker, in place of the plain fields
    for typed in ("harb", "vall"):
        search.press_sequentially(typed)
        search.press("Enter")  # takes the first suggestion
    assert submit(page, "form.outlet-picker button[type=submit]") == 200
    assert page.url.endswith("/compare?outlet=Harbour+Daily&outlet=Valley+Courier")
    assert page.locator("figure.chart").count() >= 1

"""The pages in a real browser: Playwright for Python driving Debian's chromium headless
against `presslens serve` on loopback. Skipped cleanly where /usr/bin/chromium is absent.

Set PRESSLENS_SCREENSHOTS=DIR to also save the README screenshots there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from presslens.store import open_store
from support import chart_corpus
from support.browser import needs_chromium
from support.claims import HARBOR, store_claims_corpus
from support.serve import served, small_png
from support.web_corpus import HARBOUR_ID, HOSTILE_ID, build_store

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    with served(build_store(tmp_path_factory.mktemp("browser") / "browser.db")) as base:
        yield base


def test_article_highlights_show_a_tooltip_on_hover_and_focus(page, base_url):
    page.goto(f"{base_url}/articles/{HARBOUR_ID}")
    highlights = page.locator("#article-text .t")
    assert highlights.count() >= 3
    page.locator('.t[data-label="Name calling, labeling"]').first.hover()
    tip = page.locator("#tip")
    tip.wait_for(state="visible")
    assert tip.inner_text() == "Name calling, labeling · score 0.77"
    # The overlapped words carry two techniques: the tooltip names both.
    page.locator('.t[data-label="Loaded language"]').first.hover()
    assert tip.locator("p").all_inner_texts() == [
        "Loaded language · score 0.91",
        "Appeal to fear, prejudice · score 0.64",
    ]
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    page.locator('.t[data-label="Name calling, labeling"][tabindex="0"]').focus()
    tip.wait_for(state="visible")
    assert "Name calling, labeling" in tip.inner_text()
    assert page.errors == []


def test_overlapping_underlines_sit_at_different_depths(page, base_url):
    page.goto(f"{base_url}/articles/{HARBOUR_ID}")
    outer = page.locator('.t[data-label="Appeal to fear, prejudice"]').nth(1).bounding_box()
    inner = page.locator('.t[data-label="Loaded language"]').first.bounding_box()
    assert outer["height"] != inner["height"]


def test_clicking_an_entity_highlights_all_its_mentions(page, base_url):
    page.goto(f"{base_url}/articles/{HARBOUR_ID}")
    button = page.locator("button.ent", has_text="Elena Ruiz")
    button.click()
    assert page.locator(".seg.hl").count() == 3
    assert button.get_attribute("aria-pressed") == "true"
    assert page.locator("#ent-status").inner_text() == "Elena Ruiz: 3 mentions highlighted."
    button.press("Enter")  # keyboard toggles it off again
    assert page.locator(".seg.hl").count() == 0


def test_search_from_the_start_page(page, base_url):
    page.goto(base_url)
    page.fill("#q", "drought")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=drought")
    assert page.locator("ol.hits li").count() == 1
    assert page.locator("ol.hits mark").first.inner_text().lower() == "drought"


def test_the_outlet_chart_renders(page, base_url):
    page.goto(f"{base_url}/outlets/Harbour Daily")
    charts = page.locator("figure.chart svg")
    assert charts.count() == 3
    box = charts.first.bounding_box()
    assert box["width"] > 200 and box["height"] > 80
    assert page.locator("figure.chart circle.dot").count() == 3


def test_hostile_article_runs_no_script(page, base_url):
    page.goto(f"{base_url}/articles/{HOSTILE_ID}")
    page.locator("#article-text .t").first.hover()
    page.locator("button.chip").click()
    page.wait_for_timeout(200)
    assert page.dialogs == []
    assert page.locator("#article-text img, #article-text script, #article-text svg").count() == 0
    assert "<script>alert(\"body\")</script>" in page.locator("#article-text").inner_text()


def test_pages_fit_a_phone_width(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True)
    try:
        page = context.new_page()
        for path in (f"/articles/{HARBOUR_ID}", "/search?q=bridge", "/outlets/Harbour Daily", "/analyze"):
            page.goto(base_url + path)
            assert page.evaluate("document.documentElement.scrollWidth") <= 391, path
    finally:
        context.close()


def test_screenshot_of_the_article_page(page, base_url, tmp_path):
    """The other README screenshots come from test_browser_corpus.py."""
    folder = Path(os.environ.get("PRESSLENS_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1100, "height": 640})
    page.goto(f"{base_url}/articles/{HARBOUR_ID}")
    page.locator('.t[data-label="Loaded language"]').first.hover()
    page.locator("#tip").wait_for(state="visible")
    page.screenshot(path=str(folder / "article.png"))
    assert (folder / "article.png").stat().st_size > 10_000
    if os.environ.get("PRESSLENS_SCREENSHOTS"):
        small_png(folder / "article.png")


def test_the_timeline_draws_its_marks_and_each_leads_to_its_claim(page, tmp_path):
    url = f"sqlite:///{tmp_path / 'claims.db'}"
    with open_store(url) as store:
        store_claims_corpus(store)
    with served(url) as base:
        page.set_viewport_size({"width": 1100, "height": 700})
        page.goto(f"{base}/timeline")
        chart = page.locator("figure.tl-chart")
        box = chart.locator("svg").bounding_box()
        assert box["width"] > 800 and box["height"] > 100
        assert chart.locator("a rect.m").count() == 6
        chart.screenshot(path=str(tmp_path / "timeline.png"))
        from PIL import Image  # comes with matplotlib

        colours = Image.open(tmp_path / "timeline.png").convert("RGB").getcolors(maxcolors=1 << 16)
        # The first lane's marks (#1f77b4 over white at .75 opacity) are on screen.
        assert any(abs(r - 87) < 12 and abs(g - 152) < 12 and abs(b - 198) < 12 for _, (r, g, b) in colours)
        page.set_viewport_size({"width": 390, "height": 800})
        assert page.evaluate("document.documentElement.scrollWidth") <= 391
        chart.locator("a").first.click()
        page.wait_for_url(f"**/articles/{HARBOR.id}#claim-0")
        assert page.errors == [] and page.dialogs == []


def test_a_claim_names_its_claimant_and_date_on_hover_and_the_checkbox_hides_claims(page, tmp_path):
    url = f"sqlite:///{tmp_path / 'claims.db'}"
    with open_store(url) as store:
        store_claims_corpus(store)
    with served(url) as base:
        page.goto(f"{base}/articles/{HARBOR.id}")
        claim = page.locator("#claim-0")
        assert claim.get_attribute("title") is None  # the script's tooltip stands in for the browser's
        claim.hover()
        tip = page.locator("#tip")
        tip.wait_for(state="visible")
        assert tip.inner_text().startswith("Claim by Lena Park · refers to 1953 · historical")
        shading = "el => getComputedStyle(el).backgroundColor"
        assert claim.evaluate(shading) != "rgba(0, 0, 0, 0)"
        page.locator("label[for=show-claims]").click()
        assert claim.evaluate(shading) == "rgba(0, 0, 0, 0)"
        page.mouse.move(0, 0)
        claim.hover()
        assert tip.is_hidden()
        assert page.errors == []


@pytest.fixture(scope="module")
def charts_url(tmp_path_factory):
    """`presslens serve` over three outlets across four years (support/chart_corpus.py)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('charts') / 'charts.db'}"
    with open_store(url) as store:
        chart_corpus.store_chart_corpus(store)
    with served(url) as base:
        yield base


def test_compare_by_typing_part_of_each_outlet_name(page, charts_url):
    page.goto(f"{charts_url}/compare")
    search = page.locator("#outlet-search")
    search.press_sequentially("herald")
    page.locator("#outlet-suggestions [role=option]", has_text=chart_corpus.RIDGE).click()
    search.press_sequentially("vall")
    search.press("Enter")  # takes the first suggestion
    chosen = page.locator(".picked input[name=outlet]")
    assert [chosen.nth(i).input_value() for i in range(chosen.count())] == [chart_corpus.RIDGE, chart_corpus.VALLEY]
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url("**/compare?outlet=Ridge+Herald&outlet=Valley+Post")
    chart = page.locator("figure.chart").first
    box = chart.bounding_box()
    assert box["y"] + box["height"] <= 900  # the result is above the fold
    chart.locator("circle.dot").first.hover()
    tip = page.locator(".chart-tip")
    tip.wait_for(state="visible")
    assert tip.inner_text().startswith("Ridge Herald, February 2016: ")
    assert tip.inner_text().endswith("from 5 analysed articles")
    assert page.errors == []


def test_rate_lines_of_several_outlets_over_several_years_are_lines(page, charts_url, tmp_path):
    page.set_viewport_size({"width": 1280, "height": 1000})
    outlets = "&".join(f"outlet={name}" for name in (chart_corpus.HARBOR, chart_corpus.VALLEY, chart_corpus.RIDGE))
    page.goto(f"{charts_url}/compare?{outlets}")
    charts = page.locator("figure.chart")
    assert charts.count() == 2
    # One polyline per unbroken run: Harbor 2 half-years, Valley 2017, Ridge 4 runs between thin Junes.
    assert [charts.nth(i).locator("polyline").count() for i in range(2)] == [7, 7]
    fills = page.locator("figure.chart polyline").evaluate_all("lines => lines.map(l => getComputedStyle(l).fill)")
    assert set(fills) == {"none"}
    style = "dot => getComputedStyle(dot).fill"
    assert page.locator("figure.chart circle.dot.s-0:not(.thin)").first.evaluate(style) == "rgb(31, 119, 180)"
    assert page.locator("figure.chart circle.dot.thin").first.evaluate(style) == "rgb(255, 255, 255)"
    shot = tmp_path / "chart.png"
    charts.first.locator("svg").screenshot(path=str(shot))
    from PIL import Image  # comes with matplotlib

    image = Image.open(shot).convert("RGB")
    coloured = sum(n for n, (r, g, b) in image.getcolors(maxcolors=1 << 20) if max(r, g, b) - min(r, g, b) > 60)
    # Strokes and dots cover a few per cent of the plot; lines filled into polygons cover far more.
    assert 0.005 < coloured / (image.width * image.height) < 0.05  # here: 3.4% drawn, 7.2% filled
    assert page.errors == []

"""The pages in a real browser: Playwright for Python driving Debian's chromium headless
against `presslens serve` on loopback. Skipped cleanly where /usr/bin/chromium is absent.

Set PRESSLENS_SCREENSHOTS=DIR to also save the README screenshots there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support.claims import HARBOR, store_claims_corpus
from support.serve import served
from support.web_corpus import HARBOUR_ID, HOSTILE_ID, build_store

from presslens.store import open_store

CHROMIUM = Path(os.environ.get("PRESSLENS_CHROMIUM", "/usr/bin/chromium"))
LAUNCH_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    with served(build_store(tmp_path_factory.mktemp("browser") / "browser.db")) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


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
    assert tip.locator("p").all_inner_texts() == ["Loaded language · score 0.91", "Appeal to fear, prejudice · score 0.64"]
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


def test_screenshots_of_the_article_and_outlet_pages(page, base_url, tmp_path):
    folder = Path(os.environ.get("PRESSLENS_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1100, "height": 640})
    page.goto(f"{base_url}/articles/{HARBOUR_ID}")
    page.locator('.t[data-label="Loaded language"]').first.hover()
    page.locator("#tip").wait_for(state="visible")
    page.screenshot(path=str(folder / "article.png"))
    page.goto(f"{base_url}/outlets/Harbour Daily")
    page.screenshot(path=str(folder / "outlet.png"))
    assert (folder / "article.png").stat().st_size > 10_000
    if os.environ.get("PRESSLENS_SCREENSHOTS"):
        from PIL import Image  # comes with matplotlib

        for name in ("article.png", "outlet.png"):  # 64 colours keep the README's images small
            Image.open(folder / name).convert("RGB").quantize(colors=64).save(folder / name, optimize=True)


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

"""The technique threshold and the marks' strength in a real browser (Debian's chromium via
Playwright, as tests/server/test_browser.py): typing a threshold re-marks and recounts
the spans without a reload."""

from __future__ import annotations

import pytest

from support.browser import needs_chromium
from support.serve import served
from support.web_corpus import HARBOUR_ID, build_store

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    with served(build_store(tmp_path_factory.mktemp("marks") / "marks.db")) as base:
        yield base


@pytest.fixture()
def page(page, base_url):
    page.base = base_url
    return page


def underline(page, label: str) -> dict:
    return page.locator(f'.t[data-label="{label}"]').first.evaluate(
        "el => ({width: getComputedStyle(el).borderBottomWidth, colour: getComputedStyle(el).borderBottomColor})")


def test_typing_a_threshold_unmarks_weaker_spans_and_recounts_without_a_reload(page):
    page.goto(f"{page.base}/articles/{HARBOUR_ID}")
    address = page.url
    assert page.locator("#span-count").inner_text() == "3 of 3 spans marked (score 0.30 or more)"
    # 0.91 is drawn thicker than 0.64, and 0.64 fainter than full colour.
    assert underline(page, "Loaded language")["width"] == "4px"
    assert underline(page, "Appeal to fear, prejudice")["width"] == "3px"
    assert underline(page, "Appeal to fear, prejudice")["colour"] != "rgb(140, 86, 75)"
    page.fill("#min-score", "0.7")
    assert page.locator("#span-count").inner_text() == "2 of 3 spans marked (score 0.70 or more)"
    assert underline(page, "Appeal to fear, prejudice")["colour"] == "rgba(0, 0, 0, 0)"
    assert page.locator('.legend li[data-label="Appeal to fear, prejudice"] .count').inner_text() == "×0"
    assert page.locator('.t[data-label="Appeal to fear, prejudice"][tabindex="0"]').count() == 0
    page.fill("#min-score", "0.5")
    assert page.locator("#span-count").inner_text() == "3 of 3 spans marked (score 0.50 or more)"
    assert page.url == address and page.errors == []


def test_without_script_the_threshold_travels_in_the_address(page):
    page.goto(f"{page.base}/articles/{HARBOUR_ID}")
    page.fill("#min-score", "0.8")
    page.click(".threshold button")
    page.wait_for_url("**min_score=0.8*")
    assert page.locator("#span-count").inner_text() == "1 of 3 spans marked (score 0.80 or more)"

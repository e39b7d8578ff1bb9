"""Site furniture in a real browser (Debian's chromium via Playwright, as
tests/server/test_browser.py): drawn dimmed, with a visible label saying what it is."""

from __future__ import annotations

import pytest

from presslens.store import open_store
from support.browser import needs_chromium
from support.furnished import furnished as furnished_analysis
from support.serve import served
from support.web_corpus import build_store

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def furnished(tmp_path_factory):
    url = build_store(tmp_path_factory.mktemp("furniture") / "furniture.db")
    analysis = furnished_analysis()
    with open_store(url) as store:
        store.add_articles([analysis.article])
        store.save_analysis(analysis)
    with served(url) as base:
        yield f"{base}/articles/{analysis.article.id}"


def test_furniture_is_dimmed_and_labelled(page, furnished):
    page.goto(furnished)
    caption = page.locator(".seg.furn").first
    colour = caption.evaluate("el => getComputedStyle(el).color")
    prose = page.locator(".seg:not(.furn)").first.evaluate("el => getComputedStyle(el).color")
    assert colour != prose  # dimmed against the article's prose
    label = page.locator(".furn-label").first
    assert label.is_visible() and label.text_content() == "left out: photo caption"
    assert page.errors == []

"""Pages as chromium lays them out: the timeline table keeps its words whole ("Claimant",
never "Claima" over "nt"), and the icon every page links is one chromium can draw."""

from __future__ import annotations

import pytest

from presslens.store import open_store
from support.browser import needs_chromium
from support.claims import store_claims_corpus
from support.serve import served

pytestmark = needs_chromium

# The words of each element that chromium lays out over more than one line.
SPLIT_WORDS = """cells => cells.map(cell => {
  const split = [];
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const word of node.data.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      const lines = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
      if (lines.size > 1) split.push(word[0]);
    }
  }
  return split;
})"""


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('pages') / 'claims.db'}"
    with open_store(url) as store:
        store_claims_corpus(store)
    with served(url) as base:
        yield base


@pytest.mark.parametrize("width", [1280, 760, 390])
def test_the_timeline_table_breaks_no_word_in_two(page, base_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{base_url}/timeline")
    headings = page.locator("table.tl-table th")
    assert headings.all_inner_texts() == ["Refers to", "Claimant", "Claim", "Outlet", "Article"]
    assert headings.evaluate_all(SPLIT_WORDS) == [[]] * 5
    # claimants and outlets are names: each word of them whole, on one line
    names = page.locator("table.tl-table td:nth-child(2), table.tl-table td:nth-child(4)")
    assert names.count() >= 2
    assert names.evaluate_all(SPLIT_WORDS) == [[]] * names.count()
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1  # still fits the screen


def test_every_icon_a_page_links_is_drawn(page, base_url):
    page.goto(f"{base_url}/timeline")
    hrefs = page.locator('link[rel="icon"]').evaluate_all("links => links.map(l => l.href)")
    assert [h.removeprefix(base_url) for h in hrefs] == ["/static/favicon.svg", "/favicon.ico"]
    for href in hrefs:
        size = page.evaluate("""href => new Promise(done => {
            const image = new Image();
            image.onload = () => done([image.naturalWidth, image.naturalHeight]);
            image.onerror = () => done(null);
            image.src = href;
        })""", href)
        assert size is not None and size[0] >= 16, href

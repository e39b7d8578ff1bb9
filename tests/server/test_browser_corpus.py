"""The pages in a real browser over a corpus the size users bring: the first 3,000 AllSides
articles with 30 of them analysed by the real pipeline when ../shared is present, else the
fabricated multi-year corpus of support/chart_corpus.py with a few articles left unanalysed.
Either way most of the corpus is unanalysed, as in a user's first hours with it.

Set PRESSLENS_SCREENSHOTS=DIR to save screenshots of the home, outlet, compare and search pages.
From the fabricated corpus they go in DIR (docs/screenshots/ is made so, with
PRESSLENS_SHARED_DATA pointed at a missing folder); from AllSides they go in DIR/allsides/,
which git ignores: they show corpus text, which stays out of the repository.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from datetime import date
from itertools import islice
from pathlib import Path
from urllib.parse import quote

import pytest

from presslens.article import Article
from presslens.readers import iter_articles
from presslens.store import open_store
from support import chart_corpus
from support.browser import needs_chromium
from support.paths import SHARED_DATA
from support.serve import served, small_png

ALLSIDES = SHARED_DATA / "corpus" / "allsides.jsonl.gz"
SLICE, PER_MONTH, MONTHS_PER_OUTLET = 3000, 5, 2

pytestmark = needs_chromium


def _allsides_corpus(store, pipeline) -> list[str]:
    """Stores the slice; analyses PER_MONTH articles in each of two months at most two months
    apart of the two largest outlets, so their charts have points resting on enough articles,
    joined into a line (the chart's rules: docs/web.md)."""
    articles = list(islice(iter_articles([ALLSIDES], on_error=lambda error: None), SLICE))
    store.add_articles(articles)
    by_outlet_month: dict[str, dict[str, list[Article]]] = defaultdict(lambda: defaultdict(list))
    for article in articles:
        if article.outlet and article.published:
            by_outlet_month[article.outlet][article.published.strftime("%Y-%m")].append(article)
    largest = [
        name for name, _ in Counter({o: sum(map(len, m.values())) for o, m in by_outlet_month.items()}).most_common(2)
    ]
    chosen = []
    for outlet in largest:
        months = by_outlet_month[outlet]
        full = sorted(month for month, found in months.items() if len(found) >= PER_MONTH)
        pair = next(pair for pair in zip(full, full[1:]) if _months_apart(*pair) <= 2)
        chosen += [article for month in pair for article in months[month][:PER_MONTH]]
    store.save_analyses(list(pipeline.analyze_many(chosen)))
    return largest


def _months_apart(first: str, second: str) -> int:
    (y1, m1), (y2, m2) = (map(int, month.split("-")) for month in (first, second))
    return (y2 - y1) * 12 + m2 - m1


def _fabricated_corpus(store) -> list[str]:
    """The chart corpus, and three newer articles of its first outlet stored without analysis."""
    chart_corpus.store_chart_corpus(store)
    store.add_articles([
        Article(outlet=chart_corpus.HARBOR, title=f"Ferry timetable {n}", published=date(2019, 6, 1 + n),
                text=f"The ferry timetable for the winter season, part {n}, was published by the harbour office.")
        for n in range(3)
    ])
    return [chart_corpus.HARBOR, chart_corpus.VALLEY]


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory, request):
    """(base URL, the two outlets with analysed articles, whether it is AllSides)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('browser-corpus') / 'corpus.db'}"
    real = ALLSIDES.is_file()
    with open_store(url) as store:
        outlets = _allsides_corpus(store, request.getfixturevalue("pipeline")) if real else _fabricated_corpus(store)
    with served(url) as base:
        yield base, outlets, real


def shoot(page, name: str) -> None:
    if not os.environ.get("PRESSLENS_SCREENSHOTS"):
        return
    folder = Path(os.environ["PRESSLENS_SCREENSHOTS"]) / ("allsides" if ALLSIDES.is_file() else "")
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / name))
    small_png(folder / name)


def loaded_in(page, url: str) -> float:
    """Seconds from the request to the load event, as the browser counts them."""
    response = page.goto(url)
    assert response.status == 200, f"{url}: {response.status}"
    return page.evaluate(
        "() => { const t = performance.getEntriesByType('navigation')[0]; return t.loadEventEnd / 1000; }"
    )


def count(text: str) -> int:
    return int(text.replace(",", ""))


def test_home_is_an_overview_that_says_how_much_is_analysed(page, corpus_site):
    base, outlets, real = corpus_site
    page.goto(base + "/")  # the first request warms the server's caches; the second is timed
    assert loaded_in(page, base + "/") < 1.0
    summary = page.locator("main").inner_text()
    found = re.search(r"([\d,]+) articles from ([\d,]+) outlets; ([\d,]+) analysed", summary)
    assert found, summary[:400]
    stored, analysed = count(found.group(1)), count(found.group(3))
    assert 0 < analysed < stored
    if real:
        assert stored == SLICE and analysed == 2 * PER_MONTH * MONTHS_PER_OUTLET
    assert "not analysed" in summary  # the most recent articles include unanalysed ones, marked as such
    assert page.locator("main svg").count() >= 1  # articles per month, drawn
    shoot(page, "home.png")
    assert page.errors == []


def test_outlet_page_loads_quickly_and_its_charts_are_lines(page, corpus_site):
    base, outlets, _ = corpus_site
    url = f"{base}/outlets/{quote(outlets[0], safe='')}"
    page.goto(url)
    assert loaded_in(page, url) < 1.0
    counts = page.locator("#outlet-counts").inner_text()
    assert re.search(r"[\d,]+ articles?, [\d,]+ analysed", counts), counts
    lines = page.locator("figure.chart polyline")
    assert lines.count() >= 1
    assert set(lines.evaluate_all("all => all.map(l => getComputedStyle(l).fill)")) == {"none"}
    shoot(page, "outlet.png")
    assert page.errors == []


def test_an_unanalysed_article_says_so_instead_of_looking_clean(page, corpus_site):
    base, outlets, _ = corpus_site
    items = page.request.get(f"{base}/api/articles", params={"outlet": outlets[0], "limit": "500"}).json()["items"]
    unanalysed = next(item for item in items if not item["analysed"])
    page.goto(f"{base}/articles/{unanalysed['id']}")
    main = page.locator("main").inner_text()
    assert "Not analysed yet" in main
    assert "No quotes" not in main and "No technique spans" not in main
    assert "presslens process" in main
    assert page.errors == []


def test_compare_two_outlets_by_typing_part_of_their_names(page, corpus_site):
    base, outlets, _ = corpus_site
    page.goto(f"{base}/compare")
    search = page.locator("#outlet-search")
    for name in outlets:
        search.press_sequentially(name[:5].lower())
        page.locator("#outlet-suggestions [role=option]", has_text=name).first.click()
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url("**/compare?outlet=*")
    assert page.locator("figure.chart").count() >= 1
    box = page.locator("figure.chart").first.bounding_box()
    assert box["y"] < 900  # the result starts above the fold
    shoot(page, "compare.png")
    assert page.errors == []


def test_search_shows_a_total_highlights_and_analysed_marks(page, corpus_site):
    base, _, real = corpus_site
    page.goto(f"{base}/search?q={'president' if real else 'ferry'}")
    main = page.locator("main").inner_text()
    assert re.search(r"[\d,]+ matching articles?, [\d,]+ analysed", main), main[:300]
    assert page.locator(".hit mark").count() >= 1
    shoot(page, "search.png")
    assert page.errors == []


def test_an_analysed_article_of_the_corpus_is_marked_up(page, corpus_site):
    base, outlets, _ = corpus_site
    api = page.request.get(f"{base}/api/articles", params={"outlet": outlets[0], "limit": "500"})
    analysed = [item for item in api.json()["items"] if item["analysed"]]
    assert analysed
    busiest = max(analysed, key=lambda item: item["techniques"] or 0)
    page.goto(f"{base}/articles/{busiest['id']}")
    assert "Not analysed yet" not in page.locator("main").inner_text()
    assert busiest["techniques"] > 0
    assert page.locator("#article-text .t").count() > 0
    assert page.errors == []

"""A fabricated corpus over several years for the chart tests (no shared data): three
outlets whose months leave known gaps and known thin months, each article a short text
written for the tests with its technique spans placed by hand.

- Harbor Times: 2016-01..2016-06 and 2018-01..2018-06, 5 articles a month (a gap of 18
  months: two lines, one per half-year).
- Valley Post: every month of 2017, 5 articles each, and 2019-03 with 5 (one line for 2017,
  a lone point in 2019).
- Ridge Herald: every second month from 2016-02 to 2018-12 (gaps of 2 months are joined),
  5 articles a month except 2 in each June (thin: hollow points that break the line).
"""

from __future__ import annotations

from datetime import date

from presslens.article import Article
from support.analyses import fabricated_analysis, span

HARBOR, VALLEY, RIDGE = "Harbor Times", "Valley Post", "Ridge Herald"
FULL, THIN = 5, 2


def _months() -> dict[str, list[tuple[int, int, int]]]:
    """(year, month, articles) per outlet."""
    harbor = [(year, month, FULL) for year in (2016, 2018) for month in range(1, 7)]
    valley = [(2017, month, FULL) for month in range(1, 13)] + [(2019, 3, FULL)]
    ridge = [(year, month, THIN if month == 6 else FULL) for year in (2016, 2017, 2018) for month in range(2, 13, 2)]
    return {HARBOR: harbor, VALLEY: valley, RIDGE: ridge}


MONTHS = _months()


def _article(outlet: str, year: int, month: int, n: int) -> Article:
    text = (f"Report {n} of {month}/{year}: the {outlet} desk followed the council vote on the ferry plan. "
            "Critics called the plan a reckless gamble. Supporters said the harbor needs the ferry before winter.")
    return Article(outlet=outlet, published=date(year, month, 1 + n), title=f"Ferry vote, report {n}", text=text)


def analyses():
    """One analysis per article: 'reckless gamble' as Loaded_Language and 'Critics called'
    as Doubt, each in a share of a month's articles that changes from month to month, so
    each line has a shape."""
    made = []
    for outlet, months in MONTHS.items():
        for number, (year, month, count) in enumerate(months):
            for n in range(count):
                article = _article(outlet, year, month, n)
                techniques = []
                if n < 2 + (number + len(outlet)) % 3:
                    techniques.append(("Loaded_Language", *span(article.text, "reckless gamble")))
                if n < 1 + number % 4:
                    techniques.append(("Doubt", *span(article.text, "Critics called")))
                made.append(fabricated_analysis(article, techniques=techniques))
    return made


def store_chart_corpus(store) -> None:
    made = analyses()
    store.add_articles([a.article for a in made])
    for analysis in made:
        store.save_analysis(analysis)

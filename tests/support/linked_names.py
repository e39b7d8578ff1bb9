"""A few made-up harbour stories whose people are written several ways, for the tests of top
entities counted per person (tests/corpus/test_top_entities.py, tests/server/test_web_top_entities.py).

- Rosa P. Lindqvist: "Rosa P. Lindqvist", "Rosa Lindqvist" and "Lindqvist" alone, in three
  stories: one person, 5 mentions.
- "Harbor Authority" and "the Harbor Authority": one organisation.
- Oskar Brandt and Ida Brandt, and "Brandt" alone, which could be either: three rows.
- Nordvik, a place: never linked.
"""

from __future__ import annotations

from datetime import date

from presslens.analysis import Analysis
from presslens.article import Article
from presslens.store import open_store
from support.analyses import fabricated_analysis, span

OUTLET = "Fjord Herald"
# (text, [(entity name as the article writes it, type, the words of each mention)])
STORIES = [
    ("Senator Rosa P. Lindqvist opened the ferry terminal. Lindqvist cut the ribbon at the Harbor Authority.",
     [("Rosa P. Lindqvist", "PERSON", ["Rosa P. Lindqvist", "Lindqvist cut"]),
      ("Harbor Authority", "ORG", ["Harbor Authority"])]),
    ("Rosa Lindqvist spoke about fares. The Harbor Authority board agreed with Rosa Lindqvist.",
     [("Rosa Lindqvist", "PERSON", ["Rosa Lindqvist spoke", "with Rosa Lindqvist"]),
      ("the Harbor Authority", "ORG", ["The Harbor Authority"])]),
    ("Lindqvist visited the docks on Tuesday.",
     [("Lindqvist", "PERSON", ["Lindqvist"])]),
    ("Oskar Brandt and Ida Brandt run the boatyard. Brandt said the yard would stay open.",
     [("Oskar Brandt", "PERSON", ["Oskar Brandt"]), ("Ida Brandt", "PERSON", ["Ida Brandt"]),
      ("Brandt", "PERSON", ["Brandt said"])]),
    ("The storm closed the road to Nordvik.",
     [("Nordvik", "GPE", ["Nordvik"])]),
]


def _analysis(number: int, text: str, named: list) -> Analysis:
    article = Article(text=text, outlet=OUTLET, published=date(2024, 5, number + 1), title=f"Harbour story {number}")
    entities = [(name, kind, [span(text, words) for words in mentions]) for name, kind, mentions in named]
    return fabricated_analysis(article, entities=entities)


def store_linked_names(url: str) -> str:
    """Stores the stories with their analyses (which links their people); returns the URL."""
    analyses = [_analysis(n, text, named) for n, (text, named) in enumerate(STORIES)]
    with open_store(url) as store:
        store.add_articles([a.article for a in analyses])
        store.save_analyses(analyses)
    return url

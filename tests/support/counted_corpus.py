"""A small corpus with hand-countable figures, written for the corpus, export and CLI tests
(no shared data).

Every analysed text has exactly 20 words, so the expected rates are plain arithmetic:
Harbor Times, 2021-01: 2 articles, 40 words, Loaded_Language 3 spans -> 75.0 per 1,000
words, in 2 of 2 articles; Doubt 1 span -> 25.0, in 1 of 2. Harbor Times, 2021-02: 1
article, 20 words, no technique. Valley Post, 2021-01: 1 article, 20 words, Flag-Waving
1 span -> 50.0, in 1 of 1. Valley Post's February article is stored but not analysed.
"""

from __future__ import annotations

from datetime import date

from presslens.article import Article
from support.analyses import fabricated_analysis, span

HT, VP = "Harbor Times", "Valley Post"

A1 = Article(outlet=HT, published=date(2021, 1, 10), title="Council backs ferry plan", text=(
    'The council approved the ferry plan on Monday. "It is a reckless gamble," said Lena Park, who voted against it.'))
A2 = Article(outlet=HT, published=date(2021, 1, 20), title="Ferry costs questioned", text=(
    'Lena Park doubts the ferry costs. "The numbers are a disgraceful fantasy," Park said. '
    '"Nobody believes them," she added today.'))
A3 = Article(outlet=HT, published=date(2021, 2, 5), title="Harbor lights repaired", text=(
    "Workers repaired the harbor lights this week. "
    "The work took four days and cost less than the council had planned."))
A4 = Article(outlet=VP, published=date(2021, 1, 15), title="Valley celebrates new bridge", text=(
    'Our proud valley opened its new bridge. "This is a day for every patriot," said Tom Reyes at the opening.'))
A5 = Article(outlet=VP, published=date(2021, 2, 25), title="Ferry service to valley proposed", text=(
    "A ferry service could link the valley to the harbor, planners said. The proposal will be debated in March."))
ARTICLES = [A1, A2, A3, A4, A5]


def analyses():
    t1, t2, t4 = A1.text, A2.text, A4.text
    return [
        fabricated_analysis(
            A1, techniques=[("Loaded_Language", *span(t1, "reckless")), ("Loaded_Language", *span(t1, "gamble"))],
            quotes=[("Lena Park", *span(t1, "It is a reckless gamble,"))],
            entities=[("Lena Park", "PERSON", [span(t1, "Lena Park")])]),
        fabricated_analysis(
            A2,
            techniques=[("Loaded_Language", *span(t2, "disgraceful")), ("Doubt", *span(t2, "Nobody believes them"))],
            quotes=[("Lena Park", *span(t2, "The numbers are a disgraceful fantasy,")),
                    ("Lena Park", *span(t2, "Nobody believes them,"))],
            entities=[("Lena Park", "PERSON", [span(t2, "Lena Park"), span(t2, "Park said")])]),
        fabricated_analysis(A3, entities=[("harbor", "FAC", [span(A3.text, "harbor")])]),
        fabricated_analysis(
            A4, techniques=[("Flag-Waving", *span(t4, "every patriot"))],
            quotes=[("Tom Reyes", *span(t4, "This is a day for every patriot,"))],
            entities=[("Tom Reyes", "PERSON", [span(t4, "Tom Reyes")])]),
    ]


def store_corpus(store) -> None:
    """Adds the five articles and the analyses of the four analysed ones to an open store."""
    store.add_articles(ARTICLES)
    for analysis in analyses():
        store.save_analysis(analysis)

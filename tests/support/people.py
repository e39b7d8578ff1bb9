"""A small corpus of made-up people across outlets, for the tests of one person across
articles (store/people.py, corpus/people.py, `presslens people`, /people/{id}).

- Marta Velasco: "Marta Q. Velasco" (Harbor Times), "Marta Velasco" (Valley Post) and
  "Velasco" alone (Valley Post, cast as Protagonist): one person, quoted once in each, 3 quotes.
- Ines Harrow: "Mayor Ines Harrow" and, in another Harbor Times story, "Harrow": one person.
- Bram Oduya and Lena Oduya: two people; "Oduya" alone (Lakeside Ledger) is either, so unlinked.
- Tomas R. Quill and Tomas K. Quill: two people; "Tomas Quill" could be either, so unlinked.
- "the Harbor Authority" and "Harbor Authority": one organisation.
"""

from __future__ import annotations

from datetime import date

from presslens.analysis import Analysis
from presslens.article import Article
from support.analyses import fabricated_analysis, span

HT, VP, LL = "Harbor Times", "Valley Post", "Lakeside Ledger"


def _article(outlet: str, day: date, title: str, text: str) -> Article:
    return Article(outlet=outlet, published=day, title=title, text=text)


BRIDGE = _article(HT, date(2024, 1, 5), "Bridge date set", (
    'Marta Q. Velasco said "the bridge opens in May" on Friday. The Harbor Authority agreed.'))
TOLLS = _article(VP, date(2024, 1, 20), "Tolls stay low", (
    'Marta Velasco said "tolls stay low" at the hearing. Harbor Authority staff listened.'))
READY = _article(VP, date(2024, 2, 2), "Crews ready", (
    'Governor Velasco said "we are ready" as the crews gathered.'))
MARKET = _article(HT, date(2024, 2, 9), "Market reopens", (
    'Mayor Ines Harrow said "the market reopens Monday" to traders.'))
STALLS = _article(HT, date(2024, 2, 16), "Stalls return", (
    'Harrow said "every stall is back" after the storm.'))
FARM = _article(HT, date(2024, 3, 1), "A farm changes hands", (
    'Bram Oduya said "we sold the orchard" and Lena Oduya said "we kept the barn" last week.'))
ORCHARD = _article(LL, date(2024, 3, 4), "Orchard sold", (
    'Oduya said "the price was fair" to reporters.'))
SHIPYARD = _article(LL, date(2024, 3, 8), "Shipyard brothers", (
    'Tomas R. Quill and Tomas K. Quill run the yard. Tomas Quill said "orders are up" today.'))

ARTICLES = [BRIDGE, TOLLS, READY, MARKET, STALLS, FARM, ORCHARD, SHIPYARD]


def _said(article: Article, speakers: list[tuple[str, str]], entities: list[tuple[str, str, str]]) -> Analysis:
    """An analysis whose entities are (name, type, words) and whose quotes are (speaker, words)."""
    text = article.text
    return fabricated_analysis(
        article,
        entities=[(name, kind, [span(text, words)]) for name, kind, words in entities],
        quotes=[(speaker, *span(text, words)) for speaker, words in speakers],
    )


def analyses() -> dict[str, Analysis]:
    """The analysis of each article, by article title."""
    made = {
        BRIDGE.title: _said(BRIDGE, [("Marta Q. Velasco", '"the bridge opens in May"')],
                            [("Marta Q. Velasco", "PERSON", "Marta Q. Velasco"),
                             ("the Harbor Authority", "ORG", "The Harbor Authority")]),
        TOLLS.title: _said(TOLLS, [("Marta Velasco", '"tolls stay low"')],
                           [("Marta Velasco", "PERSON", "Marta Velasco"),
                            ("Harbor Authority", "ORG", "Harbor Authority")]),
        READY.title: _said(READY, [("Velasco", '"we are ready"')], [("Velasco", "PERSON", "Governor Velasco")]),
        MARKET.title: _said(MARKET, [("Ines Harrow", '"the market reopens Monday"')],
                            [("Ines Harrow", "PERSON", "Mayor Ines Harrow")]),
        STALLS.title: _said(STALLS, [("Harrow", '"every stall is back"')], [("Harrow", "PERSON", "Harrow")]),
        FARM.title: _said(FARM, [("Bram Oduya", '"we sold the orchard"'), ("Lena Oduya", '"we kept the barn"')],
                          [("Bram Oduya", "PERSON", "Bram Oduya"), ("Lena Oduya", "PERSON", "Lena Oduya")]),
        ORCHARD.title: _said(ORCHARD, [("Oduya", '"the price was fair"')], [("Oduya", "PERSON", "Oduya")]),
        SHIPYARD.title: _said(SHIPYARD, [("Tomas Quill", '"orders are up"')],
                              [("Tomas R. Quill", "PERSON", "Tomas R. Quill"),
                               ("Tomas K. Quill", "PERSON", "Tomas K. Quill"),
                               ("Tomas Quill", "PERSON", "Tomas Quill")]),
    }
    ready = made[READY.title]
    ready.entities[0].framing = {"role": "Protagonist", "scores": {"Protagonist": 0.8}, "evidence": []}
    return made


def store_people_corpus(store) -> None:
    """Every article, each analysis saved on its own (people linked as they arrive)."""
    store.add_articles(ARTICLES)
    for analysis in analyses().values():
        store.save_analysis(analysis)

"""The whole corpus at a glance: articles per month, the biggest outlets, the commonest
techniques, the most quoted people and the latest articles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from presslens.analysis import described
from presslens.corpus.listings import ArticleSummary, OutletSummary, list_articles, outlet_summary
from presslens.corpus.paging import check_limit
from presslens.corpus.speakers import SpeakerCount, top_speakers
from presslens.store import Store
from presslens.store.filters import Filters


@dataclass
class MonthCount:
    month: str = described('YYYY-MM; "undated" for articles without a publication date.')
    articles: int
    analysed: int


@dataclass
class TechniqueCount:
    technique: str = described("PTC label.")
    spans: int
    articles: int = described("Analysed articles with at least one span of it.")


@dataclass
class CorpusOverview:
    articles: int
    analysed: int = described("Articles with an analysis: what every figure but the counts rests on.")
    outlets: int
    months: list[MonthCount] = described("Articles and analysed articles per month, oldest first.")
    top_outlets: list[OutletSummary] = described("The outlets with the most articles.")
    techniques: list[TechniqueCount] = described("Techniques by spans over the analysed articles, most first.")
    speakers: list[SpeakerCount] = described(
        "Most quoted people (speakers linked to a PERSON entity) over the analysed articles.")
    recent: list[ArticleSummary] = described("The most recently published articles (dated today or earlier).")


def corpus_overview(store: Store, top: int = 10) -> CorpusOverview:
    """The whole corpus at a glance: articles and analysed articles in all and per month,
    the biggest outlets, the commonest techniques and most quoted speakers (over the
    analysed articles) and the most recently published articles."""
    check_limit(top)
    counts = store.overview.counts(top)
    months = [MonthCount(month=m, articles=n, analysed=counts.analysed.get(m, 0))
              for m, n in sorted(counts.articles.items())]
    return CorpusOverview(
        articles=sum(m.articles for m in months), analysed=sum(m.analysed for m in months),
        outlets=counts.biggest[0].total if counts.biggest else 0, months=months,
        top_outlets=[outlet_summary(r) for r in counts.biggest],
        techniques=[TechniqueCount(technique=r.technique, spans=r.spans, articles=r.articles)
                    for r in counts.techniques],
        speakers=top_speakers(store, Filters(), limit=top, people_only=True),
        # published by today: a mistyped date decades ahead is not the latest news
        recent=list_articles(store, Filters(until=date.today()), limit=top).items,
    )

"""Technique rates by outlet: per outlet and month (or over all months), spans per 1,000 words
and the share of articles using each technique, over the analysed articles."""

from __future__ import annotations

from dataclasses import dataclass

from presslens.analysis import described
from presslens.article import RESPONSE_SCHEMA_CONFIG
from presslens.store import Store
from presslens.store.filters import Filters


@dataclass
class OutletMonth:
    __pydantic_config__ = RESPONSE_SCHEMA_CONFIG

    outlet: str
    month: str = described('YYYY-MM; "all" where months are combined.')
    articles: int
    words: int
    technique_rates: dict[str, float] = described("Technique spans per 1,000 words.", default_factory=dict)
    technique_shares: dict[str, float] = described("Share of articles with at least one span.", default_factory=dict)


def outlet_stats(store: Store, filters: Filters) -> list[OutletMonth]:
    """Per outlet and month, over analysed articles: technique rates per 1,000 words and shares."""
    totals, spans = store.outlet_rates.per_month(filters)
    groups = {
        (r.outlet, r.month): OutletMonth(outlet=r.outlet, month=r.month, articles=r.articles, words=int(r.words))
        for r in totals
    }
    for r in spans:
        group = groups[(r.outlet, r.month)]
        group.technique_rates[r.technique] = 1000.0 * r.spans / group.words if group.words else 0.0
        group.technique_shares[r.technique] = r.with_technique / group.articles
    for group in groups.values():
        group.technique_rates = dict(sorted(group.technique_rates.items()))
        group.technique_shares = dict(sorted(group.technique_shares.items()))
    return sorted(groups.values(), key=lambda g: (g.outlet, g.month))


def combine_months(stats: list[OutletMonth]) -> list[OutletMonth]:
    """One OutletMonth per outlet (month "all"): rates and shares weighted over its months."""
    combined: dict[str, OutletMonth] = {}
    spans: dict[str, dict[str, float]] = {}
    having: dict[str, dict[str, float]] = {}
    for g in stats:
        total = combined.setdefault(g.outlet, OutletMonth(outlet=g.outlet, month="all", articles=0, words=0))
        total.articles += g.articles
        total.words += g.words
        for t, rate in g.technique_rates.items():
            spans.setdefault(g.outlet, {}).setdefault(t, 0.0)
            spans[g.outlet][t] += rate * g.words / 1000.0
        for t, share in g.technique_shares.items():
            having.setdefault(g.outlet, {}).setdefault(t, 0.0)
            having[g.outlet][t] += share * g.articles
    for outlet, total in combined.items():
        total.technique_rates = {t: 1000.0 * n / total.words if total.words else 0.0
                                 for t, n in sorted(spans.get(outlet, {}).items())}
        total.technique_shares = {t: n / total.articles for t, n in sorted(having.get(outlet, {}).items())}
    return sorted(combined.values(), key=lambda g: g.outlet)

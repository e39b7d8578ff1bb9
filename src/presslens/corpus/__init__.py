"""The corpus: questions asked of every stored article, one module per question (search,
listings, outlet rates, speakers, entities, the overview, the timeline, framing, people,
quote provenance), ingest, and exports. Each asks the store (store/queries/) and returns
plain dataclasses."""

from presslens.corpus.article_search import SEARCH_COUNT_LIMIT, SearchHit, SearchPage, search
from presslens.corpus.entities import EntityCount, top_entities
from presslens.corpus.export import EXPORTS, export_columns, export_rows
from presslens.corpus.filters import Filters, filter_date, query_filters
from presslens.corpus.framing import EntityFraming, RoleEvidence, RoleMonth, entity_framing
from presslens.corpus.listings import (
    ArticleSummary,
    OutletList,
    OutletSummary,
    list_articles,
    list_outlets,
    outlets_page,
)
from presslens.corpus.outlet_rates import OutletMonth, combine_months, outlet_stats
from presslens.corpus.overview import CorpusOverview, MonthCount, TechniqueCount, corpus_overview
from presslens.corpus.paging import Page
from presslens.corpus.speakers import QuoteRow, SpeakerCount, speaker_quotes, top_speakers
from presslens.corpus.timeline import TimelineClaim, TimelinePage, analysis_timeline, timeline, timeline_pages

__all__ = [
    "SEARCH_COUNT_LIMIT", "ArticleSummary", "CorpusOverview", "EntityCount", "Filters", "MonthCount", "OutletList",
    "OutletMonth", "OutletSummary", "Page", "QuoteRow", "SearchHit", "SearchPage", "SpeakerCount", "TechniqueCount",
    "combine_months",
    "corpus_overview", "EXPORTS", "export_columns", "export_rows", "filter_date", "list_articles",
    "list_outlets", "outlet_stats", "outlets_page", "query_filters", "search", "speaker_quotes", "top_entities",
    "top_speakers",
    "TimelineClaim", "TimelinePage", "analysis_timeline", "timeline", "timeline_pages",
    "EntityFraming", "RoleEvidence", "RoleMonth", "entity_framing",
]

"""The corpus: questions asked of every stored article (queries), ingest, and exports."""

from presslens.corpus.queries import (
    ArticleSummary, CorpusOverview, EntityCount, Filters, MonthCount, OutletList, OutletMonth, OutletSummary, Page,
    QuoteRow, SearchHit, SearchPage, SpeakerCount, TechniqueCount, combine_months, corpus_overview, export_columns, export_rows,
    filter_date, list_articles, list_outlets, outlet_stats, outlets_page, query_filters, search, speaker_quotes,
    top_entities, top_speakers,
)
from presslens.corpus.framing import EntityFraming, RoleEvidence, RoleMonth, entity_framing
from presslens.corpus.timeline import TimelineClaim, TimelinePage, analysis_timeline, timeline, timeline_pages

__all__ = [
    "ArticleSummary", "CorpusOverview", "EntityCount", "Filters", "MonthCount", "OutletList", "OutletMonth",
    "OutletSummary", "Page", "QuoteRow", "SearchHit", "SearchPage", "SpeakerCount", "TechniqueCount", "combine_months",
    "corpus_overview", "export_columns", "export_rows", "filter_date", "list_articles",
    "list_outlets", "outlet_stats", "outlets_page", "query_filters", "search", "speaker_quotes", "top_entities",
    "top_speakers",
    "TimelineClaim", "TimelinePage", "analysis_timeline", "timeline", "timeline_pages",
    "EntityFraming", "RoleEvidence", "RoleMonth", "entity_framing",
]

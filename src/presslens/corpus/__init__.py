"""The corpus: questions asked of every stored article (queries), ingest, and exports."""

from presslens.corpus.queries import (
    ArticleSummary, EntityCount, Filters, OutletMonth, OutletSummary, Page, QuoteRow, SearchHit, SpeakerCount,
    combine_months, export_columns, export_rows, filter_date, list_articles, list_outlets, outlet_stats, query_filters, search,
    speaker_quotes, top_entities, top_speakers,
)
from presslens.corpus.timeline import TimelineClaim, TimelinePage, analysis_timeline, timeline

__all__ = [
    "ArticleSummary", "EntityCount", "Filters", "OutletMonth", "OutletSummary", "Page", "QuoteRow", "SearchHit",
    "SpeakerCount", "combine_months", "export_columns", "export_rows", "filter_date", "list_articles",
    "list_outlets", "outlet_stats", "query_filters", "search", "speaker_quotes", "top_entities", "top_speakers",
    "TimelineClaim", "TimelinePage", "analysis_timeline", "timeline",
]

"""Pydantic models of the REST API: the JSON contract of an analysis, request bodies,
and the corpus results (mirrors of the dataclasses in presslens.corpus.queries)."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class ArticleIn(BaseModel):
    """An article to analyse or store. Only `text` is required."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, description="The article body.")
    title: str | None = None
    outlet: str | None = None
    published: date | None = Field(None, description="Publication date, ISO 8601 (YYYY-MM-DD).")
    url: str | None = None
    language: str = "en"


class ArticleOut(BaseModel):
    id: str
    outlet: str | None
    published: date | None
    url: str | None
    title: str | None
    language: str
    text: str


class MentionOut(BaseModel):
    start: int
    end: int


class EntityOut(BaseModel):
    id: str
    name: str
    type: str
    aliases: list[str]
    mentions: list[MentionOut]
    framing: dict[str, Any]


class SpeakerOut(BaseModel):
    entity: str | None
    name: str
    start: int
    end: int


class CueOut(BaseModel):
    text: str
    start: int
    end: int


class QuoteOut(BaseModel):
    start: int
    end: int
    text: str
    kind: Literal["direct", "indirect", "mixed"]
    speaker: SpeakerOut | None
    cue: CueOut | None
    via: str | None


class TimeRefOut(BaseModel):
    start: int
    end: int
    text: str
    kind: Literal["date", "duration", "set"]
    value: str


class ClaimOut(BaseModel):
    start: int
    end: int
    text: str
    score: float
    time_refs: list[TimeRefOut]
    entities: list[str]


class TechniqueSpanOut(BaseModel):
    start: int
    end: int
    text: str
    technique: str
    score: float


class AnalysisOut(BaseModel):
    """The JSON contract of `presslens analyze --format json` (docs/json-contract.md)."""

    article: ArticleOut
    entities: list[EntityOut]
    quotes: list[QuoteOut]
    time_refs: list[TimeRefOut]
    claims: list[ClaimOut]
    techniques: list[TechniqueSpanOut]
    scores: dict[str, Any]
    pipeline: dict[str, Any]


class ArticleDetail(BaseModel):
    article: ArticleOut
    analysis: AnalysisOut | None = Field(description="The latest stored analysis, or null if none yet.")


class StoredArticles(BaseModel):
    added: int = Field(description="How many of the articles were new to the store.")
    ids: list[str]
    analysed: int


class ArticleSummaryOut(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: date | None
    words: int | None = None
    techniques: int | None = None
    quotes: int | None = None


class ArticlePage(BaseModel):
    items: list[ArticleSummaryOut]
    next_cursor: str | None


class SearchHitOut(BaseModel):
    article_id: str
    title: str | None
    outlet: str | None
    published: date | None
    snippet: str = Field(description="Plain text; escape it before showing it as HTML.")
    highlights: list[tuple[int, int]] = Field(description="[start, end) offsets into the snippet.")
    score: float


class SearchPage(BaseModel):
    items: list[SearchHitOut]
    next_cursor: str | None


class OutletSummaryOut(BaseModel):
    name: str
    articles: int
    first: date | None
    last: date | None


class OutletMonthOut(BaseModel):
    outlet: str
    month: str = Field(description="YYYY-MM")
    articles: int
    words: int
    technique_rates: dict[str, float] = Field(description="Technique spans per 1,000 words.")
    technique_shares: dict[str, float] = Field(description="Share of articles with at least one span.")


class SpeakerCountOut(BaseModel):
    name: str
    entity_name: str | None
    quotes: int
    articles: int


class EntityCountOut(BaseModel):
    name: str
    type: str
    mentions: int
    articles: int


class OutletDetail(BaseModel):
    outlet: OutletSummaryOut
    months: list[OutletMonthOut]
    speakers: list[SpeakerCountOut]
    entities: list[EntityCountOut]


class QuoteRowOut(BaseModel):
    article_id: str
    outlet: str | None
    published: date | None
    speaker: str | None
    text: str
    kind: str
    start: int
    end: int


class QuotePage(BaseModel):
    items: list[QuoteRowOut]
    next_cursor: str | None


class ErrorOut(BaseModel):
    error: str = Field(description="One line saying what went wrong.")

"""The REST API's request body and the pages and wrappers around its results.

The items themselves are the library's dataclasses (`presslens.analysis`, `presslens.article`,
`presslens.corpus`): pydantic derives their schemas, descriptions included, so the
API documents exactly what the library returns and nothing is written twice.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

from presslens.analysis import Analysis
from presslens.article import Article
from presslens.corpus import (
    SEARCH_COUNT_LIMIT,
    ArticleSummary,
    EntityCount,
    OutletMonth,
    OutletSummary,
    QuoteRow,
    SearchHit,
    SpeakerCount,
)
from presslens.corpus.timeline import TimelineClaim


def as_contract(item: Analysis | Article):  # no return annotation: the schema stays the dataclass's own
    """The JSON contract itself (`to_dict()`), so the API's keys come in the CLI's order."""
    return item.to_dict()


AnalysisOut = Annotated[Analysis, PlainSerializer(as_contract)]
ArticleOut = Annotated[Article, PlainSerializer(as_contract)]


class ArticleIn(BaseModel):
    """An article to analyse or store. Only `text` is required."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, description="The article body.")
    title: str | None = None
    outlet: str | None = None
    published: date | None = Field(None, description="Publication date, ISO 8601 (YYYY-MM-DD).")
    url: str | None = None
    language: str = "en"


class ArticleDetail(BaseModel):
    article: ArticleOut
    analysed: bool = Field(
        description="Whether the article has been analysed; `presslens process --id ID` analyses it."
    )
    analysis: AnalysisOut | None = Field(description="The latest stored analysis, or null if none yet.")


class StoredArticles(BaseModel):
    added: int = Field(description="How many of the articles were new to the store.")
    ids: list[str]
    analysed: int


class ArticlePage(BaseModel):
    items: list[ArticleSummary]
    next_cursor: str | None


class SearchPage(BaseModel):
    items: list[SearchHit]
    next_cursor: str | None
    total: int = Field(description=f"Matching articles over every page, counted up to {SEARCH_COUNT_LIMIT:,}.")
    total_capped: bool = Field(description="True when more articles match than `total`.")
    analysed: int = Field(description="How many of the counted matches are analysed.")


class OutletDetail(BaseModel):
    outlet: OutletSummary
    months: list[OutletMonth]
    speakers: list[SpeakerCount]
    entities: list[EntityCount]


class QuotePage(BaseModel):
    items: list[QuoteRow]
    next_cursor: str | None


class TimelinePage(BaseModel):
    items: list[TimelineClaim]
    next_cursor: str | None
    claims: int = Field(description="How many claims the whole timeline holds, over every page.")
    articles: int = Field(description="How many articles those claims come from.")


class ErrorOut(BaseModel):
    error: str = Field(description="One line saying what went wrong.")


class AnalysisJobOut(BaseModel):
    """A long text's analysis, run after the request that asked for it was answered."""

    job: str = Field(description="The job's id: random, so only whoever was given it can read the job.")
    url: str = Field(description="Where to ask for the job's state (GET), until it expires.")
    state: Literal["queued", "running", "done", "failed"]
    done: int = Field(description="Pipeline components run so far.")
    total: int | None = Field(description="Pipeline components in all; null until the job has started.")
    result: AnalysisOut | None = Field(description="The analysis, in the JSON contract, once `state` is done.")
    error: str | None = Field(description="Once `state` is failed: what went wrong, in one line.")

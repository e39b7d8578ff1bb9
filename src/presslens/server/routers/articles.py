"""/api/articles: the stored articles, a page at a time; one with its analysis; storing new ones."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.concurrency import run_in_threadpool

from presslens import corpus
from presslens.edge import stored_article
from presslens.server.dependencies import ERRORS, Cursor, FiltersDep, ResourcesDep, StoreDep, page_body, require_token
from presslens.server.request_input import ONE_ARTICLE, article_body, articles_from_request
from presslens.server.schemas import ArticleDetail, ArticlePage, ErrorOut, StoredArticles

MAX_ARTICLES_PER_POST = 100

router = APIRouter(prefix="/articles", tags=["articles"], responses=ERRORS)


@router.get("", response_model=ArticlePage, summary="List stored articles")
def list_articles(
    f: FiltersDep, store: StoreDep,
    limit: int = Query(50, ge=1, le=500), cursor: Cursor = None,
) -> dict:
    """Articles matching the filters, newest first, a page at a time."""
    return page_body(corpus.list_articles(store, f, limit=limit, cursor=cursor))


@router.post(
    "", response_model=StoredArticles, dependencies=[Depends(require_token)],
    responses={401: {"model": ErrorOut, "description": "Missing or wrong token."},
               403: {"model": ErrorOut, "description": "The server is read-only (no token configured)."},
               503: {"model": ErrorOut, "description": "Busy: the analysis could not start in time, or another process "
                                                       "holds the store's write lock (see the Retry-After header)."}},
    openapi_extra={"requestBody": article_body({"anyOf": [
        ONE_ARTICLE, {"type": "array", "items": ONE_ARTICLE, "minItems": 1, "maxItems": MAX_ARTICLES_PER_POST},
    ]})},
    summary="Store and analyse articles (needs the API token)",
)
async def store_articles(request: Request, resources: ResourcesDep) -> dict:
    """One article or a list of up to 100 (JSON), or one uploaded file. Each is analysed,
    then stored with its analysis; an article already stored is not duplicated. If any
    article is invalid, nothing is stored."""
    articles = await articles_from_request(request, limit=MAX_ARTICLES_PER_POST)
    resources.check_size(articles)
    analyses = await resources.run_bounded(lambda: [resources.analyze_one(a) for a in articles])
    # off the event loop: a held SQLite write lock must not stall the other requests
    added = await run_in_threadpool(resources.store_analysed, articles, analyses)
    return {"added": added, "ids": [a.id for a in articles], "analysed": len(analyses)}


@router.get("/{article_id}", response_model=ArticleDetail, summary="One article with its analysis")
def get_article(store: StoreDep, article_id: str = Path(max_length=200)) -> dict:
    """The stored article and its latest analysis (null if it has not been analysed)."""
    article, analysis = stored_article(store, article_id)
    return {"article": article.to_dict(), "analysed": analysis is not None,
            "analysis": analysis.to_dict() if analysis else None}

"""The REST API under /api: thin routes over presslens.corpus.queries and the store."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from itertools import chain
from dataclasses import asdict, is_dataclass
from datetime import date
from secrets import compare_digest
from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from presslens.server.request_input import articles_from_request
from presslens.server.schemas import (
    AnalysisOut, ArticleDetail, ArticlePage, EntityCountOut, ErrorOut, OutletDetail,
    OutletSummaryOut, QuotePage, SearchPage, SpeakerCountOut, StoredArticles,
)

MAX_ARTICLES_PER_POST = 100
ERRORS = {code: {"model": ErrorOut} for code in (400, 404, 413, 422, 503, 504)}

router = APIRouter(responses=ERRORS)
bearer = HTTPBearer(auto_error=False, description="PRESSLENS_API_TOKEN, as `Authorization: Bearer <token>`.")

_FORM_SCHEMA = {
    "type": "object",
    "properties": {
        "file": {"type": "string", "format": "binary", "description": "A file in any reader format."},
        "text": {"type": "string", "minLength": 1, "pattern": "\\S"}, "title": {"type": "string"},
        "outlet": {"type": "string"}, "published": {"type": "string", "format": "date"}, "url": {"type": "string"},
    },
    "anyOf": [{"required": ["file"]}, {"required": ["text"]}],
}
_ONE_ARTICLE = {"$ref": "#/components/schemas/ArticleIn"}


def _article_body(json_schema: dict) -> dict:
    return {"required": True, "content": {
        "application/json": {"schema": json_schema}, "multipart/form-data": {"schema": _FORM_SCHEMA},
    }}


def filters(
    q: str | None = Query(None, description="Full-text query."),
    outlet: list[str] | None = Query(None, description="Only these outlets (repeat for several)."),
    since: date | None = Query(None, description="Published on or after (YYYY-MM-DD)."),
    until: date | None = Query(None, description="Published on or before (YYYY-MM-DD)."),
    technique: str | None = Query(None, description="Only articles with this technique (PTC label)."),
    speaker: str | None = Query(None, description="Only articles quoting this speaker."),
    entity: str | None = Query(None, description="Only articles mentioning this entity."),
):
    from presslens.corpus.queries import Filters

    return Filters(
        query=q or None, outlets=outlet or None, since=since, until=until,
        technique=technique or None, speaker=speaker or None, entity=entity or None,
    )


def store_of(request: Request):
    return request.app.state.resources.store


def require_token(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> None:
    token = request.app.state.settings.api_token
    if not token:
        raise HTTPException(403, "this server is read-only: it has no PRESSLENS_API_TOKEN, so it accepts no writes")
    if credentials is None or not compare_digest(credentials.credentials.encode(), token.encode()):
        raise HTTPException(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})


def plain(item) -> dict:
    return asdict(item) if is_dataclass(item) else dict(item)


@router.post(
    "/analyze", response_model=AnalysisOut, openapi_extra={"requestBody": _article_body(_ONE_ARTICLE)},
    summary="Analyse one article without storing it",
)
async def analyze(request: Request) -> dict:
    """Send JSON `{"text": ..., "title": ..., "outlet": ..., "published": ...}` or a form
    with `text` or an uploaded `file` (text, HTML, JSON, JSONL, CSV, feed). Returns the
    analysis in the JSON contract. Nothing is stored."""
    articles = await articles_from_request(request, limit=1)
    analysis = await request.app.state.resources.analyze(articles[0])
    return analysis.to_dict()


@router.get("/articles", response_model=ArticlePage, summary="List stored articles")
def list_articles(
    request: Request, f=Depends(filters),
    limit: int = Query(50, ge=1, le=500), cursor: str | None = Query(None, description="From a previous page's next_cursor."),
) -> dict:
    """Articles matching the filters, newest first, a page at a time."""
    from presslens import corpus

    page = corpus.list_articles(store_of(request), f, limit=limit, cursor=cursor)
    return {"items": [plain(i) for i in page.items], "next_cursor": page.next_cursor}


@router.post(
    "/articles", response_model=StoredArticles, dependencies=[Depends(require_token)],
    responses={401: {"model": ErrorOut, "description": "Missing or wrong token."},
               403: {"model": ErrorOut, "description": "The server is read-only (no token configured)."}},
    openapi_extra={"requestBody": _article_body({"anyOf": [
        _ONE_ARTICLE, {"type": "array", "items": _ONE_ARTICLE, "minItems": 1, "maxItems": MAX_ARTICLES_PER_POST},
    ]})},
    summary="Store and analyse articles (needs the API token)",
)
async def store_articles(request: Request) -> dict:
    """One article or a list of up to 100 (JSON), or one uploaded file. Each is analysed,
    then stored with its analysis; an article already stored is not duplicated. If any
    article is invalid, nothing is stored."""
    articles = await articles_from_request(request, limit=MAX_ARTICLES_PER_POST)
    resources = request.app.state.resources
    analyses = await resources.run_bounded(lambda: [resources.analyze_one(a) for a in articles])
    store = resources.store
    added = store.add_articles(articles)
    for analysis in analyses:
        store.save_analysis(analysis)
    return {"added": added, "ids": [a.id for a in articles], "analysed": len(analyses)}


@router.get("/articles/{article_id}", response_model=ArticleDetail, summary="One article with its analysis")
def get_article(request: Request, article_id: str = Path(max_length=200)) -> dict:
    """The stored article and its latest analysis (null if it has not been analysed)."""
    store = store_of(request)
    article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"article {article_id!r} not found")
    analysis = store.get_analysis(article_id)
    return {"article": article.to_dict(), "analysis": analysis.to_dict() if analysis else None}


@router.get("/search", response_model=SearchPage, summary="Full-text search of the corpus")
def search(
    request: Request, f=Depends(filters),
    limit: int = Query(20, ge=1, le=200), cursor: str | None = Query(None, description="From a previous page's next_cursor."),
) -> dict:
    """Ranked hits for `q` with the filters; each snippet is plain text plus the
    [start, end) offsets of the matched words."""
    from presslens import corpus

    if not f.query:
        raise HTTPException(400, "q: give some words to search for")
    page = corpus.search(store_of(request), f, limit=limit, cursor=cursor)
    return {"items": [plain(i) for i in page.items], "next_cursor": page.next_cursor}


@router.get("/outlets", response_model=list[OutletSummaryOut], summary="All outlets in the store")
def list_outlets(request: Request) -> list[dict]:
    """Each outlet with its number of articles and first and last publication dates."""
    from presslens import corpus

    return [plain(o) for o in corpus.list_outlets(store_of(request))]


@router.get("/outlets/{name:path}", response_model=OutletDetail, summary="One outlet: technique rates per month, top speakers and entities")
def outlet(request: Request, name: str = Path(max_length=300), f=Depends(filters), top: int = Query(20, ge=1, le=200)) -> dict:
    """Technique rates per 1,000 words and shares of articles per month, the most
    quoted speakers and the most mentioned entities; the filters narrow all three."""
    from presslens import corpus

    summary = find_outlet(store_of(request), name)
    f.outlets = [summary.name]
    store = store_of(request)
    return {
        "outlet": plain(summary),
        "months": [plain(m) for m in corpus.outlet_stats(store, f)],
        "speakers": [plain(s) for s in corpus.top_speakers(store, f, limit=top)],
        "entities": [plain(e) for e in corpus.top_entities(store, f, limit=top)],
    }


def find_outlet(store, name: str):
    from presslens import corpus

    for summary in corpus.list_outlets(store):
        if summary.name == name:
            return summary
    raise HTTPException(404, f"outlet {name!r} not found")


@router.get("/speakers", response_model=list[SpeakerCountOut], summary="The most quoted speakers")
def speakers(request: Request, f=Depends(filters), limit: int = Query(20, ge=1, le=500)) -> list[dict]:
    """Speakers by number of quotes, with how many articles quote them."""
    from presslens import corpus

    return [plain(s) for s in corpus.top_speakers(store_of(request), f, limit=limit)]


@router.get("/speakers/{name:path}/quotes", response_model=QuotePage, summary="One speaker's quotes")
def speaker_quotes(
    request: Request, name: str = Path(max_length=300), f=Depends(filters),
    limit: int = Query(50, ge=1, le=500), cursor: str | None = Query(None, description="From a previous page's next_cursor."),
) -> dict:
    """The quotes attributed to a speaker, newest first, a page at a time."""
    from presslens import corpus

    page = corpus.speaker_quotes(store_of(request), name, f, limit=limit, cursor=cursor)
    return {"items": [plain(i) for i in page.items], "next_cursor": page.next_cursor}


@router.get("/entities", response_model=list[EntityCountOut], summary="The most mentioned entities")
def entities(request: Request, f=Depends(filters), limit: int = Query(20, ge=1, le=500)) -> list[dict]:
    """People, organisations and places by number of mentions (all their names counted)."""
    from presslens import corpus

    return [plain(e) for e in corpus.top_entities(store_of(request), f, limit=limit)]


@router.get(
    "/export/{what}", summary="Export rows as CSV or JSONL (streamed)",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}}, "description": "The rows."}},
)
def export(
    request: Request, what: Literal["articles", "quotes", "techniques", "entities"], f=Depends(filters),
    fmt: Literal["csv", "jsonl"] = Query("csv", alias="format", description="csv or jsonl."),
) -> StreamingResponse:
    """Every matching row, streamed so that a large corpus never sits in memory."""
    from presslens import corpus

    # The first row is read before the response starts, so a bad filter is still a
    # JSON error rather than a stream cut short.
    rows = iter(corpus.export_rows(store_of(request), what, f))
    first = next(rows, None)
    rows = chain([first], rows) if first is not None else iter(())
    if fmt == "jsonl":
        body = (json.dumps(row, ensure_ascii=False, default=str) + "\n" for row in rows)
        media = "application/x-ndjson"
    else:
        body = csv_lines(rows)
        media = "text/csv; charset=utf-8"
    headers = {"Content-Disposition": f'attachment; filename="presslens-{what}.{fmt}"'}
    return StreamingResponse(body, media_type=media, headers=headers)


def csv_lines(rows: Iterator[dict]) -> Iterator[str]:
    """CSV text a row at a time; nested values (lists, dicts) as JSON."""
    buffer = io.StringIO()
    writer = None
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(buffer, fieldnames=list(row), extrasaction="ignore")
            writer.writeheader()
        writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in row.items()})
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()

"""What the routers share: the store, the resources (the pipeline's runner), the filter
query options and the paging cursor as `Annotated` dependencies; the write token, the
documented error responses, and results as plain dicts.

A route names what it needs by type (`f: FiltersDep, store: StoreDep`), as the FastAPI
full-stack template does. FastAPI solves dependencies in the order they are declared:
the filters come first, so that filters the library refuses are refused before the store
is touched. The store dependency is a plain `def`: FastAPI runs it in its thread pool, so
the store's first opening (migrations, the search index) never blocks the event loop."""

from __future__ import annotations

from dataclasses import asdict, is_dataclass
from datetime import date
from secrets import compare_digest
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from presslens.corpus import Filters, Page
from presslens.edge import query_filters
from presslens.server.resources import Resources
from presslens.server.schemas import ErrorOut
from presslens.store import Store

ERRORS = {code: {"model": ErrorOut} for code in (400, 404, 413, 422, 503, 504)}

Cursor = Annotated[str | None, Query(description="From a previous page's next_cursor.")]

bearer = HTTPBearer(auto_error=False, description="PRESSLENS_API_TOKEN, as `Authorization: Bearer <token>`.")


def filters(
    q: str | None = Query(None, description="Full-text query."),
    outlet: list[str] | None = Query(None, description="Only these outlets (repeat for several)."),
    since: date | None = Query(None, description="Published on or after (YYYY-MM-DD)."),
    until: date | None = Query(None, description="Published on or before (YYYY-MM-DD)."),
    technique: str | None = Query(None, description="Only articles with this technique (PTC label)."),
    speaker: str | None = Query(None, description="Only articles quoting this speaker."),
    entity: str | None = Query(None, description="Only articles mentioning this entity."),
) -> Filters:
    return query_filters(q, outlet, since, until, technique, speaker, entity)


def timeline_filters(
    outlet: list[str] | None = Query(None, description="Only these outlets (repeat for several)."),
    since: date | None = Query(None, description="Only claims about a time on or after this date (YYYY-MM-DD)."),
    until: date | None = Query(None, description="Only claims about a time on or before this date (YYYY-MM-DD)."),
) -> Filters:
    """The timeline's filters: `since` and `until` bound the date a claim refers to, not publication."""
    return query_filters(outlets=outlet, since=since, until=until)


async def resources_of(request: Request) -> Resources:
    return request.app.state.resources


def store_of(request: Request) -> Store:
    return request.app.state.resources.store


FiltersDep = Annotated[Filters, Depends(filters)]
TimelineFiltersDep = Annotated[Filters, Depends(timeline_filters)]
ResourcesDep = Annotated[Resources, Depends(resources_of)]
StoreDep = Annotated[Store, Depends(store_of)]


def require_token(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> None:
    check_token(request, credentials.credentials if credentials else None)


def check_token(request: Request, given: str | None) -> None:
    """403 on a read-only server; 401 unless `given` is its API token (a bearer token, or a
    page form's token field)."""
    token = request.app.state.settings.api_token
    if not token:
        raise HTTPException(403, "this server is read-only: it has no PRESSLENS_API_TOKEN, so it accepts no writes")
    if given is None or not compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "missing or wrong API token", headers={"WWW-Authenticate": "Bearer"})


def plain(item) -> dict:
    return asdict(item) if is_dataclass(item) else dict(item)


def page_body(page: Page) -> dict:
    return {"items": [plain(i) for i in page.items], "next_cursor": page.next_cursor}

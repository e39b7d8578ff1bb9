"""GET /api/timeline: dated claims across the stored corpus, by the date they refer to."""

from __future__ import annotations

from fastapi import APIRouter, Query

from presslens import corpus
from presslens.server.dependencies import ERRORS, Cursor, StoreDep, TimelineFiltersDep, page_body
from presslens.server.schemas import TimelinePage

router = APIRouter(prefix="/timeline", tags=["timeline"], responses=ERRORS)


@router.get("", response_model=TimelinePage, summary="Dated claims, by the date they refer to")
def timeline(
    f: TimelineFiltersDep, store: StoreDep,
    entity: str | None = Query(None, max_length=300,
                               description="Only claims about an entity whose name or alias contains this."),
    claimant: str | None = Query(None, max_length=300,
                                 description="Only claims by a claimant whose name contains this."),
    limit: int = Query(50, ge=1, le=500), cursor: Cursor = None,
) -> dict:
    """Claims with a dated time reference in the latest analyses, ordered by the date they refer
    to (not the date published), then by publication, article and offset; a page at a time,
    with how many claims and articles the whole timeline holds. `since` and `until` bound the
    date referred to: a claim about a year is kept when the year reaches into the range. A
    null `claimant` is the outlet's own voice."""
    page = corpus.timeline(store, f, entity=entity, claimant=claimant, limit=limit, cursor=cursor)
    return {**page_body(page), "claims": page.claims, "articles": page.articles}

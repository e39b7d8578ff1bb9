"""GET /api/search: full-text search of the stored articles."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from presslens import corpus
from presslens.errors import InputError
from presslens.server.dependencies import ERRORS, Cursor, filters, page_body, store_of
from presslens.server.schemas import SearchPage

router = APIRouter(responses=ERRORS)


@router.get("/search", response_model=SearchPage, summary="Full-text search of the corpus")
def search(request: Request, f=Depends(filters), limit: int = Query(20, ge=1, le=200), cursor: Cursor = None) -> dict:
    """Ranked hits for `q` with the filters; each snippet (and title) is plain text plus the
    [start, end) offsets of the matched words, and each hit says whether it is analysed.
    `total` counts the matches over every page, up to SEARCH_COUNT_LIMIT (10,000)."""
    if not f.query:
        raise InputError("q", "give some words to search for")
    page = corpus.search(store_of(request), f, limit=limit, cursor=cursor)
    return {**page_body(page), "total": page.total, "total_capped": page.total_capped, "analysed": page.analysed}

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
    """Ranked hits for `q` with the filters; each snippet is plain text plus the
    [start, end) offsets of the matched words."""
    if not f.query:
        raise InputError("q", "give some words to search for")
    return page_body(corpus.search(store_of(request), f, limit=limit, cursor=cursor))

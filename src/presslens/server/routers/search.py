"""GET /api/search: full-text search of the stored articles."""

from __future__ import annotations

from fastapi import APIRouter, Query

from presslens import corpus
from presslens.errors import InputError
from presslens.server.dependencies import ERRORS, Cursor, FiltersDep, StoreDep, page_body
from presslens.server.schemas import SearchPage

router = APIRouter(prefix="/search", tags=["search"], responses=ERRORS)


@router.get("", response_model=SearchPage, summary="Full-text search of the corpus")
def search(f: FiltersDep, store: StoreDep, limit: int = Query(20, ge=1, le=200), cursor: Cursor = None) -> dict:
    """Ranked hits for `q` with the filters; each snippet (and title) is plain text plus the
    [start, end) offsets of the matched words, and each hit says whether it is analysed.
    `total` counts the matches over every page, up to SEARCH_COUNT_LIMIT (10,000)."""
    if not f.query:
        raise InputError("q", "give some words to search for")
    page = corpus.search(store, f, limit=limit, cursor=cursor)
    return {**page_body(page), "total": page.total, "total_capped": page.total_capped, "analysed": page.analysed}

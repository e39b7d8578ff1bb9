"""GET /api/entities: the most mentioned people, organisations and places."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from presslens import corpus
from presslens.server.dependencies import ERRORS, filters, plain, store_of

router = APIRouter(responses=ERRORS)


@router.get("/entities", response_model=list[corpus.EntityCount], summary="The most mentioned entities")
def entities(request: Request, f=Depends(filters), limit: int = Query(20, ge=1, le=500)) -> list[dict]:
    """People, organisations and places by number of mentions (all their names counted)."""
    return [plain(e) for e in corpus.top_entities(store_of(request), f, limit=limit)]

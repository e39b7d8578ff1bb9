"""/api/speakers: the most quoted speakers, and one speaker's quotes."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Query, Request

from presslens import corpus
from presslens.server.dependencies import ERRORS, Cursor, filters, page_body, plain, store_of
from presslens.server.schemas import QuotePage

router = APIRouter(responses=ERRORS)


@router.get("/speakers", response_model=list[corpus.SpeakerCount], summary="The most quoted speakers")
def speakers(request: Request, f=Depends(filters), limit: int = Query(20, ge=1, le=500)) -> list[dict]:
    """Speakers by number of quotes, with how many articles quote them."""
    return [plain(s) for s in corpus.top_speakers(store_of(request), f, limit=limit)]


@router.get("/speakers/{name:path}/quotes", response_model=QuotePage, summary="One speaker's quotes")
def speaker_quotes(
    request: Request, name: str = Path(max_length=300), f=Depends(filters),
    limit: int = Query(50, ge=1, le=500), cursor: Cursor = None,
) -> dict:
    """The quotes attributed to a speaker, newest first, a page at a time."""
    return page_body(corpus.speaker_quotes(store_of(request), name, f, limit=limit, cursor=cursor))

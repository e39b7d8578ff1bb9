"""/api/speakers: the most quoted speakers, and one speaker's quotes."""

from __future__ import annotations

from fastapi import APIRouter, Path, Query

from presslens import corpus
from presslens.server.dependencies import ERRORS, Cursor, FiltersDep, StoreDep, page_body, plain
from presslens.server.schemas import QuotePage

router = APIRouter(prefix="/speakers", tags=["speakers"], responses=ERRORS)


@router.get("", response_model=list[corpus.SpeakerCount], summary="The most quoted speakers")
def speakers(f: FiltersDep, store: StoreDep, limit: int = Query(20, ge=1, le=500)) -> list[dict]:
    """Speakers by number of quotes, with how many articles quote them."""
    return [plain(s) for s in corpus.top_speakers(store, f, limit=limit)]


@router.get("/{name:path}/quotes", response_model=QuotePage, summary="One speaker's quotes")
def speaker_quotes(
    f: FiltersDep, store: StoreDep, name: str = Path(max_length=300),
    limit: int = Query(50, ge=1, le=500), cursor: Cursor = None,
) -> dict:
    """The quotes attributed to a speaker, newest first, a page at a time."""
    return page_body(corpus.speaker_quotes(store, name, f, limit=limit, cursor=cursor))

"""/api/overview: the whole corpus at a glance, as the home page shows it."""

from __future__ import annotations

from fastapi import APIRouter, Query

from presslens import corpus
from presslens.server.dependencies import ERRORS, StoreDep, plain

router = APIRouter(prefix="/overview", tags=["overview"], responses=ERRORS)


@router.get("", response_model=corpus.CorpusOverview, summary="The corpus at a glance")
def overview(store: StoreDep, top: int = Query(10, ge=1, le=100)) -> dict:
    """Articles and analysed articles, in all and per month; the `top` biggest outlets, the
    commonest techniques and most quoted speakers (over analysed articles only) and the most
    recently published articles."""
    return plain(corpus.corpus_overview(store, top=top))

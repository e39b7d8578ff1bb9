"""/api/outlets: every outlet, and one outlet's rates per month, speakers and entities."""

from __future__ import annotations

from fastapi import APIRouter, Path, Query

from presslens import corpus
from presslens.edge import find_outlet
from presslens.server.dependencies import ERRORS, FiltersDep, StoreDep, plain
from presslens.server.schemas import OutletDetail

router = APIRouter(prefix="/outlets", tags=["outlets"], responses=ERRORS)


@router.get("", response_model=list[corpus.OutletSummary], summary="All outlets in the store")
def list_outlets(store: StoreDep) -> list[dict]:
    """Each outlet with its number of articles and first and last publication dates."""
    return [plain(o) for o in corpus.list_outlets(store)]


@router.get(
    "/{name:path}",
    response_model=OutletDetail,
    summary="One outlet: technique rates per month, top speakers and entities",
)
def outlet(
    f: FiltersDep, store: StoreDep, name: str = Path(max_length=300), top: int = Query(20, ge=1, le=200)
) -> dict:
    """Technique rates per 1,000 words and shares of articles per month, the most
    quoted speakers and the most mentioned entities; the filters narrow all three.
    The name is matched exactly, else ignoring case."""
    summary = find_outlet(store, name)
    f.outlets = [summary.name]
    return {
        "outlet": plain(summary),
        "months": [plain(m) for m in corpus.outlet_stats(store, f)],
        "speakers": [plain(s) for s in corpus.top_speakers(store, f, limit=top)],
        "entities": [plain(e) for e in corpus.top_entities(store, f, limit=top)],
    }

"""/api/entities: the most mentioned people, organisations and places, and how the corpus casts one."""

from __future__ import annotations

from fastapi import APIRouter, Path, Query

from presslens import corpus
from presslens.server.dependencies import ERRORS, FiltersDep, StoreDep, plain

router = APIRouter(prefix="/entities", tags=["entities"], responses=ERRORS)


@router.get("", response_model=list[corpus.EntityCount], summary="The most mentioned entities")
def entities(f: FiltersDep, store: StoreDep, limit: int = Query(20, ge=1, le=500)) -> list[dict]:
    """People, organisations and places by number of mentions (all their names counted)."""
    return [plain(e) for e in corpus.top_entities(store, f, limit=limit)]


@router.get("/{name:path}/framing", response_model=corpus.EntityFraming,
            summary="How outlets cast one entity, by month")
def entity_framing(
    f: FiltersDep, store: StoreDep,
    name: str = Path(max_length=300, description="A name or alias, as /api/entities gives it; case does not matter."),
    evidence: int = Query(3, ge=1, le=50, description="How many sentences to show per role."),
) -> dict:
    """Per outlet and month, how many analysed articles mention the entity and how many cast it
    as protagonist, antagonist or innocent; and per role the sentences that show it most
    strongly, each with its article. 404 when no stored analysis names the entity."""
    return plain(corpus.entity_framing(store, name, f, evidence=evidence))

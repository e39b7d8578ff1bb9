"""/api/entities: the most mentioned people, organisations and places, and how the corpus casts one."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Query, Request

from presslens import corpus
from presslens.server.dependencies import ERRORS, filters, plain, store_of

router = APIRouter(responses=ERRORS)


@router.get("/entities", response_model=list[corpus.EntityCount], summary="The most mentioned entities")
def entities(request: Request, f=Depends(filters), limit: int = Query(20, ge=1, le=500)) -> list[dict]:
    """People, organisations and places by number of mentions (all their names counted)."""
    return [plain(e) for e in corpus.top_entities(store_of(request), f, limit=limit)]


@router.get("/entities/{name:path}/framing", response_model=corpus.EntityFraming,
            summary="How outlets cast one entity, by month")
def entity_framing(
    request: Request, name: str = Path(max_length=300, description="A name or alias, as /api/entities gives it; "
                                                                    "case does not matter."),
    f=Depends(filters),
    evidence: int = Query(3, ge=1, le=50, description="How many sentences to show per role."),
) -> dict:
    """Per outlet and month, how many analysed articles mention the entity and how many cast it
    as protagonist, antagonist or innocent; and per role the sentences that show it most
    strongly, each with its article. 404 when no stored analysis names the entity."""
    return plain(corpus.entity_framing(store_of(request), name, f, evidence=evidence))

"""/api/people: one person across the corpus: the most quoted, and one person in full."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Path, Query

from presslens.corpus import people
from presslens.server.dependencies import ERRORS, FiltersDep, StoreDep, plain

router = APIRouter(prefix="/people", tags=["people"], responses=ERRORS)

MAX_ID = 2**62  # far below both databases' integer limits


@router.get("", response_model=list[people.PersonSummary], summary="The most quoted people across the corpus")
def list_people(
    f: FiltersDep, store: StoreDep, limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0, le=MAX_ID, description="Skip this many (the next page)."),
    kind: Literal["person", "org"] = Query("person", description="person, or org for organisations."),
    name: str | None = Query(None, max_length=people.MAX_NAME_FILTER, description="Only those whose name holds this."),
) -> list[dict]:
    """People (or organisations) linked across articles (docs/people.md), most quoted first, then
    most named: each with the names it goes by, its quotes, and the analysed articles and
    outlets naming it. With `q`, over the articles matching those words: who is quoted on a subject."""
    found = people.list_people(store, f, kind=kind, limit=limit, offset=offset, name=name)
    return [plain(p) for p in found]


@router.get("/{person_id}", response_model=people.PersonDetail, summary="One person across the corpus")
def person(f: FiltersDep, store: StoreDep, person_id: int = Path(ge=1, le=MAX_ID)) -> dict:
    """Its names and why each is linked, its quotes per outlet and month, the outlets quoting
    it most, how each outlet casts it, its newest articles, and the names of the same surname
    left unlinked. 404 for an unknown id."""
    return plain(people.person_detail(store, person_id, f))

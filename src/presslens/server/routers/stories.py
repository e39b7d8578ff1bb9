"""/api/stories: the stored stories (the same event across outlets, docs/stories.md), and one in full."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Path, Query

from presslens.corpus import stories
from presslens.server.dependencies import ERRORS, StoreDep, plain
from presslens.stories.story import Story

router = APIRouter(prefix="/stories", tags=["stories"], responses=ERRORS)


@router.get("", response_model=list[Story], summary="Stories: the same event across outlets")
def list_stories(
    store: StoreDep,
    outlet: str | None = Query(None, max_length=300, description="Only stories with an article from this outlet."),
    since: date | None = Query(None, description="Only stories whose last article is on or after this date."),
    min_outlets: int = Query(0, ge=0, le=1000, description="Only stories told by at least this many outlets."),
    limit: int = Query(50, ge=1, le=500),
) -> list[dict]:
    """Stories as `presslens stories build` last worked them out, latest first (undated last),
    then the largest: each with its label (its most central title), date span, outlets and
    articles, most central first."""
    return [plain(s) for s in stories.list_stories(store, outlet, since, min_outlets, limit)]


@router.get("/{story_id}", response_model=Story, summary="One story")
def story(store: StoreDep, story_id: str = Path(max_length=40)) -> dict:
    """One story with every article, most central first. 404 for an unknown id."""
    return plain(stories.show_story(store, story_id))

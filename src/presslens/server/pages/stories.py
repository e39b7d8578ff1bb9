"""Stories: the list (latest and largest first, filtered by outlet, date and how many outlets
told it) and one story told outlet by outlet (corpus.story_view)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from presslens.corpus.filters import filter_date
from presslens.corpus.stories import list_stories
from presslens.corpus.story_view import story_view
from presslens.errors import InputError, NotFoundError
from presslens.server.dependencies import StoreDep
from presslens.server.pages.render import error_page, render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

STORIES_SHOWN = 100


@router.get("/stories")
def stories_page(request: Request, store: StoreDep, outlet: str = "", since: str = "", min_outlets: str = "2"):
    """Stories told by at least `min_outlets` outlets (2 unless asked), the latest first."""
    context = {"outlet": outlet, "since": since, "min_outlets": min_outlets, "stories": None, "error": None}
    try:
        least = _count(min_outlets)
        start = filter_date(since.strip() or None, "since")
        context["stories"] = list_stories(store, outlet.strip() or None, start, least, STORIES_SHOWN)
    except InputError as exc:
        context["error"] = str(exc)
        return render(request, "stories.html", context, status=400)
    return render(request, "stories.html", context)


@router.get("/stories/{story_id}")
def story_page(request: Request, store: StoreDep, story_id: str):
    if len(story_id) > 40:
        return error_page(request, 404, f"no story {story_id[:40]!r}...")
    try:
        view = story_view(store, story_id)
    except NotFoundError as exc:
        return error_page(request, 404, str(exc))
    return render(request, "story.html", {"view": view})


def _count(value: str) -> int:
    value = value.strip() or "0"
    if not (value.isascii() and value.isdigit()) or len(value) > 4:
        raise InputError("min_outlets", f"{value[:20]!r} is not a number of outlets (0, 1, 2, ...)")
    return int(value)



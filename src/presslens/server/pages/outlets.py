"""Outlets: the paginated list, one outlet's page, and two to five compared on the same charts."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from presslens import corpus
from presslens.edge import find_outlet
from presslens.errors import InputError, NotFoundError
from presslens.server.dependencies import StoreDep
from presslens.server.pages.rate_charts import MAX_SERIES, rate_charts, techniques_seen
from presslens.server.pages.render import render
from presslens.store import Store

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


OUTLETS_PER_PAGE = 50
MAX_OUTLET_QUERY = 200


@router.get("/outlets")
def outlets_list_page(request: Request, store: StoreDep, q: str = "", page: str = "1"):
    """Every outlet with its articles and analysed articles, OUTLETS_PER_PAGE a page,
    filtered by part of the name."""
    context = {"q": q, "page": 1, "pages": 0, "outlets": None, "error": None}
    try:
        number = page_number(page)
        if "\x00" in q:
            raise InputError("q", "holds a NUL character")
        if len(q) > MAX_OUTLET_QUERY:
            raise InputError("q", f"{len(q):,} characters, over the {MAX_OUTLET_QUERY} an outlet name is matched on")
        offset = (number - 1) * OUTLETS_PER_PAGE
        found = corpus.outlets_page(store, q, limit=OUTLETS_PER_PAGE, offset=offset)
    except InputError as exc:
        context["error"] = str(exc)
        return render(request, "outlets.html", context, status=400)
    context.update(page=number, pages=-(-found.total // OUTLETS_PER_PAGE), outlets=found)
    return render(request, "outlets.html", context)


def page_number(page: str) -> int:
    if not (page.isascii() and page.isdigit()) or len(page) > 9 or int(page) < 1:
        raise InputError("page", f"{page[:40]!r} is not a page number (1, 2, ...)")
    return int(page)


@router.get("/outlets/{name:path}")
def outlet_page(request: Request, store: StoreDep, name: str):
    return render(request, "outlet.html", _outlets_context(store, [name]))


@router.get("/compare")
def compare_page(request: Request, store: StoreDep, outlet: list[str] = Query(default_factory=list)):
    """2 to MAX_SERIES outlets on the same charts. Too few, too many or an unknown name is
    a 400 that keeps the picker as the user filled it and says what to change."""
    typed = list(dict.fromkeys(name.strip() for name in outlet if name.strip()))
    context = {"typed": typed, "all_outlets": corpus.list_outlets(store), "max_outlets": MAX_SERIES,
               "error": None, "columns": None}
    if not typed:
        return render(request, "compare.html", context)
    if not 2 <= len(typed) <= MAX_SERIES:
        return _compare_refused(request, context, f"outlet: choose 2 to {MAX_SERIES} outlets (you chose {len(typed)})")
    try:
        found = _outlets_context(store, typed)
    except NotFoundError as exc:
        return _compare_refused(request, context, f"{exc}: type part of its name and choose it from the list")
    if len(found["names"]) < 2:
        return _compare_refused(request, context, f"outlet: choose 2 to {MAX_SERIES} different outlets "
                                                  f"(you chose {len(found['names'])})")
    context.update(found, typed=found["names"])  # the picker shows each name as stored
    return render(request, "compare.html", context)


def _compare_refused(request: Request, context: dict, message: str) -> Response:
    return render(request, "compare.html", {**context, "error": message}, status=400)


def _outlets_context(store: Store, asked: list[str]) -> dict:
    """Each outlet's columns and the charts of all; names as the user typed them are
    matched as the API matches them (exactly, else ignoring case)."""
    known = {summary.name: summary for summary in (find_outlet(store, name) for name in asked)}
    names = list(known)
    stats = corpus.outlet_stats(store, corpus.Filters(outlets=names))
    columns = []
    for name in names:
        one = corpus.Filters(outlets=[name])
        columns.append({
            "summary": known[name],
            "speakers": corpus.top_speakers(store, one, limit=10),
            "entities": corpus.top_entities(store, one, limit=10),
            "months": [row for row in stats if row.outlet == name],
        })
    return {"names": names, "columns": columns, "charts": rate_charts(stats, names),
            "techniques": techniques_seen(stats), "chosen": names}

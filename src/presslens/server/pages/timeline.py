"""Dated claims across the corpus, on a time axis and as a table."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from presslens import corpus
from presslens.edge import query_filters
from presslens.errors import InputError
from presslens.server.dependencies import StoreDep
from presslens.server.pages.render import render
from presslens.server.pages.timeline_chart import GROUPS, timeline_chart

router = APIRouter(prefix="/timeline", include_in_schema=False, default_response_class=HTMLResponse)


CHART_CLAIMS = 5000
TIMELINE_ROWS = 50


@router.get("")
def timeline_page(
    request: Request, store: StoreDep, outlet: str = "", since: str = "", until: str = "", entity: str = "",
    claimant: str = "", group: str = "claimant", cursor: str | None = None,
):
    """Dated claims on a time axis (the first CHART_CLAIMS by date), and a page of them as a table."""
    group = group if group in GROUPS else GROUPS[0]
    form = {"outlet": outlet, "since": since, "until": until, "entity": entity, "claimant": claimant, "group": group}
    context = {"form": form, "outlets": corpus.list_outlets(store), "groups": GROUPS, "error": None,
               "chart": None, "page": None}
    try:
        filters = query_filters(outlets=[outlet], since=since, until=until)
        chosen = {"entity": entity.strip() or None, "claimant": claimant.strip() or None}
        charted, page = corpus.timeline_pages(store, filters, **chosen, first=CHART_CLAIMS, limit=TIMELINE_ROWS,
                                              cursor=cursor)
    except InputError as exc:
        context["error"] = str(exc)
        return render(request, "timeline.html", context, status=400)
    context.update(chart=timeline_chart(charted.items, group), charted=charted, page=page, chart_limit=CHART_CLAIMS)
    return render(request, "timeline.html", context)

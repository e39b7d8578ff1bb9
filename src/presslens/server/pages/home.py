"""The start page: the corpus at a glance."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from presslens import corpus
from presslens.server.dependencies import StoreDep
from presslens.server.pages.month_chart import month_chart
from presslens.server.pages.render import db_option, render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@router.get("/")
def home(request: Request, store: StoreDep):
    """The corpus at a glance; every figure says how many articles it rests on."""
    overview = corpus.corpus_overview(store)
    return render(request, "index.html", {"overview": overview, "chart": month_chart(overview.months),
                                          "settings_db": db_option(request)})

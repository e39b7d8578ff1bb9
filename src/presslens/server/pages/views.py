"""The web pages: server-rendered Jinja2 (autoescaped) over the same library calls as
the API. Every page works without JavaScript; app.js adds tooltips and highlighting."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from presslens import __version__, corpus
from presslens.analysis import Analysis
from presslens.edge import find_outlet, query_filters, stored_article
from presslens.errors import InputError
from presslens.server.dependencies import store_of
from presslens.server.pages.article_view import build_view
from presslens.server.pages.rate_charts import MAX_SERIES, rate_charts
from presslens.server.pages.snippets import marked_pieces
from presslens.server.pages.timeline_chart import GROUPS, timeline_chart
from presslens.server.pages.techniques import TECHNIQUE_STYLES
from presslens.server.request_input import articles_from_request

TEMPLATES_DIR = Path(__file__).parent / "templates"
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    env = Jinja2Templates(directory=TEMPLATES_DIR)
    env.env.globals.update(version=__version__, technique_styles=TECHNIQUE_STYLES)
    # One path segment: a slash or '?' in an outlet name must not change the route.
    env.env.filters["q"] = lambda value: quote(str(value), safe="")
    env.env.filters["counted"] = counted
    return env


def counted(number: int, noun: str) -> str:
    """'1 claim', '2 claims', '1,204 articles': a count with its noun, singular for one."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def render(request: Request, name: str, context: dict, status: int = 200) -> HTMLResponse:
    return templates().TemplateResponse(request, name, context, status_code=status)


def error_page(request: Request, status: int, message: str) -> Response:
    return render(request, "error.html", {"status": status, "message": message}, status=status)


@router.get("/")
def home(request: Request):
    outlets = corpus.list_outlets(store_of(request))
    return render(request, "index.html", {"outlets": outlets})


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str):
    article, analysis = stored_article(store_of(request), article_id)
    return render(request, "article.html", {"view": build_view(analysis or Analysis(article=article)), "stored": True})


@router.get("/analyze")
def analyze_form(request: Request):
    return render(request, "analyze.html", {"error": None, "form": {}})


@router.post("/analyze")
async def analyze_page(request: Request):
    try:
        articles = await articles_from_request(request, limit=1)
        request.app.state.resources.check_size(articles)
    except InputError as exc:
        form = await request.form() if "form" in request.headers.get("content-type", "") else {}
        kept = {k: form.get(k) for k in ("text", "title", "outlet", "published", "url") if isinstance(form.get(k), str)}
        return render(request, "analyze.html", {"error": str(exc), "form": kept}, status=exc.http_status)
    analysis = await request.app.state.resources.analyze(articles[0])
    return render(request, "article.html", {"view": build_view(analysis), "stored": False})


@router.get("/search")
def search_page(
    request: Request, q: str = "", outlet: str = "", since: str = "", until: str = "", technique: str = "",
    cursor: str | None = None,
):
    store = store_of(request)
    form = {"q": q, "outlet": outlet, "since": since, "until": until, "technique": technique}
    context = {"form": form, "outlets": corpus.list_outlets(store), "hits": [], "next_cursor": None, "error": None}
    if q.strip():
        try:
            filters = query_filters(q.strip(), [outlet], since, until, technique)
            page = corpus.search(store, filters, limit=20, cursor=cursor)
        except InputError as exc:
            context["error"] = str(exc)
            return render(request, "search.html", context, status=400)
        context["hits"] = [{"hit": hit, "pieces": marked_pieces(hit.snippet, hit.highlights)} for hit in page.items]
        context["next_cursor"] = page.next_cursor
    return render(request, "search.html", context)


CHART_CLAIMS = 5000
TIMELINE_ROWS = 50


@router.get("/timeline")
def timeline_page(
    request: Request, outlet: str = "", since: str = "", until: str = "", entity: str = "", claimant: str = "",
    group: str = "claimant", cursor: str | None = None,
):
    """Dated claims on a time axis (the first CHART_CLAIMS by date), and a page of them as a table."""
    store = store_of(request)
    group = group if group in GROUPS else GROUPS[0]
    form = {"outlet": outlet, "since": since, "until": until, "entity": entity, "claimant": claimant, "group": group}
    context = {"form": form, "outlets": corpus.list_outlets(store), "groups": GROUPS, "error": None,
               "chart": None, "page": None}
    try:
        filters = query_filters(outlets=[outlet], since=since, until=until)
        chosen = {"entity": entity.strip() or None, "claimant": claimant.strip() or None}
        charted = corpus.timeline(store, filters, **chosen, limit=CHART_CLAIMS)
        page = corpus.timeline(store, filters, **chosen, limit=TIMELINE_ROWS, cursor=cursor)
    except InputError as exc:
        context["error"] = str(exc)
        return render(request, "timeline.html", context, status=400)
    context.update(chart=timeline_chart(charted.items, group), charted=charted, page=page, chart_limit=CHART_CLAIMS)
    return render(request, "timeline.html", context)


@router.get("/outlets/{name:path}")
def outlet_page(request: Request, name: str):
    return render(request, "outlet.html", _outlets_context(request, [name]))


@router.get("/compare")
def compare_page(request: Request, outlet: list[str] = Query(default_factory=list)):
    chosen = list(dict.fromkeys(o for o in outlet if o))
    all_outlets = corpus.list_outlets(store_of(request))
    if not 2 <= len(chosen) <= MAX_SERIES:
        message = None if not chosen else f"choose between 2 and {MAX_SERIES} outlets (you chose {len(chosen)})"
        return render(request, "compare.html", {"chosen": chosen, "all_outlets": all_outlets, "error": message},
                      status=400 if message else 200)
    context = _outlets_context(request, chosen)
    context.update(all_outlets=all_outlets, error=None)
    return render(request, "compare.html", context)


def _outlets_context(request: Request, asked: list[str]) -> dict:
    """Each outlet's columns and the charts of all; names as the user typed them are
    matched as the API matches them (exactly, else ignoring case)."""
    store = store_of(request)
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
    return {"names": names, "columns": columns, "charts": rate_charts(stats, names), "chosen": names}

"""One article: a stored one (analysed or not, and analysed on request), or a pasted one analysed
and shown without being stored (/analyze)."""

from __future__ import annotations

import shlex
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from presslens.analysis import Analysis
from presslens.edge import stored_article
from presslens.errors import InputError
from presslens.server.dependencies import ResourcesDep, StoreDep, check_token
from presslens.server.pages.analysis_jobs import start_job
from presslens.server.pages.article_view import build_view, min_score_from
from presslens.server.pages.render import db_option, render
from presslens.server.request_input import articles_from_request

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@router.get("/articles/{article_id}")
def article_page(request: Request, store: StoreDep, article_id: str, min_score: str = ""):
    """`min_score`: mark technique spans scoring at least this (0 to 1); the model card's default when empty."""
    threshold = min_score_from(min_score)
    article, analysis = stored_article(store, article_id)
    return render(request, "article.html", {
        "view": build_view(analysis or Analysis(article=article), threshold), "stored": True,
        "analysed": analysis is not None,
        "process_command": f"presslens process{db_option(request)} --id {shlex.quote(article.id)}",
        "writable": bool(request.app.state.settings.api_token),
        "story": store.stories.story_of(article.id),
    })


@router.post("/articles/{article_id}/analyze")
async def analyse_stored_page(request: Request, resources: ResourcesDep, article_id: str):
    """Analyses a stored article that has no analysis yet (the API token in the form's
    `token` field), then shows it."""
    form = await request.form()
    token = form.get("token")
    check_token(request, token if isinstance(token, str) else None)
    article, analysis = await run_in_threadpool(stored_article, resources.store, article_id)
    if analysis is None:
        analysis = await resources.analyze(article)
        await run_in_threadpool(resources.store_analysed, [article], [analysis])
    return RedirectResponse(f"/articles/{quote(article_id, safe='')}", status_code=303)


@router.get("/analyze")
def analyze_form(request: Request):
    return render(request, "analyze.html", {"error": None, "form": {}})


@router.post("/analyze")
async def analyze_page(request: Request, resources: ResourcesDep):
    try:
        articles = await articles_from_request(request, limit=1)
        resources.check_size(articles)
    except InputError as exc:
        form = await request.form() if "form" in request.headers.get("content-type", "") else {}
        kept = {k: form.get(k) for k in ("text", "title", "outlet", "published", "url", "address")
                if isinstance(form.get(k), str)}
        return render(request, "analyze.html", {"error": str(exc), "form": kept}, status=exc.http_status)
    if resources.is_long(articles[0]):
        return await start_job(resources, articles[0])
    analysis = await resources.analyze(articles[0])
    # the view and the page of up to analyze_quick_chars of text: off the event loop
    return await run_in_threadpool(
        lambda: render(request, "article.html", {"view": build_view(analysis), "stored": False})
    )

"""/analyze/jobs/{id}: a long pasted or uploaded text's analysis, run as a job (server/jobs.py).
While it runs the page says how far it is, and analysis_job.js polls the job's API address
and reloads the page when it is done; then the page is the article view of the result."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from presslens.analysis import Analysis
from presslens.article import Article
from presslens.server.dependencies import ResourcesDep
from presslens.server.pages.article_view import build_view
from presslens.server.pages.render import error_page, render
from presslens.server.resources import Resources
from presslens.server.routers.analyze import job_url

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


async def start_job(resources: Resources, article: Article) -> Response:
    """Queues the article's analysis and sends the browser to the job's page (a reload there
    polls; it does not post the text again)."""
    state = await run_in_threadpool(resources.jobs.submit, article)
    return RedirectResponse(f"/analyze/jobs/{state['job']}", status_code=303)


@router.get("/analyze/jobs/{job_id}")
def analysis_job_page(request: Request, resources: ResourcesDep, job_id: str):
    state = resources.jobs.state(job_id)
    if state["state"] == "done":
        return render(request, "article.html", {"view": build_view(Analysis.from_dict(state["result"])),
                                                "stored": False})
    if state["state"] == "failed":
        return error_page(request, state["status"], state["error"])
    return render(request, "analysis_job.html", {"job": state, "api_url": job_url(job_id)})

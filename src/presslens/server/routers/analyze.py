"""POST /api/analyze: one article analysed and returned, nothing stored; a long one as a job,
polled at GET /api/analyze/jobs/{id} (server/jobs.py)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from presslens.server.dependencies import ERRORS, ResourcesDep
from presslens.server.request_input import ONE_ARTICLE, article_body, articles_from_request
from presslens.server.schemas import AnalysisJobOut, AnalysisOut

router = APIRouter(prefix="/analyze", tags=["analyze"], responses=ERRORS)


def job_url(job_id: str) -> str:
    return f"/api/analyze/jobs/{job_id}"


def job_body(state: dict) -> dict:
    """A job's state as the API answers it: with its address, the result in the JSON contract."""
    return {**state, "url": job_url(state["job"])}


@router.post(
    "", response_model=AnalysisOut, openapi_extra={"requestBody": article_body(ONE_ARTICLE)},
    responses={202: {"model": AnalysisJobOut, "description": "A long text: its analysis job, to poll at `url`."}},
    summary="Analyse one article without storing it",
)
async def analyze(request: Request, resources: ResourcesDep) -> dict | JSONResponse:
    """Send JSON `{"text": ..., "title": ..., "outlet": ..., "published": ...}` or a form
    with `text` or an uploaded `file` (text, HTML, JSON, JSONL, CSV, feed). Returns the
    analysis in the JSON contract. Nothing is stored. A text over PRESSLENS_ANALYZE_QUICK_CHARS
    characters (20,000 by default) is answered at once with 202 and a job to poll at its
    `url` (and the Location header) for progress and, when done, the same analysis."""
    articles = await articles_from_request(request, limit=1)
    resources.check_size(articles)
    if resources.is_long(articles[0]):
        state = await run_in_threadpool(resources.jobs.submit, articles[0])
        return JSONResponse(job_body(state), status_code=202, headers={"Location": job_url(state["job"])})
    analysis = await resources.analyze(articles[0])
    return analysis.to_dict()


@router.get("/jobs/{job_id}", response_model=AnalysisJobOut, summary="A long text's analysis job")
def analysis_job(job_id: str, resources: ResourcesDep) -> dict:
    """The job's state (queued, running, done or failed), the pipeline components `done` of
    `total`, and once done the analysis in the JSON contract. 404 for an unknown id or one
    that has expired (PRESSLENS_ANALYZE_JOB_TTL_S after its last progress)."""
    return job_body(resources.jobs.state(job_id))

"""POST /api/analyze: one article analysed and returned, nothing stored."""

from __future__ import annotations

from fastapi import APIRouter, Request

from presslens.server.dependencies import ERRORS, ResourcesDep
from presslens.server.request_input import ONE_ARTICLE, article_body, articles_from_request
from presslens.server.schemas import AnalysisOut

router = APIRouter(prefix="/analyze", tags=["analyze"], responses=ERRORS)


@router.post(
    "", response_model=AnalysisOut, openapi_extra={"requestBody": article_body(ONE_ARTICLE)},
    summary="Analyse one article without storing it",
)
async def analyze(request: Request, resources: ResourcesDep) -> dict:
    """Send JSON `{"text": ..., "title": ..., "outlet": ..., "published": ...}` or a form
    with `text` or an uploaded `file` (text, HTML, JSON, JSONL, CSV, feed). Returns the
    analysis in the JSON contract. Nothing is stored."""
    articles = await articles_from_request(request, limit=1)
    analysis = await resources.analyze(articles[0])
    return analysis.to_dict()

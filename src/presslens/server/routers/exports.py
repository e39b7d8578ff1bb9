"""GET /api/export/{what}: every matching row as CSV or JSON Lines, streamed.

The bytes come from the same writers as `presslens export`. Parquet is left to the CLI:
its writer needs the optional pyarrow, which a server need not have."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from presslens.edge import stored_export
from presslens.server.dependencies import ERRORS, FiltersDep, StoreDep

MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson"}

router = APIRouter(prefix="/export", tags=["export"], responses=ERRORS)


@router.get(
    "/{what}", summary="Export rows as CSV or JSONL (streamed)",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}}, "description": "The rows."}},
)
def export(
    f: FiltersDep, store: StoreDep,
    what: Literal["articles", "quotes", "techniques", "entities", "claims", "framing"],
    fmt: Literal["csv", "jsonl"] = Query("csv", alias="format", description="csv or jsonl."),
) -> StreamingResponse:
    """Every matching row, streamed so that a large corpus never sits in memory."""
    headers = {"Content-Disposition": f'attachment; filename="presslens-{what}.{fmt}"'}
    return StreamingResponse(stored_export(store, what, f, fmt), media_type=MEDIA_TYPES[fmt], headers=headers)

"""Quote provenance pages: the quotes repeated in the most outlets (/quotes) and one quote's
appearances across the corpus (/quotes/{id}), linked from each quote on a stored article's page."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from presslens.corpus.provenance import recurring_quotes, trace_quote
from presslens.server.dependencies import StoreDep
from presslens.server.pages.render import render

router = APIRouter(prefix="/quotes", include_in_schema=False, default_response_class=HTMLResponse)


RECURRING_SHOWN = 50


@router.get("")
def recurring_page(request: Request, store: StoreDep):
    """How many quotes recur across articles, and the RECURRING_SHOWN in the most outlets."""
    return render(request, "quotes.html", {"found": recurring_quotes(store, limit=RECURRING_SHOWN)})


@router.get("/{quote_id}")
def trace_page(request: Request, store: StoreDep, quote_id: str):
    """Every appearance of the quote, first published first, with the words changed since the first."""
    return render(request, "quote_trace.html", {"appearances": trace_quote(store, quote_id),
                                                "quote_id": quote_id})

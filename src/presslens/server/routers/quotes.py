"""/api/quotes: quote provenance: the quotes repeated most, one quote's appearances across the corpus."""

from __future__ import annotations

from fastapi import APIRouter, Path, Query

from presslens.corpus import provenance
from presslens.server.dependencies import ERRORS, StoreDep, plain

router = APIRouter(prefix="/quotes", tags=["quotes"], responses=ERRORS)


@router.get("/recurring", response_model=provenance.RecurringQuotes,
            summary="The quotes repeated in the most outlets")
def recurring(store: StoreDep, limit: int = Query(20, ge=1, le=500)) -> dict:
    """How many grouped quotes recur in two or more articles, and the `limit` groups in the most
    outlets (then articles), each with its first appearance (first in this corpus). Reads the groups as
    `presslens quotes group` last left them."""
    return plain(provenance.recurring_quotes(store, limit=limit))


@router.get("/{quote_id}/trace", response_model=list[provenance.Appearance],
            summary="Where one quote appeared across the corpus")
def trace(store: StoreDep, quote_id: str = Path(max_length=40, description="ARTICLE-N: the article's id and the "
                                                "quote's position in its latest analysis, from 0.")) -> list[dict]:
    """Every appearance of the quote, its exact repeats, excerpts and lightly edited versions
    (docs/quotes.md, "Provenance"), dated ones by publication date, undated last; the first
    is marked `first` (first in this corpus). Each says how it differs from the first: the
    relation, the words added, dropped and replaced, and the word diff. Reads the groups as
    `presslens quotes group` last left them: 404 for a quote saved since. 400 for a malformed
    id or a quote under six words, 404 for an unknown one."""
    return [plain(a) for a in provenance.trace_quote(store, quote_id)]

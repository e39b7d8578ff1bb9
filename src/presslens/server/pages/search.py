"""Full-text search over the corpus, with totals, highlights and analysed marks."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from presslens import corpus
from presslens.edge import query_filters
from presslens.errors import InputError
from presslens.server.dependencies import StoreDep
from presslens.server.pages.render import render
from presslens.server.pages.snippets import marked_pieces

router = APIRouter(prefix="/search", include_in_schema=False, default_response_class=HTMLResponse)


@router.get("")
def search_page(
    request: Request, store: StoreDep, q: str = "", outlet: str = "", since: str = "", until: str = "",
    technique: str = "", cursor: str | None = None,
):
    form = {"q": q, "outlet": outlet, "since": since, "until": until, "technique": technique}
    context = {"form": form, "outlets": corpus.list_outlets(store), "hits": [], "next_cursor": None, "error": None,
               "page": None}
    if q.strip():
        try:
            filters = query_filters(q.strip(), [outlet], since, until, technique)
            page = corpus.search(store, filters, limit=20, cursor=cursor)
        except InputError as exc:
            context["error"] = str(exc)
            return render(request, "search.html", context, status=400)
        context["hits"] = [{"hit": hit, "pieces": marked_pieces(hit.snippet, hit.highlights),
                            "title_pieces": marked_pieces(hit.title or "", hit.title_highlights)} for hit in page.items]
        context["next_cursor"] = page.next_cursor
        context["page"] = page
    return render(request, "search.html", context)

"""An entity across the corpus: its names, its roles per outlet and month, the sentences that show them."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from presslens import corpus
from presslens.analyzers.framing.roles import MAIN_ROLES as ROLES
from presslens.edge import query_filters
from presslens.errors import InputError
from presslens.server.dependencies import StoreDep
from presslens.server.pages.render import render
from presslens.server.pages.role_chart import role_chart

router = APIRouter(prefix="/entities", include_in_schema=False, default_response_class=HTMLResponse)


ENTITY_EVIDENCE = 5


@router.get("/{name:path}")
def entity_page(request: Request, store: StoreDep, name: str, outlet: str = "", since: str = "", until: str = ""):
    """How the outlets cast one entity (a name or alias, as the top-entity lists give it):
    its names, its roles per outlet and month, the sentences that show each role."""
    form = {"outlet": outlet, "since": since, "until": until}
    context = {"name": name, "form": form, "outlets": corpus.list_outlets(store), "error": None, "framing": None,
               "chart": None, "roles": ROLES}
    try:
        framing = corpus.entity_framing(store, name, query_filters(outlets=[outlet], since=since, until=until),
                                        evidence=ENTITY_EVIDENCE)
    except InputError as exc:
        context["error"] = str(exc)
        return render(request, "entity.html", context, status=400)
    context.update(framing=framing, chart=role_chart(framing))
    return render(request, "entity.html", context)

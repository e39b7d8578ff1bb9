"""People across the corpus: the most quoted (narrowed by name, outlet, dates or the words of
the articles quoting them) and one person in full."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from presslens import corpus
from presslens.analyzers.framing.roles import MAIN_ROLES as ROLES
from presslens.corpus import people as corpus_people
from presslens.edge import query_filters
from presslens.errors import InputError, NotFoundError
from presslens.server.dependencies import StoreDep
from presslens.server.pages.outlets import page_number
from presslens.server.pages.rate_charts import MonthValue, count_chart
from presslens.server.pages.render import render

router = APIRouter(prefix="/people", include_in_schema=False, default_response_class=HTMLResponse)

PEOPLE_PER_PAGE = 50
KINDS = {"person": "People", "org": "Organisations"}  # the choices list_people takes, as the form labels them


@router.get("")
def people_page(request: Request, store: StoreDep, name: str = "", q: str = "", outlet: str = "", since: str = "",
                until: str = "", kind: str = "person", page: str = "1"):
    """The most quoted people (or organisations), PEOPLE_PER_PAGE a page. `q` narrows to the
    articles holding those words: who is quoted on a subject."""
    form = {"name": name, "q": q, "outlet": outlet, "since": since, "until": until, "kind": kind}
    context = {"form": form, "kinds": KINDS, "outlets": corpus.list_outlets(store), "people": None, "error": None,
               "page": 1, "more": False}
    try:
        number = page_number(page)
        filters = query_filters(q, [outlet], since, until)
        found = corpus_people.list_people(store, filters, kind=kind, limit=PEOPLE_PER_PAGE + 1,
                                          offset=(number - 1) * PEOPLE_PER_PAGE, name=name)
    except InputError as exc:
        context["error"] = str(exc)
        return render(request, "people.html", context, status=400)
    context.update(people=found[:PEOPLE_PER_PAGE], page=number, more=len(found) > PEOPLE_PER_PAGE,
                   first_rank=(number - 1) * PEOPLE_PER_PAGE + 1)
    return render(request, "people.html", context)


@router.get("/{person_id}")
def person_page(request: Request, store: StoreDep, person_id: str):
    """One person across the corpus: names, quotes by outlet and month (a chart and its
    table), the outlets quoting them most, how each outlet casts them, why each name is linked."""
    if not (person_id.isascii() and person_id.isdigit()) or len(person_id) > 18:
        raise NotFoundError(f"person {person_id[:40]!r} not found")
    person = corpus_people.person_detail(store, int(person_id))
    chart = count_chart(f"Quotes of {person.name}", "quote", "quoting article",
                        [MonthValue(m.outlet, m.month, m.quotes, m.articles) for m in person.months],
                        articles=sum(m.articles for m in person.months))
    return render(request, "person.html", {"person": person, "roles": ROLES, "chart": chart})

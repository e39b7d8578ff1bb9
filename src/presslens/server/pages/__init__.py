"""The HTML pages: Jinja2 templates, static files, and one module of routes per resource
(home, outlets, articles, analysis jobs, quotes, search, timeline, entities, people and
stories) over the same library calls as the API. Every page works without JavaScript;
app.js adds tooltips and highlighting."""

from presslens.server.pages import (
    analysis_jobs,
    articles,
    entities,
    home,
    outlets,
    people,
    quotes,
    search,
    stories,
    timeline,
)

# "/outlets" (the list) comes before "/outlets/{name:path}" within outlets.router, "/people" before "/people/{id}".
PAGE_ROUTERS = [
    module.router
    for module in (home, outlets, articles, analysis_jobs, quotes, search, timeline, entities, people, stories)
]

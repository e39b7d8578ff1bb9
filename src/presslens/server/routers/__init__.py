"""One router module per API resource, each with its path prefix and its OpenAPI tag;
`api_router` holds them all under /api, in the order the API docs list them."""

from fastapi import APIRouter

from presslens.server.routers import (
    analyze,
    articles,
    docs,
    entities,
    exports,
    outlets,
    overview,
    people,
    quotes,
    search,
    speakers,
    stories,
    timeline,
)

api_router = APIRouter(prefix="/api")
for resource in (overview, analyze, articles, search, outlets, speakers, people, quotes, stories, entities, timeline,
                 exports, docs):
    api_router.include_router(resource.router)

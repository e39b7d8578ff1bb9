"""The API's documentation: the OpenAPI schema and a self-contained page at /api/docs.

Swagger UI would load its scripts from a CDN; instead the page is rendered on the
server from the schema itself, so it works offline and under the strict CSP.
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse

from presslens.server.pages.render import render
from presslens.server.schemas import ArticleIn

router = APIRouter(prefix="/docs")
METHODS = ("get", "post", "put", "patch", "delete")


def install_openapi(app: FastAPI) -> None:
    """Adds the request-body schemas that routes read by hand (JSON or form) to the
    generated schema, so that `$ref`s to them resolve."""

    def openapi() -> dict:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title, version=app.version, description=app.description, routes=app.routes,
            )
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            components.setdefault("ArticleIn", ArticleIn.model_json_schema(ref_template="#/components/schemas/{model}"))
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def operations(schema: dict) -> list[dict]:
    """Each operation of the schema, flattened for the docs page."""
    found = []
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            found.append({
                "method": method.upper(), "path": path, "summary": op.get("summary", ""),
                "description": code_pieces(op.get("description", "")),
                "parameters": [
                    {"name": p["name"], "in": p["in"], "required": p.get("required", False),
                     "description": p.get("description", "")}
                    for p in op.get("parameters", [])
                ],
                "body": sorted(op.get("requestBody", {}).get("content", {})),
                "secured": bool(op.get("security")),
                "responses": sorted(op.get("responses", {})),
            })
    return found


def code_pieces(markdown: str) -> list[tuple[str, bool]]:
    """Text cut at backticks into (piece, is_code) pairs: the one bit of Markdown the
    route docstrings use, drawn as <code> by the template (escaped like everything else)."""
    return [(piece, i % 2 == 1) for i, piece in enumerate(markdown.split("`")) if piece]


@router.get("", include_in_schema=False, response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    schema = request.app.openapi()
    return render(request, "api_docs.html", {"info": schema["info"], "operations": operations(schema)})

"""The presslens web app: one FastAPI app serving the REST API under /api and the pages.

`create_app(settings)` builds everything; nothing (store, model) is built at import time
or even at app creation: the store opens on the first request that needs it and the
pipeline loads on the first analysis. Errors become a JSON `{"error": message}` under
/api and an HTML page elsewhere, never a stack trace.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from presslens import __version__
from presslens.config import Settings, get_settings
from presslens.edge import http_error
from presslens.errors import PresslensError, StoreBusy
from presslens.server.middleware import BodySizeLimit, HostAllowlist, SecurityHeaders, require_same_origin
from presslens.server.page_cache import PageCache
from presslens.server.pages import PAGE_ROUTERS
from presslens.server.pages.render import error_page
from presslens.server.resources import Resources
from presslens.server.routers import api_router, docs

STATIC_DIR = Path(__file__).parent / "pages" / "static"
log = logging.getLogger("presslens.server.app")


def create_app(settings: Settings | None = None, pipeline=None, bound_host: str = "127.0.0.1") -> FastAPI:
    """The app. `pipeline` replaces the default pipeline (anything with `.analyze`); `bound_host`
    is the address the server listens on, which with `settings.allowed_hosts` decides the
    hosts it answers to (middleware.HostAllowlist)."""
    settings = settings or get_settings()
    resources = Resources(settings, pipeline)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        resources.close()

    app = FastAPI(
        title="presslens",
        version=__version__,
        description="How news articles persuade: techniques, quotes, entities, dates, outlets.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
        # every POST: a browser's must come from this server's own pages (CSRF)
        dependencies=[Depends(require_same_origin)],
    )
    app.state.settings = settings
    app.state.resources = resources
    app.add_middleware(PageCache, ttl_s=settings.page_cache_s)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_request_bytes)
    app.add_middleware(SecurityHeaders)
    # outermost: a request for a host not served here reaches nothing, not even the cache
    app.add_middleware(HostAllowlist, bound_host=bound_host, allowed=settings.allowed_hosts)
    _add_error_handlers(app)
    app.include_router(api_router)
    for pages in PAGE_ROUTERS:
        app.include_router(pages)
    docs.install_openapi(app)
    app.add_api_route("/favicon.ico", favicon, include_in_schema=False)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


def favicon() -> FileResponse:
    """The icon at the address every browser and feed reader asks for, whatever the page links."""
    return FileResponse(STATIC_DIR / "favicon.ico", media_type="image/x-icon",
                        headers={"Cache-Control": "public, max-age=86400"})


def _add_error_handlers(app: FastAPI) -> None:
    def respond(request: Request, status: int, message: str) -> Response:
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": message}, status_code=status)
        return error_page(request, status, message)

    @app.exception_handler(PresslensError)
    async def presslens_error(request: Request, exc: PresslensError) -> Response:
        response = respond(request, *http_error(exc))
        if isinstance(exc, StoreBusy):
            response.headers["Retry-After"] = str(exc.retry_after)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_exception(request: Request, exc: StarletteHTTPException) -> Response:
        response = respond(request, exc.status_code, str(exc.detail))
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return respond(request, 422, _validation_message(exc))

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return respond(request, 500, "internal error; the server log has the details")


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors()[:3]:
        where = ".".join(str(p) for p in error.get("loc", ()) if p != "body") or "request"
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts)

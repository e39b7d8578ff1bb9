"""Rendering the pages: the Jinja2 environment (autoescaped) with the project's filters, a
page or an error page as a response, and the bits of text several pages share."""

from __future__ import annotations

import shlex
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from presslens import __version__
from presslens.config import Settings
from presslens.edge import counted
from presslens.pipeline_version import PIPELINE_VERSION
from presslens.server.pages.techniques import TECHNIQUE_STYLES, technique_name

TEMPLATES_DIR = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    env = Jinja2Templates(directory=TEMPLATES_DIR)
    env.env.globals.update(version=__version__, pipeline_version=PIPELINE_VERSION, technique_styles=TECHNIQUE_STYLES)
    # One path segment: a slash or '?' in an outlet name must not change the route.
    env.env.filters["q"] = lambda value: quote(str(value), safe="")
    env.env.filters["counted"] = counted
    env.env.filters["thousands"] = lambda number: f"{number:,}"
    env.env.globals.update(share=share, technique_name=technique_name)
    return env


def share(part: int, whole: int) -> str:
    """'0.8%', '<0.1%', '100%': a part of a whole as a percentage a reader can take in at a glance."""
    if not whole:
        return "0%"
    percent = 100 * part / whole
    if 0 < percent < 0.1:
        return "<0.1%"
    return f"{percent:.1f}%" if percent < 10 else f"{percent:.0f}%"


def render(request: Request, name: str, context: dict, status: int = 200) -> HTMLResponse:
    return templates().TemplateResponse(request, name, context, status_code=status)


def error_page(request: Request, status: int, message: str) -> Response:
    return render(request, "error.html", {"status": status, "message": message}, status=status)


def db_option(request: Request) -> str:
    """' --db URL' (its password hidden) for the commands a page suggests, or '' for the default store."""
    # deferred: SQLAlchemy loads with the store
    from sqlalchemy.engine import make_url

    db = request.app.state.settings.db
    if db == Settings.model_fields["db"].default:
        return ""
    return f" --db {shlex.quote(make_url(db).render_as_string(hide_password=True))}"

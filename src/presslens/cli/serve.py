"""CLI command that serves the REST API and the web pages."""

from __future__ import annotations

import socket

import typer

from presslens.config import get_settings
from presslens.edge import exit_on_error
from presslens.errors import InputError
from presslens.store import open_store

SHUTDOWN_GRACE_S = 3


def register(app: typer.Typer) -> None:
    """Adds `serve` to the main app."""
    app.command()(serve)


def serve(
    db: str = typer.Option(None, "--db", help="Store URL (default: PRESSLENS_DB, else sqlite:///presslens.db)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; loopback unless given."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    allowed_host: list[str] = typer.Option(
        [], "--allowed-host", help="A host name the server answers to besides the address it listens on "
                                   "(repeatable; PRESSLENS_ALLOWED_HOSTS adds more).",
    ),
) -> None:
    """Serve the web app and the REST API (/api, docs at /api/docs)."""
    # Deferred: the web server, FastAPI and the app load only for `serve`.
    import uvicorn

    from presslens.server.app import create_app

    settings = get_settings()
    if db:
        settings = settings.model_copy(update={"db": db})
    settings = settings.model_copy(update={"allowed_hosts": [*settings.allowed_hosts, *allowed_host]})
    with exit_on_error():
        open_store(settings.db).close()
        listener = bound_socket(host, port)
    mode = "read-write (token set)" if settings.api_token else "read-only (no PRESSLENS_API_TOKEN)"
    typer.echo(f"presslens serving {settings.db} on http://{host}:{port}/ ({mode})", err=True)
    # On SIGTERM or Ctrl-C, requests in flight get SHUTDOWN_GRACE_S to finish before they
    # are cancelled; a search in a worker thread stops by itself within
    # PRESSLENS_QUERY_TIMEOUT_S, so the process exits within seconds.
    config = uvicorn.Config(create_app(settings, bound_host=host), host=host, port=port, log_level="warning",
                            timeout_graceful_shutdown=SHUTDOWN_GRACE_S)
    uvicorn.Server(config).run(sockets=[listener])


def bound_socket(host: str, port: int) -> socket.socket:
    """The listening socket, bound before anything says "serving": a busy port or an
    address this machine does not have fails here, in one line."""
    listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, port))
    except OSError as exc:
        listener.close()
        raise InputError(f"{host}:{port}", f"cannot listen there ({exc.strerror or exc})") from None
    listener.listen(2048)
    listener.set_inheritable(True)
    return listener

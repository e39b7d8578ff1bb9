"""CLI command that serves the REST API and the web pages."""

from __future__ import annotations

import os
import socket
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import typer

from presslens.config import Settings, get_settings
from presslens.edge import exit_on_error
from presslens.errors import InputError
from presslens.store import open_store

SHUTDOWN_GRACE_S = 3
# An idle keep-alive connection stays open this long. uvicorn's 5 s raced the clients' own
# idle limits (httpx's is 5 s too): on a busy machine a client sent its next request just
# as the server closed the connection, and the request ended in a reset with nothing in the
# log. Longer than any common client's idle limit, so the client is the one that closes.
KEEP_ALIVE_S = 75
# Connections the kernel holds for a worker that has not accepted them yet.
BACKLOG = 2048


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
    workers: int = typer.Option(None, "--workers", min=1,
                                help="Server processes sharing the port (default: one per CPU core)."),
) -> None:
    """Serve the web app and the REST API (/api, docs at /api/docs)."""
    with exit_on_error():
        settings = get_settings()
        if db:
            settings = settings.model_copy(update={"db": db})
        settings = settings.model_copy(update={"allowed_hosts": [*settings.allowed_hosts, *allowed_host]})
        open_store(settings.db).close()
        listener = bound_socket(host, port)
    mode = "read-write (token set)" if settings.api_token else "read-only (no PRESSLENS_API_TOKEN)"
    workers = workers or default_workers()
    typer.echo(f"presslens serving {settings.db} on http://{host}:{port}/ ({mode}; {workers} "
               f"{'worker' if workers == 1 else 'workers'})", err=True)
    with jobs_shared(settings) as settings:
        run_workers(settings, listener, host, workers)


@contextmanager
def jobs_shared(settings: Settings) -> Iterator[Settings]:
    """The settings with a jobs folder every worker reads (server/jobs.py: a job's poll may
    reach another worker than the one running it): PRESSLENS_JOBS_DIR, else a temporary
    folder removed when the server stops."""
    if settings.jobs_dir is not None:
        yield settings
        return
    with tempfile.TemporaryDirectory(prefix="presslens-jobs-") as folder:
        yield settings.model_copy(update={"jobs_dir": Path(folder)})


def default_workers() -> int:
    """One worker process per CPU core this process may use: a worker runs Python on one
    core at a time, so fewer leave cores idle under load and more only add memory."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_workers(settings: Settings, listener: socket.socket, host: str, workers: int) -> None:
    """Serves on the bound socket until SIGTERM or Ctrl-C: in this process for one worker,
    else in `workers` processes that each build the app from the same settings and accept
    from the same socket (uvicorn's supervisor restarts one that dies)."""
    # Deferred: the web server, FastAPI and the app load only for `serve`.
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from presslens.server.app import create_app

    # On SIGTERM or Ctrl-C, requests in flight get SHUTDOWN_GRACE_S to finish before they
    # are cancelled; a search in a worker thread stops by itself within
    # PRESSLENS_QUERY_TIMEOUT_S, so the process exits within seconds.
    config = uvicorn.Config(partial(create_app, settings, bound_host=host), factory=True, workers=workers,
                            log_level="warning", timeout_graceful_shutdown=SHUTDOWN_GRACE_S,
                            timeout_keep_alive=KEEP_ALIVE_S, backlog=BACKLOG)
    if workers == 1:
        uvicorn.Server(config).run(sockets=[listener])
    else:
        Multiprocess(config, sockets=[listener]).run()


def bound_socket(host: str, port: int) -> socket.socket:
    """The listening socket, bound before anything says "serving": a busy port or an
    address this machine does not have fails here, in one line."""
    # IPPROTO_TCP, not the default 0: asyncio turns Nagle off (TCP_NODELAY) only on sockets that
    # say TCP, and without that a response written in two parts waited 40 ms for the client's
    # delayed ACK (most pages took 45 ms where 3 would do).
    listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM,
                             socket.IPPROTO_TCP)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, port))
    except OSError as exc:
        listener.close()
        raise InputError(f"{host}:{port}", f"cannot listen there ({exc.strerror or exc})") from None
    listener.listen(BACKLOG)
    listener.set_inheritable(True)
    return listener

"""CLI command that serves the REST API and the web pages."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Adds `serve` to the main app."""

    @app.command()
    def serve(
        db: str = typer.Option(None, "--db", help="Store URL (default: PRESSLENS_DB, else sqlite:///presslens.db)."),
        host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; loopback unless told otherwise."),
        port: int = typer.Option(8000, "--port", help="Port to listen on."),
    ) -> None:
        """Serve the web app and the REST API (/api, docs at /api/docs)."""
        import uvicorn

        from presslens.server.app import create_app
        from presslens.config import get_settings
        from presslens.errors import PresslensError

        settings = get_settings()
        if db:
            settings = settings.model_copy(update={"db": db})
        try:
            from presslens.store import open_store

            open_store(settings.db).close()
        except PresslensError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from exc
        mode = "read-write (token set)" if settings.api_token else "read-only (no PRESSLENS_API_TOKEN)"
        typer.echo(f"presslens serving {settings.db} on http://{host}:{port}/ ({mode})", err=True)
        uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")

"""The presslens web server: the REST API under /api and the HTML pages, over the library."""

from presslens.server.app import create_app

__all__ = ["create_app"]

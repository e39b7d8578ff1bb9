"""The site's icon: at /favicon.ico, where browsers and feed readers ask, and linked from every page."""

from __future__ import annotations

import io

from fastapi.testclient import TestClient
from PIL import Image  # comes with matplotlib

from presslens.config import Settings
from presslens.server.app import create_app
from support.dom import Dom


def test_the_favicon_is_served_and_every_page_links_it(tmp_path):
    with TestClient(create_app(Settings(db=f"sqlite:///{tmp_path / 'icon.db'}")),
                    raise_server_exceptions=False) as client:
        icon = client.get("/favicon.ico")
        assert icon.status_code == 200 and icon.headers["content-type"] == "image/x-icon"
        assert Image.open(io.BytesIO(icon.content)).info["sizes"] == {(16, 16), (32, 32)}
        for path in ("/", "/analyze", "/articles/nope"):  # an error page too
            links = [link["href"] for link in Dom(client.get(path).text).tags("link") if link.get("rel") == "icon"]
            assert links == ["/static/favicon.svg", "/favicon.ico"], path
            for href in links:
                linked = client.get(href)
                assert linked.status_code == 200 and linked.headers["content-type"].startswith("image/"), href

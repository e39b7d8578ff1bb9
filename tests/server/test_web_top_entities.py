"""The outlet page and /api/entities list a person written several ways once, linking to the
person (tests/support/linked_names.py)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from presslens.config import Settings
from presslens.server.app import create_app
from support.dom import Dom
from support.linked_names import OUTLET, store_linked_names


def test_the_outlet_page_lists_the_person_once_linking_to_the_person(store_url):
    with TestClient(create_app(Settings(db=store_linked_names(store_url))), raise_server_exceptions=False) as client:
        html = client.get(f"/outlets/{OUTLET}").text
        entities = [e for e in client.get("/api/entities").json() if "Lindqvist" in e["name"]]
        assert [(e["name"], e["mentions"]) for e in entities] == [("Rosa P. Lindqvist", 5)]
        person = entities[0]["person_id"]
    listed = html[html.index("<h3>Top entities</h3>"):]
    listed = listed[:listed.index("</ol>")]
    assert listed.count("Lindqvist") == 1
    links = [a["href"] for a in Dom(listed).tags("a")]
    assert f"/people/{person}" in links and "/entities/Nordvik" in links

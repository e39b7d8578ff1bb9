"""GET /api/export for an outlet the store does not have: a one-line 404, not a file of
headers that looks like an outlet without rows."""

from __future__ import annotations

from fastapi.testclient import TestClient

from presslens.config import Settings
from presslens.server.app import create_app
from support.web_corpus import build_store


def test_an_export_for_an_unknown_outlet_is_a_404_naming_it(tmp_path):
    with TestClient(create_app(Settings(db=build_store(tmp_path / "exports.db"))),
                    raise_server_exceptions=False) as client:
        known = client.get("/api/export/quotes", params={"format": "csv", "outlet": "harbour daily"})
        assert known.status_code == 200 and len(known.text.splitlines()) == 2  # header and Ruiz's quote
        for fmt in ("csv", "jsonl"):
            unknown = client.get("/api/export/quotes", params={"format": fmt, "outlet": "Harbor Dailly"})
            assert unknown.status_code == 404
            assert unknown.json() == {"error": "outlet 'Harbor Dailly' not found"}

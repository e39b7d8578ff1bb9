"""Text pasted into /analyze is read as `presslens analyze` reads a text file: the agency
header on line 1 gives the date and outlet and leaves the analysed text."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from presslens.config import Settings
from presslens.readers import read_articles
from presslens.server.app import create_app
from support.paths import EXAMPLES
from support.web_corpus import build_store


@pytest.fixture()
def client(tmp_path, monkeypatch):
    import presslens.pipeline as pipeline_module
    from presslens.pipeline import COMPONENTS, Pipeline

    monkeypatch.setattr(
        pipeline_module,
        "default_pipeline",
        lambda: Pipeline(
            [c for c in COMPONENTS if c not in ("presslens_techniques", "presslens_claims", "presslens_scores")]
        ),
    )
    with TestClient(create_app(Settings(db=build_store(tmp_path / "web.db"))), raise_server_exceptions=False) as c:
        yield c


def test_a_pasted_agency_report_gets_the_date_and_outlet_the_cli_reads(client):
    path = EXAMPLES / "agency_report.txt"
    [cli] = list(read_articles(path))
    assert cli.outlet and cli.published  # the example does carry the header
    response = client.post("/api/analyze", data={"text": path.read_text(encoding="utf-8")})
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["article"]["outlet"], body["article"]["published"], body["article"]["text"]) == (
        cli.outlet, cli.published.isoformat(), cli.text)
    page = client.post("/analyze", data={"text": path.read_text(encoding="utf-8")}).text
    assert f'<time datetime="{cli.published.isoformat()}">' in page and cli.outlet in page
    assert "date 2019" not in page


def test_the_forms_own_fields_win_over_the_header(client):
    text = (EXAMPLES / "agency_report.txt").read_text(encoding="utf-8")
    body = client.post("/api/analyze", data={"text": text, "outlet": "Desk Copy", "published": "2020-02-02"}).json()
    assert (body["article"]["outlet"], body["article"]["published"]) == ("Desk Copy", "2020-02-02")


def test_a_header_without_a_body_is_a_400_naming_the_form_text(client):
    response = client.post("/api/analyze", data={"text": "date 2019-11-03 By SOME AGENCY\n\n"})
    assert response.status_code == 400
    assert response.json()["error"].startswith("form text:")

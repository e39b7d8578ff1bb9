"""The guards in front of every route: a browser's post from another site is refused (403),
and so is a request for a host this server does not serve (400: DNS rebinding)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from presslens.analysis import Analysis
from presslens.config import Settings
from presslens.server.app import create_app

TEXT_FORM = {"text": "Ranger Ida Moss said the north trail reopens in May."}


class QuickPipeline:
    """Analyses nothing, at once: these tests are about what reaches the pipeline."""

    def analyze(self, article):
        return Analysis(article=article, pipeline={"version": "test", "models": {}})


def make_client(tmp_path, **settings) -> TestClient:
    app = create_app(Settings(db=f"sqlite:///{tmp_path / 'guards.db'}", **settings), pipeline=QuickPipeline())
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture()
def client(tmp_path):
    with make_client(tmp_path) as c:
        yield c


def test_pages_keep_the_referrer_to_themselves(client):
    # same-origin, not no-referrer: under no-referrer chromium posts the app's own forms as `Origin: null`
    assert client.get("/analyze").headers["referrer-policy"] == "same-origin"


@pytest.mark.parametrize("headers", [
    {"Origin": "null", "Sec-Fetch-Site": "cross-site"},
    {"Origin": "null", "Sec-Fetch-Site": "same-site"},
    {"Origin": "null"},
    {"Origin": "https://evil.example"},
    {"Origin": "https://evil.example", "Sec-Fetch-Site": "same-origin"},
])
@pytest.mark.parametrize("path", ["/analyze", "/api/analyze"])
def test_a_post_from_another_site_is_refused(client, path, headers):
    refused = client.post(path, data=TEXT_FORM, headers=headers)
    assert refused.status_code == 403
    assert "cross-site request refused" in refused.text


@pytest.mark.parametrize("path", ["/analyze", "/api/analyze"])
def test_a_post_with_a_null_origin_from_the_same_origin_passes(client, path):
    # what chromium sends for the app's own form when it withholds the origin
    answer = client.post(path, data=TEXT_FORM, headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"})
    assert answer.status_code == 200

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
    {"Origin": "http://["},  # no URL at all: refused, never a server error
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


def test_a_request_for_another_host_is_refused_even_with_its_own_origin(client):
    # DNS rebinding: evil.example now resolves to this server, and its page posts to "itself"
    headers = {"Host": "evil.example", "Origin": "http://evil.example"}
    refused = client.post("/api/analyze", json={"text": TEXT_FORM["text"]}, headers=headers)
    assert refused.status_code == 400
    assert refused.json() == {"error": "host 'evil.example' is not served here: "
                                       "name it to `presslens serve --allowed-host` or in PRESSLENS_ALLOWED_HOSTS"}
    page = client.get("/", headers={"Host": "evil.example:8000"})
    assert page.status_code == 400 and page.text.count("\n") == 1 and "'evil.example'" in page.text


@pytest.mark.parametrize("host", ["localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST.", "testserver"])
def test_loopback_names_and_the_configured_test_host_are_served(client, host):
    assert client.get("/api/overview", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("host", ["", "evil.example:http", "localhost.evil.example", "127.0.0.1.nip.io", "10.0.0.7"])
def test_odd_or_foreign_hosts_get_a_one_line_400_never_a_500(client, host):
    answer = client.get("/api/overview", headers={"Host": host})
    assert answer.status_code == 400
    assert "is not served here" in answer.json()["error"]


def test_bound_to_every_address_any_ip_and_only_configured_names_are_served(tmp_path):
    settings = Settings(db=f"sqlite:///{tmp_path / 'any.db'}", allowed_hosts=["news.example"])
    with TestClient(create_app(settings, bound_host="0.0.0.0"), raise_server_exceptions=False) as any_address:
        for host in ("192.0.2.7:8000", "[2001:db8::5]", "localhost", "news.example", "NEWS.example:443"):
            assert any_address.get("/api/overview", headers={"Host": host}).status_code == 200, host
        assert any_address.get("/api/overview", headers={"Host": "newsroom.example"}).status_code == 400


def test_bound_to_one_address_that_address_is_served_not_loopback(tmp_path):
    settings = Settings(db=f"sqlite:///{tmp_path / 'one.db'}", allowed_hosts=[])
    with TestClient(create_app(settings, bound_host="192.0.2.7"), raise_server_exceptions=False) as one_address:
        assert one_address.get("/api/overview", headers={"Host": "192.0.2.7:8000"}).status_code == 200
        for host in ("localhost", "192.0.2.8", "testserver"):
            assert one_address.get("/api/overview", headers={"Host": host}).status_code == 400, host

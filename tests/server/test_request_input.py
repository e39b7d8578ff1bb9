"""What a request body may hold: refusals come before any analysis, in one whole line."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from presslens.analysis import Analysis
from presslens.config import Settings
from presslens.server.app import create_app

TOKEN = "input-token-2718"


class CountingPipeline:
    """Counts the articles that reach it: a refused request must reach none."""

    def __init__(self) -> None:
        self.analysed = 0

    def analyze(self, article):
        self.analysed += 1
        return Analysis(article=article, pipeline={"version": "test", "models": {}})


@pytest.fixture()
def pipeline():
    return CountingPipeline()


@pytest.fixture()
def client(tmp_path, pipeline):
    app = create_app(Settings(db=f"sqlite:///{tmp_path / 'input.db'}", api_token=TOKEN), pipeline=pipeline)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("text", [" ", "\n\n\t ", "\u00a0\u2003\n"])
def test_text_of_only_whitespace_is_a_one_line_400_before_any_analysis(client, pipeline, text):
    api = client.post("/api/analyze", json={"text": text, "title": "Blank"})
    assert api.status_code == 400
    assert api.json() == {"error": "request body: text: only whitespace; send the article's words"}
    form = client.post("/analyze", data={"text": text})
    assert form.status_code == 400 and "paste some text" in form.text
    stored = client.post("/api/articles", json=[{"text": "The ferry runs again."}, {"text": text}],
                         headers={"Authorization": f"Bearer {TOKEN}"})
    assert stored.json() == {"error": "request body[1]: text: only whitespace; send the article's words"}
    assert pipeline.analysed == 0


def test_a_control_character_in_the_json_is_named_with_its_position(client):
    body = b'{"text": "The pier\nreopens."}'
    answer = client.post("/api/analyze", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 400
    assert answer.json()["error"] == (
        "request body: not valid JSON at line 1, column 19: Invalid control character U+000A "
        "(write a line break inside a string as \\n)")


def test_an_uploaded_json_file_with_a_control_character_says_where_and_what(client):
    upload = {"file": ("desk.json", b'{"text": "Tide\tchart"}', "application/json")}
    answer = client.post("/api/analyze", files=upload)
    assert answer.status_code == 400
    assert answer.json()["error"] == "desk.json:1: invalid JSON at column 15: Invalid control character U+0009"

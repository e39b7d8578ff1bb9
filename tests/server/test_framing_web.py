"""Entity framing on the web: GET /api/entities/{name}/framing, the entity page, the article
page's role chips and evidence, and the links between them, over a real SQLite store of the
fabricated framing corpus (tests/support/framing.py); one browser test for the hover."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from presslens.config import Settings
from presslens.server.app import create_app
from presslens.store import open_store
from support.browser import CHROMIUM
from support.dom import Dom
from support.framing import (
    BLAME,
    CORRIDOR,
    HOSTILE_ENTITY,
    HOSTILE_OUTLET,
    HT,
    OLD,
    SHELLING,
    VALDORIA,
    VP,
    store_framing_corpus,
)
from support.serve import served


def framing_db(folder: Path) -> str:
    url = f"sqlite:///{folder / 'framing.db'}"
    with open_store(url) as store:
        store_framing_corpus(store)
    return url


@pytest.fixture()
def client(tmp_path):
    with TestClient(create_app(Settings(db=framing_db(tmp_path))), raise_server_exceptions=False) as c:
        yield c


def page(client, path: str, status: int = 200) -> Dom:
    response = client.get(path)
    assert response.status_code == status, response.text[:300]
    return Dom(response.text)


def test_the_api_gives_the_roles_per_outlet_and_month_and_the_evidence(client):
    body = client.get("/api/entities/valdorIA/framing").json()
    assert (body["name"], body["articles"], body["framed"]) == (VALDORIA, 4, 3)
    assert body["roles"] == {"Protagonist": 1, "Antagonist": 2, "Innocent": 0}
    assert body["months"][2] == {"outlet": VP, "month": "2024-01", "articles": 2, "framed": 1,
                                 "roles": {"Protagonist": 0, "Antagonist": 1, "Innocent": 0}, "no_role": 0}
    first = body["evidence"]["Antagonist"][0]
    assert (first["article_id"], first["anchor"], first["published"]) == (SHELLING.id, "ev-0", "2024-01-10")
    narrowed = client.get("/api/entities/Valdoria/framing", params={"outlet": VP, "evidence": 1}).json()
    assert [m["outlet"] for m in narrowed["months"]] == [VP]
    assert [e["article_id"] for e in narrowed["evidence"]["Antagonist"]] == [BLAME.id]


def test_the_api_answers_an_unknown_entity_with_one_line_and_keeps_hostile_names_as_data(client):
    missing = client.get("/api/entities/Atlantis/framing")
    assert missing.status_code == 404 and missing.json() == {"error": "entity 'Atlantis' not found"}
    hostile = client.get(f"/api/entities/{quote(HOSTILE_ENTITY, safe='')}/framing")
    assert hostile.status_code == 200 and hostile.json()["name"] == HOSTILE_ENTITY
    assert hostile.json()["months"][0]["outlet"] == HOSTILE_OUTLET
    assert client.get("/api/entities/Valdoria/framing", params={"evidence": 0}).status_code in (400, 422)
    schema = client.get("/api/openapi.json").json()
    operation = schema["paths"]["/api/entities/{name}/framing"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"name", "outlet", "since", "until", "evidence"}
    assert "Analysed articles that mention it" in str(schema["components"]["schemas"]["EntityFraming"])


def test_the_framing_export_streams_from_the_api(client):
    response = client.get("/api/export/framing", params={"format": "csv", "outlet": HT})
    assert response.status_code == 200
    assert [r["name"] for r in csv.DictReader(io.StringIO(response.text))] \
        == [VALDORIA, "Merrow", "Ana Petrik", VALDORIA]


def test_the_entity_page_shows_its_names_roles_chart_and_linked_sentences(client):
    dom = page(client, "/entities/valdoria")
    assert "Valdoria" in dom.text and "also called Valdorian" in dom.text
    assert "Rests on 4 analysed articles mentioning it; 3 of them analysed with framing." in dom.text
    assert all(count in dom.text for count in ("Protagonist 1 article", "Antagonist 2 articles", "Innocent 0 articles"))
    bars = [a["class"] for a in dom.tags("rect", "bar")]
    assert bars == ["bar role-antagonist", "bar role-protagonist", "bar role-antagonist"]
    assert f"{HT}, 2024-01: 1 of 1 framed articles cast it as Antagonist" in dom.text
    links = [a["href"] for a in dom.tags("a") if a.get("href", "").startswith("/articles/")]
    assert links == [f"/articles/{CORRIDOR.id}#ev-0", f"/articles/{SHELLING.id}#ev-0", f"/articles/{BLAME.id}#ev-57"]
    assert "No article casts it as Innocent." in dom.text
    # Each link lands on the evidence in its article.
    article = page(client, f"/articles/{BLAME.id}")
    assert {"id": "ev-57", "class": "anchor"} in article.tags("span")


def test_the_entity_page_filters_and_says_when_nothing_matches(client):
    dom = page(client, f"/entities/Valdoria?outlet={quote(VP)}")
    assert [a["class"] for a in dom.tags("rect", "bar")] == ["bar role-antagonist"]
    assert "Rests on 2 analysed articles" in dom.text
    missing = page(client, "/entities/Atlantis", status=404)
    assert "entity 'Atlantis' not found" in missing.text
    bad = page(client, "/entities/Valdoria?since=soon", status=400)
    assert "since: 'soon' is not a date (use YYYY-MM-DD)" in bad.text


def test_hostile_entity_and_outlet_names_stay_text_on_the_entity_page(client):
    response = client.get(f"/entities/{quote(HOSTILE_ENTITY, safe='')}")
    assert response.status_code == 200
    assert "<script>alert" not in response.text and "<b>Hostile" not in response.text
    dom = Dom(response.text)
    assert [s.get("src") for s in dom.tags("script")] == ["/static/app.js"]
    assert HOSTILE_ENTITY in dom.text and HOSTILE_OUTLET in dom.text
    assert "burned the <b>market</b> & fled." in dom.text


def test_the_article_page_colours_entity_chips_by_role_and_links_each_to_its_page(client):
    dom = page(client, f"/articles/{SHELLING.id}")
    chips = {a["data-ent"]: a["class"] for a in dom.tags("button", "ent")}
    assert chips == {"0": "ent role-antagonist", "1": "ent role-innocent", "2": "ent role-protagonist"}
    # The role is written beside its colour, and the key explains colour and border.
    assert [a["class"] for a in dom.tags("span", "role-badge")][:3] == [
        "role-badge role-antagonist", "role-badge role-innocent", "role-badge role-protagonist"]
    assert "Valdoria GPE 1 Antagonist across the corpus" in dom.text
    assert "hover or focus an entity to highlight the words that decide it" in dom.text
    assert [a["href"] for a in dom.tags("a", "ent-page")] == [
        "/entities/Valdoria", "/entities/Merrow", "/entities/Ana%20Petrik"]
    assert [a["href"] for a in dom.tags("a") if a.get("href", "").startswith("#ev-")] == ["#ev-0", "#ev-17", "#ev-88"]
    evidence = [a["data-ev"] for a in dom.tags("span", "ev")]
    assert "0 1" in evidence and evidence.count("2") == 3  # "led by Mayor " "Ana " "Petrik"


def test_an_article_without_framing_shows_no_roles(client):
    dom = page(client, f"/articles/{OLD.id}")
    assert [a["class"] for a in dom.tags("button", "ent")] == ["ent"]
    assert dom.tags("span", "role-badge") == [] and dom.tags("span", "ev") == []


def test_top_entity_lists_link_to_the_entity_page(client):
    dom = page(client, f"/outlets/{quote(HT)}")
    assert "/entities/Valdoria" in [a.get("href") for a in dom.tags("a")]


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent (apt-get install chromium)")
def test_hovering_or_focusing_an_entity_highlights_its_evidence_in_a_browser(tmp_path, browser):
    with served(framing_db(tmp_path)) as base:
        view = browser.new_page()
        errors = []
        view.on("pageerror", lambda error: errors.append(str(error)))
        view.goto(f"{base}/articles/{SHELLING.id}")
        lit = view.locator("#article-text .ev-on")
        assert lit.count() == 0
        view.locator('button.ent[data-ent="2"]').hover()
        assert lit.all_inner_texts() == ["led by Mayor ", "Ana ", "Petrik"]
        view.mouse.move(0, 0)
        assert lit.count() == 0
        view.locator('button.ent[data-ent="0"]').focus()
        assert "".join(lit.all_inner_texts()) == "Valdorian troops shelled Merrow"
        assert errors == []
        view.close()

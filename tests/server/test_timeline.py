"""GET /api/timeline and the /timeline page, over real SQLite stores holding fabricated
claims: order, filters, paging, errors, marks that link to their claims, escaping, and a
page that stays small with 5,000 claims."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from presslens.article import Article
from presslens.config import Settings
from presslens.server.app import create_app
from presslens.store import open_store
from support.claims import HARBOR, TIMELINE, VALLEY, ClaimSpec, claimed_analysis, store_claims_corpus

HOSTILE_OUTLET = "<script>alert('outlet')</script> Gazette"
HOSTILE_CLAIMANT = "<svg onload=alert(1)>Mayor"
HOSTILE_CLAIM = 'In 1990 the <img src=x onerror="alert(2)"> mill & the "dam" closed.'
MARK = re.compile(r'<a href="/articles/([^"#]+)#claim-(\d+)"><rect class="m l\d+"')


def client_of(url: str) -> TestClient:
    return TestClient(create_app(Settings(db=url)), raise_server_exceptions=False)


@pytest.fixture()
def client(tmp_path):
    url = f"sqlite:///{tmp_path / 'timeline.db'}"
    with open_store(url) as store:
        store_claims_corpus(store)
    return client_of(url)


def test_the_api_gives_the_timeline_a_page_at_a_time(client):
    first = client.get("/api/timeline", params={"limit": 4})
    assert first.status_code == 200
    body = first.json()
    assert (body["claims"], body["articles"]) == (6, 2)
    assert [(c["date"], c["claimant"], c["article_id"]) for c in body["items"]] == TIMELINE[:4]
    assert body["items"][0]["label"] == "1953" and body["items"][0]["first_day"] == "1953-01-01"
    rest = client.get("/api/timeline", params={"limit": 4, "cursor": body["next_cursor"]}).json()
    assert [c["date"] for c in rest["items"]] == [t[0] for t in TIMELINE[4:]] and rest["next_cursor"] is None


def test_the_api_filters_by_claimant_entity_outlet_and_date_referred_to(client):
    def dates(**params) -> list[str]:
        response = client.get("/api/timeline", params=params)
        assert response.status_code == 200, response.text
        return [c["date"] for c in response.json()["items"]]

    assert dates(claimant="park") == ["1953", "2019-SU"]
    assert dates(entity="Harbor", outlet="Harbor Times") == ["1953", "2019-SU"]
    assert dates(outlet="Valley Post") == ["1953-05-03", "198", "2020-W18"]
    assert dates(since="1953-06-01", until="1990-12-31") == ["1953", "1953-08", "198"]


@pytest.mark.parametrize("params", [{"since": "last year"}, {"until": "2020-13-01"}, {"limit": 0}, {"cursor": "x"}])
def test_the_api_refuses_bad_input_with_a_one_line_error(client, params):
    response = client.get("/api/timeline", params=params)
    assert 400 <= response.status_code < 500
    assert "\n" not in response.json()["error"]


def test_claims_export_over_http(client):
    response = client.get("/api/export/claims", params={"format": "csv"})
    assert response.status_code == 200
    lines = response.text.splitlines()
    assert lines[0].startswith("article_id,outlet,published,version,idx,start,end,text,score,claimant")
    assert len(lines) == 1 + 9


def test_the_page_draws_one_linked_mark_per_claim_and_lists_them(client):
    response = client.get("/timeline")
    assert response.status_code == 200
    html = response.text
    assert "6 claims from 2 articles" in html
    marks = MARK.findall(html)
    assert sorted(marks) == sorted((article_id, str(start)) for article_id, start in _starts())
    assert "<title>summer 2019 · Lena Park · Harbor Times: The port handled two million tonnes" in html
    assert "Valley Post (own voice)" in html  # where the outlet speaks, its name stands in
    assert ">1960<" in html and ">2020<" in html  # year ticks on a true time axis
    assert html.count('<tr><td><time datetime=') == 6
    grouped = client.get("/timeline", params={"group": "outlet"}).text
    assert ">Harbor Times<" in grouped and "3 claims, 1 article</text>" in grouped


def _starts():
    for date_value, _, article_id in TIMELINE:
        text = (HARBOR if article_id == HARBOR.id else VALLEY).text
        words = {"1953": "In 1953 the", "1953-05-03": "After 20 years", "1953-08": "In August 1953",
                 "198": "In the 1980s", "2019-SU": "The port handled", "2020-W18": "Last week"}[date_value]
        yield article_id, text.index(words)


def test_the_page_filters_and_reports_bad_dates(client):
    html = client.get("/timeline", params={"claimant": "reyes", "group": "outlet"}).text
    assert "1 claim from 1 article" in html and len(MARK.findall(html)) == 1
    bad = client.get("/timeline", params={"since": "soon"})
    assert bad.status_code == 400 and "since: &#39;soon&#39; is not a date" in bad.text
    assert "No dated claims match." in client.get("/timeline", params={"claimant": "nobody"}).text


def test_the_page_escapes_hostile_names_and_claims(tmp_path):
    text = f"{HOSTILE_CLAIMANT} said: {HOSTILE_CLAIM}"
    article = Article(text=text, outlet=HOSTILE_OUTLET, published=date(2024, 1, 2), title="<b>title</b>")
    analysis = claimed_analysis(article, [ClaimSpec(HOSTILE_CLAIM, [("1990", "date", "1990")],
                                                    claimant=HOSTILE_CLAIMANT)])
    url = f"sqlite:///{tmp_path / 'hostile.db'}"
    with open_store(url) as store:
        store.save_analysis(analysis)
    html = client_of(url).get("/timeline").text
    for hostile in (HOSTILE_OUTLET, HOSTILE_CLAIMANT, '<img src=x onerror="alert(2)">', "<b>title</b>"):
        assert hostile not in html
    assert "&lt;svg onload=alert(1)&gt;Mayor" in html and "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in html
    assert "&lt;script&gt;alert(&#39;outlet&#39;)&lt;/script&gt; Gazette" in html


def test_five_thousand_claims_stay_one_small_page(tmp_path):
    """5,000 claims over 130 years from 40 claimants: every one a mark, the page under 2 MB."""
    url = f"sqlite:///{tmp_path / 'many.db'}"
    with open_store(url) as store:
        store.save_analyses(many_claims(articles=250, per_article=20))
    response = client_of(url).get("/timeline")
    assert response.status_code == 200
    assert "5,000 claims from 250 articles" in response.text
    assert len(MARK.findall(response.text)) == 5000
    assert len(response.content) < 2_000_000
    assert "32 others" in response.text  # 8 lanes of their own, the rest together


def many_claims(articles: int, per_article: int):
    """Articles of `per_article` dated claims each, dated from 1900 to 2030, by 40 claimants."""
    made = []
    for a in range(articles):
        sentences = [f"Claimant {(a + n) % 40} said the port of town {a} moved {n} times before the flood."
                     for n in range(per_article)]
        article = Article(text=" ".join(sentences), outlet=f"Outlet {a % 5}", published=date(2024, 1, 1),
                          title=f"Article {a}")
        specs = []
        for n, sentence in enumerate(sentences):
            day = date(1900, 1, 1) + timedelta(days=(a * per_article + n) * 9)
            value = day.isoformat() if n % 3 else str(day.year)
            specs.append(ClaimSpec(sentence, [(f"port of town {a} moved {n} times", "date", value)],
                                   claimant=f"Claimant {(a + n) % 40}"))
        made.append(claimed_analysis(article, specs))
    return made

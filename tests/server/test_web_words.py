"""The article page says durations in words beside their ISO value, and every page's footer
names the package and pipeline versions."""

from __future__ import annotations

from fastapi.testclient import TestClient

from presslens import __version__
from presslens.analysis import Analysis, TimeRef
from presslens.article import Article
from presslens.config import Settings
from presslens.pipeline import PIPELINE_VERSION
from presslens.server.app import create_app
from presslens.store import open_store
from support.web_corpus import build_store

TEXT = "The ferry has not run for 23 years. Repairs take 3 months."


def test_durations_in_words_and_both_versions_in_the_footer(tmp_path):
    url = build_store(tmp_path / "web.db")
    article = Article(text=TEXT, title="Ferry idle", outlet="Harbour Daily")
    years, months = TEXT.index("23 years"), TEXT.index("3 months")
    with open_store(url) as store:
        store.add_articles([article])
        store.save_analysis(Analysis(article=article, time_refs=[
            TimeRef(years, years + 8, "23 years", "duration", "P23Y"),
            TimeRef(months, months + 8, "3 months", "duration", "P3M")], scores={"words": 11},
            pipeline={"version": PIPELINE_VERSION, "models": {}}))
    with TestClient(create_app(Settings(db=url))) as client:
        html = client.get(f"/articles/{article.id}").text
        assert '<span class="kind">23 years (P23Y)</span>' in html
        assert '<span class="kind">3 months (P3M)</span>' in html
        footer = f"presslens {__version__} · pipeline {PIPELINE_VERSION} ·"
        assert footer in html and footer in client.get("/search").text

"""The two databases every store test runs on (the `store_url` fixture in tests/conftest.py): a
SQLite file, and PostgreSQL when PRESSLENS_TEST_PG_URL names a server."""

from __future__ import annotations

from datetime import date

from presslens.article import Article
from presslens.store import open_store


def test_both_backends_open_an_empty_migrated_store(store_url):
    store = open_store(store_url)
    try:
        assert store.count_articles() == 0
        assert store.add_articles([Article(text="A short text.", outlet="X", published=date(2020, 1, 1))]) == 1
    finally:
        store.close()

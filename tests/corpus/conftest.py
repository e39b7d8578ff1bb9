"""The hand-counted corpus (tests/support/counted_corpus.py) stored with its analyses, on each store backend."""

from __future__ import annotations

import pytest

from presslens.store import open_store
from support.counted_corpus import store_corpus


@pytest.fixture()
def corpus_store(store_url):
    store = open_store(store_url)
    store_corpus(store)
    yield store
    store.close()

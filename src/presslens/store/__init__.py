"""The corpus store: articles, outlets and versioned analyses in SQLite or PostgreSQL."""

from __future__ import annotations

from presslens.config import get_settings
from presslens.store.connect import make_engine, upgrade
from presslens.store.repository import Store

__all__ = ["Store", "open_store"]


def open_store(url: str | None = None) -> Store:
    """Opens the store at `url` (default: PRESSLENS_DB, else sqlite:///presslens.db), migrated to head,
    its full-text index caught up."""
    settings = get_settings()
    url = url or settings.db
    engine = make_engine(url)
    upgrade(engine, url=url)
    store = Store(engine, query_timeout_s=settings.query_timeout_s)
    store.update_search_index()
    return store

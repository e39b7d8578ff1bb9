"""All settings in one object, read from PRESSLENS_* environment variables.

Nothing is built at import time: callers ask for `get_settings()` when they need it,
so tests can point the store at another database by setting the environment.
"""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PRESSLENS_", extra="ignore")

    db: str = "sqlite:///presslens.db"
    api_token: str | None = None
    models_dir: Path | None = None
    max_article_bytes: int = 10_000_000
    max_request_bytes: int = 12_000_000
    analyze_timeout_s: float = 60.0
    # Web/API only: texts longer than this are refused with 413 before any analysis
    # (the library's own limit is spaCy's nlp.max_length, 2,000,000 characters).
    max_analyze_chars: int = 200_000
    # Web/API only: how long a write waits for the SQLite write lock before a 503 + Retry-After.
    write_lock_timeout_s: float = 2.0
    # Each search's database work stops after this many seconds (QueryTimeout, a 504).
    query_timeout_s: float = 5.0
    # Web/API only: identical GET requests within this many seconds share one answer
    # (server/page_cache.py); 0 turns it off.
    page_cache_s: float = 5.0
    # Entity framing joins the default pipeline only when asked (PRESSLENS_FRAMING=1): its model is
    # below the targets of docs/framing.md and adds about a quarter to the analysis time.
    framing: bool = False


def get_settings() -> Settings:
    return Settings()

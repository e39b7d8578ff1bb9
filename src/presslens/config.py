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


def get_settings() -> Settings:
    return Settings()

"""All settings in one object, read from PRESSLENS_* environment variables.

Nothing is built at import time: callers ask for `get_settings()` when they need it,
so tests can point the store at another database by setting the environment. Each
field's description is its documentation (tests/test_config.py fails on a field without
one, and on a module that reads a PRESSLENS_* variable from os.environ instead).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from presslens.errors import InputError


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PRESSLENS_", extra="ignore")

    db: str = Field("sqlite:///presslens.db", description="The store's SQLAlchemy URL (PRESSLENS_DB).")
    api_token: str | None = Field(
        None,
        description="The bearer token the server asks of writes (POST /api/articles); "
                    "without it the server is read-only.",
    )
    models_dir: Path | None = Field(
        None,
        description="A folder of model folders named techniques/, claims/, framing/ and sentences/: "
                    "each one there is loaded in place of the bundled model "
                    "(PRESSLENS_<TASK>_MODEL still wins over it; a task missing there stays bundled).",
    )
    techniques_model: Path | None = Field(
        None, description="The technique model folder to load instead of the bundled one (PRESSLENS_TECHNIQUES_MODEL).",
    )
    claims_model: Path | None = Field(
        None,
        description="The check-worthiness model folder to load instead of the bundled one (PRESSLENS_CLAIMS_MODEL).",
    )
    framing_model: Path | None = Field(
        None, description="The framing model folder to load instead of the bundled one (PRESSLENS_FRAMING_MODEL).",
    )
    sentences_model: Path | None = Field(
        None, description="The sentence encoder folder to load instead of the bundled one (PRESSLENS_SENTENCES_MODEL).",
    )
    threads: int = Field(
        0, description="onnxruntime's threads per model session (PRESSLENS_THREADS); 0 lets it decide.",
    )
    max_article_bytes: int = Field(
        10_000_000, description="The largest input file or stream a reader accepts, in bytes.",
    )
    fetch_timeout_s: float = Field(
        20.0, description="Pages and feeds read by URL: how long connecting and each read may wait, in seconds.",
    )
    fetch_max_redirects: int = Field(
        5, description="Pages and feeds read by URL: how many redirects are followed before giving up.",
    )
    fetch_private_addresses: bool = Field(
        False, description="Web/API only: whether the analyse form may fetch from loopback and private-network "
                           "addresses (off: a server must not be made to read its own network's services).",
    )
    feed_pages: int = Field(
        50, description="A feed read by URL: at most this many entries with only a summary have their page fetched.",
    )
    max_request_bytes: int = Field(
        12_000_000, description="Web/API only: the largest request body, in bytes (413 above it).",
    )
    analyze_timeout_s: float = Field(
        60.0, description="Web/API only: how long one request's analysis may run, in seconds.",
    )
    max_analyze_chars: int = Field(
        200_000,
        description="Web/API only: texts longer than this are refused with 413 before any analysis (the library's own "
                    "limit is spaCy's nlp.max_length, 2,000,000 characters).",
    )
    analyze_quick_chars: int = Field(
        20_000,
        description="Web/API only: texts up to this many characters are analysed while the request waits; a longer "
                    "one becomes an analysis job (202 and the job's address), which the client polls for progress.",
    )
    analyze_jobs: int = Field(
        4, description="Web/API only: analysis jobs queued or running per server worker; past it a new one is a 503.",
    )
    analyze_job_ttl_s: float = Field(
        900.0, description="Web/API only: an analysis job's state and result are kept this many seconds after its "
                           "last progress, then its address answers 404.",
    )
    jobs_dir: Path | None = Field(
        None, description="Web/API only: the folder where analysis jobs keep their state, read by every server "
                          "worker (PRESSLENS_JOBS_DIR); by default a temporary folder made by the server and removed "
                          "when it stops.",
    )
    write_lock_timeout_s: float = Field(
        2.0, description="Web/API only: how long a write waits for the SQLite write lock before a 503 + Retry-After.",
    )
    query_timeout_s: float = Field(
        5.0, description="Each search's database work stops after this many seconds (QueryTimeout, a 504).",
    )
    allowed_hosts: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Web/API only: host names the server answers to besides the address it is bound to "
                    "(PRESSLENS_ALLOWED_HOSTS, comma-separated; `presslens serve --allowed-host` adds more); "
                    "a request for any other host is a 400 (DNS rebinding). docs/web.md has the rule.",
    )
    page_cache_s: float = Field(
        5.0, description="Web/API only: identical GET requests within this many seconds share one answer "
                         "(server/page_cache.py); 0 turns it off.",
    )
    spacy_model: Literal["sm", "md"] = Field(
        "sm",
        description="The spaCy English pipeline under every analyzer (PRESSLENS_SPACY_MODEL): sm, installed with "
                    "presslens, or md (en_core_web_md: speakers and people read better on the audit set; a fifth "
                    "slower, about 220 MB more memory; installed as docs/entities.md says).",
    )
    framing: bool = Field(
        False,
        description="Entity framing joins the default pipeline only when asked (PRESSLENS_FRAMING=1): "
                    "its model is below the targets of docs/framing.md and adds about a quarter to the analysis time.",
    )

    @field_validator("models_dir", "jobs_dir", "techniques_model", "claims_model", "framing_model", "sentences_model",
                     "threads", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object, info) -> object:
        # An empty variable (PRESSLENS_THREADS=) means unset, as it did before these were settings.
        if value == "":
            return 0 if info.field_name == "threads" else None
        return value

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        # PRESSLENS_ALLOWED_HOSTS=news.example,10.0.0.7, as a shell writes a list
        if isinstance(value, str):
            return [name.strip() for name in value.split(",") if name.strip()]
        return value


def get_settings() -> Settings:
    """The settings from the environment; InputError in one line naming the variable when
    one cannot be read (PRESSLENS_FRAMING=maybe)."""
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        name = "PRESSLENS_" + "_".join(str(part) for part in first["loc"][:1]).upper()
        raise InputError(name, f"{first['input']!r}: {first['msg']}") from None


def current_settings() -> Settings:
    """The settings for the environment as it is now, built once per distinct set of PRESSLENS_*
    variables: model loading asks for them on every Doc, where building Settings costs a millisecond."""
    return _settings_for(frozenset((k, v) for k, v in os.environ.items() if k.upper().startswith("PRESSLENS_")))


@lru_cache(maxsize=8)
def _settings_for(environment: frozenset) -> Settings:
    return get_settings()

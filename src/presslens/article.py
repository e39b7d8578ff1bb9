"""The Article: what every reader yields and every analyzer reads; how an error names one; the
size limit on its text (checked here, with no spaCy loaded, so that the server can refuse a text
before anything loads: the library refuses texts over spaCy's `nlp.max_length`, 2,000,000
characters, the web app and API those over `Settings.max_analyze_chars`)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from datetime import date

from presslens.errors import InputError, TooLargeError

# `  date 2019-11-03 By NORTHWIND NEWS AGENCY`: the first line of an agency dump.
_AGENCY_HEADER = re.compile(r"^[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]+By[ \t]+(\S.*?)[ \t]*$")

# pydantic reads a dataclass's `__pydantic_config__`: with this one the API's schema lists a
# field that has a default as present in every response, as it is.
RESPONSE_SCHEMA_CONFIG = {"json_schema_serialization_defaults_required": True}


@dataclass(frozen=True)
class AgencyHeader:
    """The date and outlet on the first line of an agency dump."""

    published: date
    outlet: str


def parse_agency_header(line: str) -> AgencyHeader | None:
    """The date and outlet of an agency dump's first line, or None if it is not one.

    A line that has the shape but an impossible date (2019-02-30) is not a header.
    """
    match = _AGENCY_HEADER.match(line)
    if not match:
        return None
    try:
        published = date.fromisoformat(match.group(1))
    except ValueError:
        return None
    return AgencyHeader(published=published, outlet=match.group(2))


def article_id(outlet: str | None, published: date | None, text: str) -> str:
    """Stable id: the same outlet, date and text always give the same id."""
    key = "\x1f".join([outlet or "", published.isoformat() if published else "", text])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class Article:
    """One news article: its text, which every offset in an Analysis indexes, and what is known
    of it. `id` defaults to a hash of outlet, date and text, so the same article read twice gets
    the same id; `to_dict()` and `from_dict()` are its part of the JSON contract."""

    __pydantic_config__ = RESPONSE_SCHEMA_CONFIG

    text: str
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    title: str | None = None
    language: str = "en"
    id: str = field(default="")

    def __post_init__(self) -> None:
        self.published = _as_date(self.published)
        if not self.id:
            self.id = article_id(self.outlet, self.published, self.text)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        return {k: data[k] for k in ("id", "outlet", "published", "url", "title", "language", "text")}

    @classmethod
    def from_dict(cls, data: dict) -> Article:
        return cls(
            text=data["text"],
            outlet=data.get("outlet"),
            published=data.get("published"),
            url=data.get("url"),
            title=data.get("title"),
            language=data.get("language") or "en",
            id=data.get("id") or "",
        )


def _as_date(value: object) -> date | None:
    """`published` as a date, from whatever a caller passes (an ISO string, a datetime, a
    timestamp); InputError when it names no date."""
    # readers/ imports this module, so its date reader is imported when first needed
    from presslens.readers.dates import parse_date

    try:
        return parse_date(value)
    except ValueError:
        raise InputError("published", f"{str(value)[:40]!r} is not a date") from None


def article_source(article: Article) -> str:
    """How an error names an article: its URL, else its title, else its id."""
    if article.url:
        return article.url
    if article.title:
        return f"article {article.title[:80]!r}"
    return f"article {article.id}"


def check_length(article: Article, limit: int, setting: str | None = None) -> None:
    """TooLargeError (one line, naming the article and the limit) when the text is longer
    than `limit` characters; `setting` names the setting that sets the limit, if any."""
    length = len(article.text)
    if length > limit:
        where = f" (set by {setting})" if setting else ""
        raise TooLargeError(
            article_source(article),
            f"{length:,} characters: the limit is {limit:,} characters per article{where}; split the text into parts",
        )

"""The Article: what every reader yields and every analyzer reads."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date


def article_id(outlet: str | None, published: date | None, text: str) -> str:
    """Stable id: the same outlet, date and text always give the same id."""
    key = "\x1f".join([outlet or "", published.isoformat() if published else "", text])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class Article:
    text: str
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    title: str | None = None
    language: str = "en"
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.outlet, self.published, self.text)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        return {k: data[k] for k in ("id", "outlet", "published", "url", "title", "language", "text")}

    @classmethod
    def from_dict(cls, data: dict) -> "Article":
        published = data.get("published")
        return cls(
            text=data["text"],
            outlet=data.get("outlet"),
            published=date.fromisoformat(published) if published else None,
            url=data.get("url"),
            title=data.get("title"),
            language=data.get("language") or "en",
            id=data.get("id") or "",
        )

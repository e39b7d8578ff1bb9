"""What a story is: the one definition the CLI, the store and the API share."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from presslens.article import RESPONSE_SCHEMA_CONFIG


@dataclass(frozen=True)
class StoryMember:
    """One article of a story and how central it is: the cosine of its text to the story's mean."""

    __pydantic_config__ = RESPONSE_SCHEMA_CONFIG  # the API always sends every field

    article_id: str = field(metadata={"description": "The article's id."})
    centrality: float = field(metadata={"description": "Cosine to the story's centroid, 1 for the most typical."})
    published: date | None = field(default=None, metadata={"description": "The article's date, if known."})
    outlet: str | None = field(default=None, metadata={"description": "The article's outlet, if known."})
    title: str | None = field(default=None, metadata={"description": "The article's title, if known."})


@dataclass(frozen=True)
class Story:
    """Articles about one event, most central first."""

    id: str = field(metadata={"description": "Stable id: taken from the article that started the story."})
    label: str = field(metadata={"description": "The title of its most central article."})
    first: date | None = field(metadata={"description": "Its earliest article's date (null when all are undated)."})
    last: date | None = field(metadata={"description": "Its latest article's date."})
    outlets: tuple[str, ...] = field(metadata={"description": "The outlets of its articles, each once, sorted."})
    members: tuple[StoryMember, ...] = field(metadata={"description": "Its articles, most central first."})

    @classmethod
    def of(cls, story_id: str, members: tuple[StoryMember, ...]) -> Story:
        """The story of these members (most central first): its label, date span and outlets follow from them."""
        dates = [m.published for m in members if m.published]
        label = next((m.title for m in members if m.title), "")
        outlets = tuple(sorted({m.outlet for m in members if m.outlet}))
        return cls(story_id, label, min(dates, default=None), max(dates, default=None), outlets, members)

    @property
    def article_ids(self) -> list[str]:
        return [member.article_id for member in self.members]


def story_id(founder_article_id: str) -> str:
    """A story's id from the id of the article that started it, so it never changes as articles join."""
    return "s" + hashlib.sha1(founder_article_id.encode("utf-8")).hexdigest()[:12]

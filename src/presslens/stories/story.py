"""What a story is: the one definition the CLI, the store and the API share."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class StoryMember:
    """One article of a story and how central it is: the cosine of its text to the story's mean."""

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
    first: date | None = field(metadata={"description": "Its earliest article's date (none when all are undated)."})
    last: date | None = field(metadata={"description": "Its latest article's date."})
    members: tuple[StoryMember, ...] = field(metadata={"description": "Its articles, most central first."})

    @property
    def article_ids(self) -> list[str]:
        return [member.article_id for member in self.members]

    @property
    def outlets(self) -> list[str]:
        """The outlets among its articles, each once, sorted."""
        return sorted({member.outlet for member in self.members if member.outlet})


def story_id(founder_article_id: str) -> str:
    """A story's id from the id of the article that started it, so it never changes as articles join."""
    return "s" + hashlib.sha1(founder_article_id.encode("utf-8")).hexdigest()[:12]

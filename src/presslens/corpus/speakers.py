"""Speakers across the corpus: the most quoted, and one speaker's quotes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from presslens.analysis import described
from presslens.article import RESPONSE_SCHEMA_CONFIG
from presslens.corpus.paging import Page, check_limit, cursor_offset, page_of
from presslens.store import Store
from presslens.store.filters import Filters


@dataclass
class SpeakerCount:
    __pydantic_config__ = RESPONSE_SCHEMA_CONFIG

    name: str = described("The person's name where the speaker is linked to one (docs/people.md), else the "
                          "entity's name, else the speaker as written.")
    entity_name: str | None
    quotes: int
    articles: int
    person_id: int | None = described("The person the speaker is (/api/people/{id}), or null.", default=None)


@dataclass
class QuoteRow:
    article_id: str
    outlet: str | None
    published: date | None
    speaker: str | None
    text: str
    kind: str
    start: int
    end: int


def top_speakers(store: Store, filters: Filters, limit: int = 20, people_only: bool = False) -> list[SpeakerCount]:
    """Most quoted speakers (by person across the corpus, else by linked entity, where there
    is one), with the entity's name.
    `people_only` counts only speakers linked to a PERSON entity, leaving out unresolved
    pronouns ("he", "they") and organisations."""
    check_limit(limit)
    return [SpeakerCount(name=r.name, entity_name=r.entity_name, quotes=r.quotes, articles=r.articles,
                         person_id=r.person_id) for r in store.speakers.top(filters, limit, people_only)]


def speaker_quotes(store: Store, speaker: str, filters: Filters, limit: int = 50, cursor: str | None = None) -> Page:
    """Quotes by one speaker, as `top_speakers` names them (case does not matter), newest articles first."""
    check_limit(limit)
    offset = cursor_offset(cursor)
    rows = store.speakers.quotes(speaker, filters, limit + 1, offset)
    return page_of(rows, limit, offset, lambda r: QuoteRow(**r._mapping))

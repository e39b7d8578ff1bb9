"""The entities analyzer's working records: a mention found in the Doc and the cluster of
mentions that will become one entity. Used by component.py and people.py."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field

from presslens.analyzers.entities.names import gender_of


@dataclass
class FoundMention:
    start: int  # token indices into the Doc
    end: int
    label: str  # spaCy's, or one of component.REFERRING_LABELS
    text: str
    gender: str | None = None  # from an honorific just before the name ("Mrs. Clinton")
    titles: frozenset[str] = frozenset()  # titles written beside it ("President Clinton")
    styles: frozenset[str] = frozenset()  # honorifics and titles written before it: "lady" of "First Lady X"
    paragraph: int = 0  # the paragraph it is in (lines of the text)
    said_gender: str | None = None  # of the pronoun it is the subject before: "Clinton said she ..."


@dataclass
class Cluster:
    kind: str  # "person", "country" or "other"
    key: str
    mentions: list[FoundMention] = field(default_factory=list)
    given: list[str] = field(default_factory=list)
    name_words: list[str] = field(default_factory=list)  # the longest name seen
    full_names: Counter[str] = field(default_factory=Counter)  # names of two words or more
    genders: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    styles: set[str] = field(default_factory=set)  # honorifics and titles before its full names: "lady", "dr"

    @property
    def last(self) -> int:
        return self.mentions[-1].start

    @property
    def gender(self) -> str | None:
        if len(self.genders) == 1:
            return next(iter(self.genders))
        if not self.genders and len(self.name_words) == 1:  # only ever "Kevin"
            return gender_of([], self.name_words)
        return None

    def add(self, mention: FoundMention) -> None:
        bisect.insort(self.mentions, mention, key=lambda m: m.start)

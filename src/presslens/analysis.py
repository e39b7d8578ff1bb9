"""The typed result of analysing one article: plain, JSON-serialisable layers.

Every offset is a Python string index into `Article.text`, half-open `[start, end)`.
`Analysis.to_dict()` is the JSON contract of `presslens analyze --format json`
(see docs/json-contract.md); `Analysis.from_dict()` reads it back.

These dataclasses are the one definition of each layer: the REST API's response schemas
are derived from them (a field's `description` metadata shows in the OpenAPI document),
and so are the store's tables and row mapping (`presslens.store.layer_tables`).
"""

from __future__ import annotations

import types
from dataclasses import MISSING, asdict, dataclass, field, fields, is_dataclass
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from presslens.article import RESPONSE_SCHEMA_CONFIG, Article

QuoteKind = Literal["direct", "indirect", "mixed"]
TimeKind = Literal["date", "duration", "set"]
ClaimKind = Literal["historical", "statistical", "prediction", "other"]


def described(description: str, **options: Any) -> Any:
    """A dataclass field whose description the API's schema shows (pydantic reads the metadata)."""
    return field(metadata={"description": description}, **options)


@dataclass
class Mention:
    """One place an article names an entity, at `text[start:end]`: the role this mention on its
    own casts the entity in, and its score for each main role (None and `{}` where framing did not run)."""

    start: int
    end: int
    role: str | None = described(
        'The role this mention casts the entity in: "Protagonist", "Antagonist", "Innocent", '
        "or null when none is clear.",
        default=None,
    )
    scores: dict[str, float] = described("The probability of each main role for this mention.", default_factory=dict)


@dataclass
class Entity:
    """One person, organisation, place or group an article names, with every mention of it in
    order; `framing` is how the article casts it (docs/framing.md), `{}` where framing did not run."""

    __pydantic_config__ = RESPONSE_SCHEMA_CONFIG

    id: str = described('"E1", "E2" ... by first mention; quotes and claims refer to it.')
    name: str = described("The fullest name the article uses, without titles.")
    type: str = described("spaCy label: PERSON, ORG, GPE, NORP, ...")
    aliases: list[str] = described("Every other form the article uses, in order of appearance.", default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    framing: dict[str, Any] = field(default_factory=dict)

    @property
    def start(self) -> int:
        return self.mentions[0].start if self.mentions else 0


@dataclass
class Speaker:
    """Who says a quote or makes a claim, as the article writes it at `text[start:end]`, and the
    entity that resolves to, when one does."""

    entity: str | None = described("The id of the entity the speaker is, or null.")
    name: str = described('The speaker as written; for a word that names no one ("he", "it"), the name of the '
                          'entity it resolves to, or "" (unnamed) when it resolves to none.')
    start: int
    end: int


@dataclass
class Cue:
    """The words that introduce a quote at `text[start:end]`: a speech verb ("said", "pointed
    out") or "According to"."""

    text: str
    start: int
    end: int


@dataclass
class Quote:
    """One quotation at `text[start:end]`: direct (inside quote marks), indirect (reported speech,
    "X said (that) ...") or mixed (reported speech holding a quoted fragment), with its speaker,
    cue and source when found (docs/quotes.md)."""

    __pydantic_config__ = RESPONSE_SCHEMA_CONFIG

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: Speaker | None = None
    cue: Cue | None = described('The speech verb ("said", "pointed out") or "According to".', default=None)
    via: str | None = described('The source named by "according to ...".', default=None)


@dataclass
class TimeRef:
    """A date, duration or recurrence the article names at `text[start:end]` ("Sunday", "1953",
    "41 years", "every year"), with its value in ISO 8601; a relative date is read from the
    publication date (docs/time-references.md)."""

    start: int
    end: int
    text: str
    kind: TimeKind
    value: str = described('ISO 8601: "1953", "1964-11", "2019-11-03", "2019-W44", "P41Y".')


@dataclass
class Claim:
    """A check-worthy statement at `text[start:end]`: its score, who makes it, the time references
    and entities it names, and its kind (docs/claims.md)."""

    __pydantic_config__ = RESPONSE_SCHEMA_CONFIG

    start: int
    end: int
    text: str
    score: float = described("0..1, calibrated check-worthiness.")
    claimant: Speaker | None = described(
        "Who makes the claim: the speaker of the quote it is in; null: the outlet's own voice.", default=None,
    )
    time_refs: list[TimeRef] = described("The time references inside the claim or governing its verb.",
                                         default_factory=list)
    entities: list[str] = described("Ids of the entities the claim is about.", default_factory=list)
    kind: ClaimKind = described(
        "historical: about a time before publication; statistical: rests on a number or quantity; "
        "prediction: about the future; other.", default="other",
    )


@dataclass
class TechniqueSpan:
    """A span at `text[start:end]` that uses one of the 14 persuasion techniques of SemEval-2020
    Task 11 (labelled as in the PTC corpus), with the technique model's score."""

    start: int
    end: int
    text: str
    technique: str = described("PTC label.")
    score: float = described("0..1")


@dataclass
class Furniture:
    """A stretch of `text[start:end]` that is site furniture, not the article's prose: a photo
    caption or credit, a sign-up box, a link line to another story, a repeated headline
    (docs/furniture.md). No other layer takes anything from it."""

    start: int
    end: int
    reason: str = described('What it is, as a short name: "caption", "newsletter", "link line", ...')
    why: str = described("The same in a sentence, for a reader.")


@dataclass
class Analysis:
    """The JSON contract of `presslens analyze --format json` (docs/json-contract.md)."""

    __pydantic_config__ = RESPONSE_SCHEMA_CONFIG

    article: Article
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    time_refs: list[TimeRef] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    techniques: list[TechniqueSpan] = field(default_factory=list)
    furniture: list[Furniture] = described("What is not the article's prose, and why.", default_factory=list)
    scores: dict[str, Any] = described("Article-level figures: words, sentences, counts.", default_factory=dict)
    pipeline: dict[str, Any] = described("The pipeline version and the model of each component.", default_factory=dict)

    def to_dict(self) -> dict:
        def by_start(items: list) -> list[dict]:
            return [asdict(x) for x in sorted(items, key=lambda x: (x.start, getattr(x, "end", 0)))]

        return {
            "article": self.article.to_dict(),
            "entities": by_start(self.entities),
            "quotes": by_start(self.quotes),
            "time_refs": by_start(self.time_refs),
            "claims": by_start(self.claims),
            "techniques": by_start(self.techniques),
            "furniture": by_start(self.furniture),
            "scores": dict(self.scores),
            "pipeline": dict(self.pipeline),
        }

    @classmethod
    def from_dict(cls, d: dict) -> Analysis:
        layers = {name: value for name, value in d.items() if name != "article"}
        return read_dataclass(cls, layers, article=Article.from_dict(d["article"]))


@cache
def type_hints(cls: type) -> dict[str, Any]:
    """The resolved type of each field of a dataclass (its annotations are strings here)."""
    return get_type_hints(cls)


def optional_type(hint: Any) -> Any | None:
    """X for `X | None`; None for any other type."""
    if get_origin(hint) in (Union, types.UnionType):
        others = [arg for arg in get_args(hint) if arg is not type(None)]
        if len(others) == 1 and len(get_args(hint)) == 2:
            return others[0]
    return None


def read_plain(hint: Any, value: Any) -> Any:
    """`value` as `to_dict()` or JSON gives it (dicts, lists, strings, numbers) read back as
    `hint`: a dataclass from its dict, a list item by item, an optional one unless null."""
    if value is None:
        return None
    if is_dataclass(hint):
        return read_dataclass(hint, value)
    origin = get_origin(hint)
    if origin is list:
        (item,) = get_args(hint)
        return [read_plain(item, v) for v in value]
    if origin is dict:
        return dict(value)
    inner = optional_type(hint)
    return read_plain(inner, value) if inner is not None else value


def read_dataclass(cls: type, data: dict, **given: Any) -> Any:
    """An instance of `cls` from its dict; a missing field, or a null one that has a default, takes
    the default."""
    hints = type_hints(cls)
    values = {
        f.name: read_plain(hints[f.name], data[f.name])
        for f in fields(cls)
        if f.name in data and f.name not in given
        and (data[f.name] is not None or (f.default is MISSING and f.default_factory is MISSING))
    }
    return cls(**values, **given)

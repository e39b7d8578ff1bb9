"""The typed result of analysing one article: plain, JSON-serialisable layers.

Every offset is a Python string index into `Article.text`, half-open `[start, end)`.
`Analysis.to_dict()` is the JSON contract of `presslens analyze --format json`
(see docs/json-contract.md); `Analysis.from_dict()` reads it back.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from presslens.article import Article

QuoteKind = Literal["direct", "indirect", "mixed"]
TimeKind = Literal["date", "duration", "set"]


@dataclass
class Mention:
    start: int
    end: int


@dataclass
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    framing: dict[str, Any] = field(default_factory=dict)

    @property
    def start(self) -> int:
        return self.mentions[0].start if self.mentions else 0

    @classmethod
    def from_dict(cls, d: dict) -> "Entity":
        return cls(
            id=d["id"], name=d["name"], type=d["type"], aliases=list(d.get("aliases", [])),
            mentions=[Mention(**m) for m in d.get("mentions", [])], framing=dict(d.get("framing") or {}),
        )


@dataclass
class Speaker:
    entity: str | None
    name: str
    start: int
    end: int


@dataclass
class Cue:
    text: str
    start: int
    end: int


@dataclass
class Quote:
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: Speaker | None = None
    cue: Cue | None = None
    via: str | None = None

    @classmethod
    def from_dict(cls, d: dict) -> "Quote":
        return cls(
            start=d["start"], end=d["end"], text=d["text"], kind=d["kind"],
            speaker=Speaker(**d["speaker"]) if d.get("speaker") else None,
            cue=Cue(**d["cue"]) if d.get("cue") else None, via=d.get("via"),
        )


@dataclass
class TimeRef:
    start: int
    end: int
    text: str
    kind: TimeKind
    value: str


@dataclass
class Claim:
    start: int
    end: int
    text: str
    score: float
    time_refs: list[TimeRef] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, d: dict) -> "Claim":
        return cls(
            start=d["start"], end=d["end"], text=d["text"], score=d["score"],
            time_refs=[TimeRef(**t) for t in d.get("time_refs", [])], entities=list(d.get("entities", [])),
        )


@dataclass
class TechniqueSpan:
    start: int
    end: int
    text: str
    technique: str
    score: float


@dataclass
class Analysis:
    article: Article
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    time_refs: list[TimeRef] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    techniques: list[TechniqueSpan] = field(default_factory=list)
    scores: dict[str, Any] = field(default_factory=dict)
    pipeline: dict[str, Any] = field(default_factory=dict)

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
            "scores": dict(self.scores),
            "pipeline": dict(self.pipeline),
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Analysis":
        return cls(
            article=Article.from_dict(d["article"]),
            entities=[Entity.from_dict(e) for e in d.get("entities", [])],
            quotes=[Quote.from_dict(q) for q in d.get("quotes", [])],
            time_refs=[TimeRef(**t) for t in d.get("time_refs", [])],
            claims=[Claim.from_dict(c) for c in d.get("claims", [])],
            techniques=[TechniqueSpan(**t) for t in d.get("techniques", [])],
            scores=dict(d.get("scores") or {}),
            pipeline=dict(d.get("pipeline") or {}),
        )

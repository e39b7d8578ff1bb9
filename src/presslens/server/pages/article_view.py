"""An Analysis turned into what the article page draws.

Technique spans may overlap, so the text is cut at every span boundary into segments,
each carrying the techniques, quote, entity mentions, framing evidence and time reference
covering it.
Claims never overlap one another: a claim opens at the segment it starts in and closes
after the one it ends with, so its highlight is one element with the id `claim-<start>`.
Each technique span keeps one "lane" over all its segments (an interval colouring), so
its underline sits at the same depth from start to end and overlapping ones stack.
Every stored span is drawn, its line stronger the higher its score; those under the
reader's threshold (`min_score`) are drawn unmarked, so the page's script can show them
again without a reload.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from presslens.analysis import Analysis, Claim, Entity, Furniture, Quote, TechniqueSpan, TimeRef
from presslens.analyzers.framing.reading import evidence_anchor, evidence_sentence, evidence_spans, is_framed, role_of
from presslens.analyzers.techniques.component import SHOWN_MIN_SCORE
from presslens.analyzers.timeref.spoken import spoken, spoken_with_value
from presslens.errors import InputError
from presslens.server.pages.techniques import technique_class, technique_name
from presslens.store.quote_similarity import MIN_WORDS, words_of

MAX_LANE = 4
# Line strength 1..4: scores under 0.4, 0.4-0.6, 0.6-0.8, 0.8 and above (app.css .strength-1 .. .strength-4).
STRENGTH_STEPS = (0.4, 0.6, 0.8)


def min_score_from(value: str | None) -> float:
    """The reader's threshold as given in `?min_score=` (0 to 1); the model card's default when empty."""
    if value is None or not value.strip():
        return SHOWN_MIN_SCORE
    try:
        score = float(value)
    except ValueError:
        score = -1.0
    if not 0.0 <= score <= 1.0:
        raise InputError("min_score", f"{value[:40]!r} is not a score from 0 to 1")
    return score


def strength(score: float) -> int:
    return 1 + sum(score >= step for step in STRENGTH_STEPS)


def reaches(score: float, min_score: float) -> bool:
    """Whether a span is marked: its score as the page shows it (two decimals) against the threshold."""
    return round(score, 2) >= min_score


@dataclass
class TechniqueMark:
    index: int
    label: str
    name: str
    css: str
    score: float
    lane: int
    first: bool  # the first segment of its span: the one that takes keyboard focus
    strength: int  # 1..4, drawn as the line's weight and opacity
    shown: bool  # at or above the reader's threshold


@dataclass
class Segment:
    text: str
    techniques: list[TechniqueMark] = field(default_factory=list)
    quote: int | None = None
    entities: list[int] = field(default_factory=list)
    evidence: list[int] = field(default_factory=list)  # the entities whose framing evidence covers it
    anchors: list[str] = field(default_factory=list)
    chip: dict | None = None
    claim: dict | None = None  # the claim this segment opens
    claim_ends: bool = False  # the last segment of a claim
    furniture: dict | None = None  # the furniture it lies in: left out of every layer, drawn dimmed


@dataclass
class ArticleView:
    analysis: Analysis
    segments: list[Segment]
    legend: list[dict]
    entities: list[dict]
    speakers: list[dict]
    timeline: list[dict]
    other_times: list[dict]
    claims: list[dict]
    figures: list[tuple[str, str]]
    link: str | None
    min_score: float = SHOWN_MIN_SCORE
    spans_found: int = 0  # every stored span
    spans_shown: int = 0  # those at or above min_score


def lanes_of(spans: list[TechniqueSpan]) -> list[int]:
    """The lowest free lane for each span, taking spans by start (longest first)."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i].start, -spans[i].end))
    lane_ends: list[int] = []
    lanes = [0] * len(spans)
    for i in order:
        span = spans[i]
        for lane, end in enumerate(lane_ends):
            if end <= span.start:
                lane_ends[lane] = span.end
                lanes[i] = lane
                break
        else:
            lane_ends.append(span.end)
            lanes[i] = len(lane_ends) - 1
    return lanes


def safe_link(url: str | None) -> str | None:
    """The article's URL if it is a web address; anything else (javascript:, data:) is
    shown as text only."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


@dataclass
class _Drawn:
    """The items of each layer the page draws: those whose offsets lie inside the text."""

    text: str
    spans: list[TechniqueSpan]
    lanes: list[int]
    positions: list[int]  # each drawn quote's place in its analysis
    quotes: list[Quote]
    mentions: list[tuple[int, int, int]]  # start, end, entity's index
    evidence: list[tuple[int, int, int]]  # start, end, entity's index
    times: list[TimeRef]
    claims: list[dict]
    furniture: list[Furniture]

    @classmethod
    def of(cls, analysis: Analysis) -> _Drawn:
        text = analysis.article.text
        size = len(text)

        def inside(items: list) -> list:
            return [item for item in items if 0 <= item.start < item.end <= size]

        spans = inside(analysis.techniques)
        positions = [i for i, q in enumerate(analysis.quotes) if 0 <= q.start < q.end <= size]
        entities = analysis.entities
        return cls(
            text=text, spans=spans, lanes=lanes_of(spans), positions=positions,
            quotes=[analysis.quotes[i] for i in positions],
            mentions=[(m.start, m.end, i) for i, e in enumerate(entities) for m in inside(e.mentions)],
            evidence=[(a, b, i) for i, e in enumerate(entities) for a, b in evidence_spans(e.framing, size)],
            times=inside(analysis.time_refs), claims=claims_of(analysis, size),
            furniture=sorted(inside(analysis.furniture), key=lambda f: f.start),
        )

    def bounds(self) -> list[int]:
        """Every offset where some layer's item opens or closes, in order."""
        cuts = {0, len(self.text)}
        for item in [*self.spans, *self.quotes, *self.times, *self.furniture]:
            cuts.update((item.start, item.end))
        for claim in self.claims:
            cuts.update((claim["start"], claim["end"]))
        for start, end, _ in [*self.mentions, *self.evidence]:
            cuts.update((start, end))
        return sorted(cuts)

    def edges(self) -> tuple[dict[int, list[tuple[str, int]]], dict[int, list[tuple[str, int]]]]:
        """(kind, index) of the items opening and of those closing at each offset."""
        opening: dict[int, list[tuple[str, int]]] = defaultdict(list)
        closing: dict[int, list[tuple[str, int]]] = defaultdict(list)
        ranges = [("t", [(t.start, t.end) for t in self.spans]), ("q", [(q.start, q.end) for q in self.quotes]),
                  ("m", [m[:2] for m in self.mentions]), ("v", [v[:2] for v in self.evidence]),
                  ("f", [(f.start, f.end) for f in self.furniture])]
        for kind, items in ranges:
            for i, (start, end) in enumerate(items):
                opening[start].append((kind, i))
                closing[end].append((kind, i))
        return opening, closing


def build_view(analysis: Analysis, min_score: float = SHOWN_MIN_SCORE) -> ArticleView:
    drawn = _Drawn.of(analysis)
    return ArticleView(
        analysis=analysis, segments=segments_of(drawn, analysis, min_score), legend=legend_of(drawn.spans, min_score),
        entities=entities_of(analysis.entities, drawn.text),
        speakers=speakers_of(drawn.quotes, drawn.positions), timeline=_times(drawn.times, dated=True),
        other_times=_times(drawn.times, dated=False), claims=drawn.claims,
        figures=figures_of(analysis, len(drawn.spans)), link=safe_link(analysis.article.url),
        min_score=min_score, spans_found=len(drawn.spans),
        spans_shown=sum(reaches(span.score, min_score) for span in drawn.spans),
    )


def segments_of(drawn: _Drawn, analysis: Analysis, min_score: float) -> list[Segment]:
    """The text cut at every item's edge, each piece with what covers it."""
    bounds = drawn.bounds()
    opening, closing = drawn.edges()
    claim_starts = {c["start"]: c for c in drawn.claims}
    claim_ends = {c["end"] for c in drawn.claims}
    segments = []
    active: set[tuple[str, int]] = set()
    for a, b in zip(bounds, bounds[1:]):
        active.difference_update(closing.get(a, ()))
        active.update(opening.get(a, ()))
        segment = Segment(text=drawn.text[a:b], claim=claim_starts.get(a), claim_ends=b in claim_ends)
        _cover(segment, a, sorted(active), drawn, min_score)
        segments.append(segment)
    _anchor(segments, bounds, drawn, {e.id: i for i, e in enumerate(analysis.entities)})
    return segments


def _cover(segment: Segment, a: int, active: list[tuple[str, int]], drawn: _Drawn, min_score: float) -> None:
    """What the items active over a segment starting at `a` draw on it."""
    for kind, i in active:
        if kind == "t":
            span = drawn.spans[i]
            segment.techniques.append(technique_mark(span, i, drawn.lanes[i], first=span.start == a,
                                                     min_score=min_score))
        elif kind == "q" and segment.quote is None:
            segment.quote = i
        elif kind == "f":
            segment.furniture = furniture_mark(drawn.furniture[i], first=drawn.furniture[i].start == a)
    segment.techniques.sort(key=lambda m: m.lane)
    segment.entities = sorted({drawn.mentions[i][2] for kind, i in active if kind == "m"})
    segment.evidence = sorted({drawn.evidence[i][2] for kind, i in active if kind == "v"})


def _anchor(segments: list[Segment], bounds: list[int], drawn: _Drawn, entity_index: dict[str, int]) -> None:
    """The link targets each segment opens (evidence, quotes, time references), and the speaker
    chip before a quote."""
    evidence_starts = {start for start, _, _ in drawn.evidence}
    quote_starts = {q.start: i for i, q in reversed(list(enumerate(drawn.quotes)))}
    time_starts = {t.start: i for i, t in reversed(list(enumerate(drawn.times)))}
    for a, segment in zip(bounds, segments):
        if a in evidence_starts:
            segment.anchors.append(evidence_anchor(a))
        if a in quote_starts:
            i = quote_starts[a]
            segment.anchors.append(f"q-{i}")
            speaker = drawn.quotes[i].speaker
            if speaker is not None:
                segment.chip = {"name": speaker.name or "unnamed", "entity": entity_index.get(speaker.entity or "")}
        if a in time_starts:
            segment.anchors.append(f"tr-{time_starts[a]}")


def furniture_mark(item: Furniture, first: bool) -> dict:
    """How a stretch of furniture is drawn: dimmed, saying what it is; the label only on its first segment."""
    label = item.reason.replace("_", " ")
    return {"label": label, "tip": f"Left out: {label}. {item.why}", "first": first}


def technique_mark(span: TechniqueSpan, index: int, lane: int, first: bool, min_score: float) -> TechniqueMark:
    """How one technique span is drawn over a segment: colour class, lane, strength, whether it shows."""
    return TechniqueMark(
        index=index, label=span.technique, name=technique_name(span.technique), css=technique_class(span.technique),
        score=span.score, lane=min(lane, MAX_LANE), first=first, strength=strength(span.score),
        shown=reaches(span.score, min_score),
    )


def entities_of(entities: list[Entity], text: str) -> list[dict]:
    """The entity list beside the article: names, aliases, mention counts and framing."""
    return [
        {"index": i, "name": e.name, "type": e.type, "aliases": [a for a in e.aliases if a != e.name],
         "mentions": len(e.mentions), **framing_of(e, text)}
        for i, e in enumerate(entities)
    ]


def framing_of(entity: Entity, text: str) -> dict:
    """What the entity list shows of an entity's framing: its role (None when none is clear),
    the CSS class of the role, and the sentence that best shows it with the anchor of its evidence."""
    role = role_of(entity.framing)
    sentence = evidence_sentence(text, entity)
    spans = evidence_spans(entity.framing, len(text))
    return {
        "role": role, "role_css": f"role-{role.lower()}" if role else "role-none" if is_framed(entity.framing) else "",
        "sentence": text[sentence[0]:sentence[1]] if sentence else None,
        "evidence_anchor": evidence_anchor(spans[0][0]) if spans else None,
    }


def claims_of(analysis: Analysis, size: int) -> list[dict]:
    """The claims the page highlights, in text order, each with what its hover and the
    panel say; one overlapping an earlier claim (never written by the pipeline) is left out."""
    outlet = analysis.article.outlet or "the outlet"
    shown: list[dict] = []
    for claim in sorted(analysis.claims, key=lambda c: (c.start, c.end)):
        if 0 <= claim.start < claim.end <= size and (not shown or claim.start >= shown[-1]["end"]):
            shown.append(_claim_row(claim, outlet))
    return shown


def _claim_row(claim: Claim, outlet: str) -> dict:
    dated = next((ref for ref in claim.time_refs if ref.kind == "date"), None)
    claimant = claim.claimant.name if claim.claimant else outlet
    when = spoken(dated.value, dated.kind) if dated else None
    tip = f"Claim by {claimant}" + (f" · refers to {when}" if when else "") + f" · {claim.kind}"
    return {
        "start": claim.start, "end": claim.end, "anchor": f"claim-{claim.start}", "text": claim.text,
        "claimant": claimant, "own_voice": claim.claimant is None, "date": dated.value if dated else None, "when": when,
        "date_text": dated.text if dated else None, "kind": claim.kind, "score": claim.score,
        "tip": f"{tip} · score {claim.score:.2f}",
    }


def legend_of(spans: list[TechniqueSpan], min_score: float = 0.0) -> list[dict]:
    """One row per technique found; `count` is its spans at or above `min_score`."""
    found: dict[str, list[float]] = defaultdict(list)
    for span in spans:
        found[span.technique].append(span.score)
    return sorted(
        ({"label": label, "name": technique_name(label), "css": technique_class(label),
          "count": sum(reaches(score, min_score) for score in scores), "best": max(scores)}
         for label, scores in found.items()),
        key=lambda row: (-row["count"], -row["best"], row["name"]),
    )


def speakers_of(quotes, positions: list[int]) -> list[dict]:
    """Quotes by speaker; `positions`: each quote's place in its analysis (its id's N, ARTICLE-N).
    `traced`: long enough to be grouped with its repetitions (docs/quotes.md, "Provenance")."""
    groups: dict[str, list[dict]] = {}
    for i, (quote, position) in enumerate(zip(quotes, positions)):
        name = (quote.speaker.name or "Unnamed") if quote.speaker else "Unattributed"
        groups.setdefault(name, []).append({"anchor": f"q-{i}", "text": quote.text, "kind": quote.kind,
                                            "position": position, "traced": len(words_of(quote.text)) >= MIN_WORDS})
    return sorted(
        ({"name": name, "quotes": items} for name, items in groups.items()),
        key=lambda g: (g["name"] == "Unattributed", -len(g["quotes"]), g["name"]),
    )


def _times(times, dated: bool) -> list[dict]:
    rows = [
        {"anchor": f"tr-{i}", "text": t.text, "value": t.value, "kind": t.kind,
         "shown": spoken_with_value(t.value, t.kind)}
        for i, t in enumerate(times) if (t.kind == "date") == dated
    ]
    return sorted(rows, key=lambda r: r["value"]) if dated else rows


def figures_of(analysis: Analysis, techniques: int) -> list[tuple[str, str]]:
    scores = dict(analysis.scores)
    figures = [(key.replace("_", " ").capitalize(), _shown(value)) for key, value in scores.items()]
    if "techniques" not in scores:
        figures.append(("Technique spans", str(techniques)))
        words = scores.get("words")
        if isinstance(words, int) and words > 0:
            figures.append(("Technique spans per 1,000 words", f"{1000 * techniques / words:.1f}"))
    return figures


def _shown(value) -> str:
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, dict):
        return "; ".join(f"{technique_name(str(k))} {_shown(v)}" for k, v in value.items()) or "none"
    if isinstance(value, (list, tuple)):
        return ", ".join(_shown(v) for v in value) or "none"
    return str(value)

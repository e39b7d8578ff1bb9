"""When a claim says things happened, and what kind of claim it is.

A claim's time references are those inside it or governing its main verb, ordered by how
directly they date that verb (rank 0 first): see `governing_refs`. Its kind follows from
the first dated one, the verb's tense and the quantities it names: see `claim_kind` and
docs/claims.md.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span, Token

from presslens.analysis import ClaimKind, TimeRef
from presslens.analyzers.claims.words import (
    ARGUMENT_DEPS,
    FUTURE_AUXILIARIES,
    LINK_DEPS,
    MAGNITUDE_WORDS,
    PAST_TAGS,
    QUANTITY_LABELS,
)
from presslens.analyzers.timeref.periods import period_of

# The values compared with the publication date by their days: a century ("18"), decade
# ("198"), year, month or day; an ISO week; a half or a quarter.
_COMPARED_BY_DAYS = re.compile(r"\d{2,4}(?:-\d\d){0,2}|\d{4}-W\d\d|\d{4}-[HQ]\d")


def verb_chain(verb: Token) -> set[int]:
    """The main verb and the verbs it hands its event to: "is expected to address", "tried to break"."""
    chain = {verb.i}
    while (verb := next((c for c in verb.children if c.dep_ == "xcomp"), None)) is not None:
        chain.add(verb.i)
    return chain


def _rank(ref_root: Token, chain: set[int], inside: bool) -> int | None:
    """0: the reference modifies the verb ("In 1953, ...", "... in 2014"); 1: it modifies the
    verb's subject or object ("the 1953 coup"); 2: it sits deeper under the verb; 3: it is in
    the claim but not under its verb. None: outside the claim and not dating its verb."""
    attach = ref_root.head
    if attach.dep_ in LINK_DEPS and attach.head.i != attach.i:
        attach = attach.head
    if attach.i in chain and ref_root.i not in chain:
        return 0
    if attach.dep_ in ARGUMENT_DEPS and attach.head.i in chain:
        return 1
    if not inside:
        return None
    return 2 if any(a.i in chain for a in ref_root.ancestors) else 3


def governing_refs(doc: Doc, claim: Span, start: int, end: int, refs: list[TimeRef]) -> list[TimeRef]:
    """The time references of the claim's sentence that are inside [start, end) or govern its
    main verb, the most directly governing first (then in text order)."""
    chain = verb_chain(claim.root)
    ranked = []
    for ref in refs:
        ref_span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if ref_span is None:
            continue
        rank = _rank(ref_span.root, chain, start <= ref.start and ref.end <= end)
        if rank is not None:
            ranked.append((rank, ref.start, ref))
    return [TimeRef(r.start, r.end, r.text, r.kind, r.value) for _, _, r in sorted(ranked, key=lambda x: x[:2])]


def relation_to(value: str, published: date) -> ClaimKind | None:
    """"historical" for an ISO value wholly before the publication date, "prediction" for one
    wholly after it; None for one that holds it, or that has unknown digits (X). Days,
    months, years, decades, centuries, ISO weeks, halves and quarters are compared by their
    first and last days; other forms (seasons, weekends) by their year only."""
    if "X" in value:
        return None
    period = period_of(value) if _COMPARED_BY_DAYS.fullmatch(value) else None
    if period is not None:
        return "historical" if period.last < published else "prediction" if period.first > published else None
    year, anchor = value[:4], published.isoformat()[:4]
    if not year.isdigit() or year == anchor:
        return None
    return "historical" if year < anchor else "prediction"


def is_future(verb: Token) -> bool:
    """ "will rise", "'ll rise", "is going to rise"."""
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in verb.children):
        return True
    return verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in verb.children)


def is_past(verb: Token) -> bool:
    return verb.tag_ in PAST_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def rests_on_quantity(claim: Span, refs: list[TimeRef]) -> bool:
    """A percent, an amount of money, a measure, or a count in digits or with a magnitude
    word ("3,000 people", "two million"); never a date."""
    for token in claim:
        if any(r.start <= token.idx < r.end for r in refs):
            continue
        label = token.ent_type_
        if label in QUANTITY_LABELS or token.lower_ in ("percent", "%"):
            return True
        if label == "CARDINAL" and (any(ch.isdigit() for ch in token.text) or token.lower_ in MAGNITUDE_WORDS):
            return True
    return False


def claim_kind(claim: Span, refs: list[TimeRef], published: date | None) -> ClaimKind:
    """The first of: the time of its first dated reference against the publication date
    (historical or prediction; without a publication date, a dated reference on a verb in
    the past tense is historical); a future form of its verb (prediction); a quantity it
    rests on (statistical); else other."""
    verb = claim.root
    dated = next((r for r in refs if r.kind == "date"), None)
    if dated is not None:
        if published is not None:
            relation = relation_to(dated.value, published)
            if relation is not None:
                return relation
        elif "X" not in dated.value and is_past(verb):
            return "historical"
    if is_future(verb):
        return "prediction"
    if rests_on_quantity(claim, refs):
        return "statistical"
    return "other"

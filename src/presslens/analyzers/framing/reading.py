"""Reading an entity's framing: its main role, the score of each role, and the sentence that
best shows the role, for the report, the article page and the corpus queries alike.

A framing is the dict the framing analyzer writes on each Entity (docs/framing.md):
`{"role", "scores", "fine_roles", "evidence": [{"start", "end"}]}`. Analyses made before
framing, or by a pipeline without it, carry `{}`; anything else unexpected in a stored dict
reads as "no role" rather than failing.
"""

from __future__ import annotations

import re
from typing import Any

from presslens.analysis import Entity
from presslens.analyzers.framing.roles import MAIN_ROLES

# A sentence longer than this around its evidence is cut to this many characters on each side.
SENTENCE_REACH = 300
# A sentence ends at . ! or ? (and any closing quotes or brackets) before a space, or at a line break.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s)|\n")


def is_framed(framing: Any) -> bool:
    """Whether the framing analyzer looked at this entity: its framing has a role (null when
    none is clear) or role scores, where an analysis made without framing has `{}`."""
    return isinstance(framing, dict) and ("role" in framing or isinstance(framing.get("scores"), dict))


def role_of(framing: Any) -> str | None:
    """The entity's main role, or None when no role is clear (or the framing is not one)."""
    role = framing.get("role") if isinstance(framing, dict) else None
    return role if role in MAIN_ROLES else None


def role_score(framing: Any, role: str) -> float:
    """The framing's score for `role`, 0.0 when it has none."""
    scores = framing.get("scores") if isinstance(framing, dict) else None
    value = scores.get(role) if isinstance(scores, dict) else None
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


def evidence_spans(framing: Any, size: int) -> list[tuple[int, int]]:
    """The framing's evidence spans, strongest first, that lie inside a text of `size` characters."""
    found = []
    for item in framing.get("evidence", []) if isinstance(framing, dict) else []:
        start, end = (item.get("start"), item.get("end")) if isinstance(item, dict) else (None, None)
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= size:
            found.append((start, end))
    return found


def evidence_anchor(start: int) -> str:
    """The id the article page gives the evidence span starting at `start`."""
    return f"ev-{start}"


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding text[start:end] (spanning sentences when it does), without the
    spaces around it; at most SENTENCE_REACH characters either side of the span."""
    low = max(0, start - SENTENCE_REACH)
    begin = low
    for found in _SENTENCE_END.finditer(text, low, start):
        begin = found.end()
    # A span that is itself a whole sentence ends with its own full stop: look from its last character.
    after = _SENTENCE_END.search(text, max(start, end - 1), min(len(text), end + SENTENCE_REACH))
    stop = after.end() if after else min(len(text), end + SENTENCE_REACH)
    while begin < start and text[begin].isspace():
        begin += 1
    while stop > end and text[stop - 1].isspace():
        stop -= 1
    return begin, stop


def evidence_sentence(text: str, entity: Entity) -> tuple[int, int] | None:
    """The sentence that best shows the entity's role: around its first evidence span, else
    around the mention that scores highest for the role; None when it has no role."""
    role = role_of(entity.framing)
    if role is None:
        return None
    spans = evidence_spans(entity.framing, len(text))
    if not spans:
        cast = [m for m in entity.mentions if m.role == role and 0 <= m.start < m.end <= len(text)]
        if not cast:
            return None
        best = max(cast, key=lambda m: m.scores.get(role, 0.0))
        spans = [(best.start, best.end)]
    return sentence_around(text, *spans[0])

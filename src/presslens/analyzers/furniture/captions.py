"""A photo caption without a credit, told by its form: one sentence in the present tense that
ends on the full date the photo was taken ("A billboard bearing portraits of the two leaders
is seen on a main road in Riyadh, on May 19, 2017."). News prose tells what happened in the
past tense; a present-tense sentence closed by a date on or before publication describes a
picture. The test needs the parse, so the component runs it on the Doc (lines.py reads text only).
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from presslens.analyzers.furniture.lines import Line
from presslens.analyzers.timeref.words import MONTHS

_MONTH_NAMES = "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True))
# The date after a comma, as captions write it ("in Riyadh, on May 19, 2017."); prose runs it on
# ("the anniversary of his death on July 17, 2014.").
CLOSING_DATE = re.compile(
    rf",\s(?:on\s)?(?:[A-Z][a-z]+day,\s)?(?P<month>{_MONTH_NAMES})\s(?P<day>\d{{1,2}}),\s(?P<year>\d{{4}})\.?$"
)
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
CAPTION_WORDS = 60


def is_dated_caption(doc: Doc, line: Line, published: date | None) -> bool:
    closing = CLOSING_DATE.search(line.text)
    if closing is None or len(line.words) > CAPTION_WORDS:
        return False
    try:
        taken = date(int(closing["year"]), MONTHS[closing["month"]], int(closing["day"]))
    except ValueError:
        return False
    if published is not None and taken > published:
        return False  # "The law takes effect on January 1, 2025": a date ahead is news
    span = doc.char_span(line.start, line.end, alignment_mode="expand")
    if span is None or not doc.has_annotation("DEP"):
        return False
    sentences = list(span.sents)
    return len(sentences) == 1 and _present_tense(sentences[0].root)


def _present_tense(verb) -> bool:
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "would", "could", "may", "might", "should", "must") for a in auxiliaries):
        return False
    return verb.tag_ in PRESENT_TAGS or any(a.tag_ in PRESENT_TAGS for a in auxiliaries)

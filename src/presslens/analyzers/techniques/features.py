"""Surface features of a span that the encoder sees poorly, for the technique classifier's second stage.

The encoder reads one 256-token window at a time, so it cannot tell that a phrase recurs
across an article, which is what PTC's Repetition label means. These features read the
whole article: how often the span's words (case and punctuation folded) occur
elsewhere, and a few cues of form (length, quotation marks, exclamation, question,
capitals). Each is scaled to roughly [0, 3] so one regularisation strength suits all.
"""

from __future__ import annotations

import bisect
import math
import re

import numpy as np

from presslens.analyzers.quotes.marks import find_marked_quotes

FEATURE_NAMES = ("repeats", "repeats_before", "repeated", "words", "quoted", "exclaims", "asks", "capitals")
_WORD = re.compile(r"\w+")


class SpanFeatures:
    """Feature vectors for spans of one text; the text is folded and its quotations found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        matches = list(_WORD.finditer(text))
        self.word_starts = [m.start() for m in matches]
        self.words = [m.group().lower() for m in matches]
        self.folded = " " + " ".join(self.words) + " "
        # Character position in `folded` where each word begins, to count earlier occurrences.
        self.folded_starts = np.cumsum([1] + [len(w) + 1 for w in self.words[:-1]]).tolist() if self.words else []
        self.quotes = [(q.start, q.end) for q in find_marked_quotes(text)]

    def _occurrences(self, start: int, end: int) -> tuple[int, int]:
        """Occurrences of the span's folded words elsewhere in the text: in all, and before the span."""
        first = bisect.bisect_left(self.word_starts, start)
        last = bisect.bisect_left(self.word_starts, end)
        if last <= first:
            return 0, 0
        phrase = " " + " ".join(self.words[first:last]) + " "
        total = _count(self.folded, phrase)
        before = _count(self.folded[: self.folded_starts[first]], phrase)
        return max(total - 1, 0), before

    def _quoted(self, start: int, end: int) -> bool:
        return any(q_start <= start and end <= q_end for q_start, q_end in self.quotes)

    def vector(self, start: int, end: int) -> np.ndarray:
        span = self.text[start:end]
        repeats, before = self._occurrences(start, end)
        after = self.text[end:end + 2]
        letters = [c for c in span if c.isalpha()]
        capitals = sum(c.isupper() for c in letters) / len(letters) if letters else 0.0
        return np.array([
            math.log1p(repeats),
            math.log1p(before),
            float(repeats > 0),
            math.log1p(len(_WORD.findall(span))),
            float(self._quoted(start, end)),
            float("!" in span or "!" in after),
            float("?" in span or "?" in after),
            capitals,
        ], np.float32)


def _count(haystack: str, needle: str) -> int:
    """Occurrences of `needle` (framed by spaces) that may share their framing spaces."""
    count, at = 0, haystack.find(needle)
    while at >= 0:
        count += 1
        at = haystack.find(needle, at + 1)
    return count

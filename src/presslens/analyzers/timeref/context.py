"""What the time grammar may ask of the parsed Doc around a match: the words before
it, tags and entity types of its tokens, whether it starts a name, and verb tense."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from spacy.tokens import Doc, Token

from presslens.analyzers.layers import published_of
from presslens.analyzers.timeref.calendar import Tense
from presslens.analyzers.timeref.words import (
    FUTURE_AUXILIARIES,
    FUTURE_VERBS,
    NAME_ENTITY_TYPES,
    NAME_SAFE_BEFORE,
)

_WORD_BEFORE = re.compile(r"([\w'’.-]+)[^\S\n]*\n?[^\S\n]*$")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n][\"'“”‘’)\]]*)[\s\"'“”‘’(\[]*$")
_NAME_ABBREVIATIONS = ("Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Gen.", "Sen.", "Rep.", "Gov.")
# Guards look back a few words only; searching the whole text would be quadratic.
_WINDOW = 80
_PAST_AUXILIARIES = ("had", "was", "were", "did", "has", "have")


class DocContext:
    """Read-only views of one Doc for the grammar's guards."""

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        self.anchor: date | None = published_of(doc)
        self._starts = doc.to_array("IDX").tolist() if len(doc) else []

    def token_at(self, char: int) -> Token | None:
        i = bisect_right(self._starts, char) - 1
        if i < 0:
            return None
        token = self.doc[i]
        return token if char < token.idx + len(token.text) else None

    def token_after(self, char: int) -> Token | None:
        """The first non-space token starting at or after `char`."""
        i = bisect_right(self._starts, char - 1)
        while i < len(self.doc) and self.doc[i].is_space:
            i += 1
        return self.doc[i] if i < len(self.doc) else None

    def words_before(self, char: int, count: int = 1) -> str:
        """The `count` words before `char` on the same line, lower-cased ("" if none)."""
        words: list[str] = []
        end = char
        for _ in range(count):
            match = _WORD_BEFORE.search(self.text, max(0, end - _WINDOW), end)
            if not match:
                break
            words.insert(0, match.group(1))
            end = match.start()
        return " ".join(words).lower()

    def starts_sentence(self, char: int) -> bool:
        return bool(_SENTENCE_END.search(self.text, max(0, char - _WINDOW), char))

    def entity_type(self, char: int) -> str:
        token = self.token_at(char)
        return token.ent_type_ if token is not None else ""

    def in_name(self, start: int) -> bool:
        """A capitalised month or weekday that is part of a name: "Theresa May",
        "Super Tuesday", "The Sunday Times"."""
        if self.entity_type(start) in NAME_ENTITY_TYPES:
            return True
        match = _WORD_BEFORE.search(self.text, max(0, start - _WINDOW), start)
        if not match:
            return False
        before = match.group(1)
        if not before[0].isupper() or before.lower() in NAME_SAFE_BEFORE:
            return False
        if before[-1] in ".!?" and before not in _NAME_ABBREVIATIONS:
            return False
        return not self.starts_sentence(match.start(1))

    def inside_name(self, char: int) -> bool:
        """The token at `char` is inside a named entity (not a date) and not its last
        word: "Sunday" in "The Sunday Times", but not in "told the Senate Floor Thursday"."""
        token = self.token_at(char)
        if token is None or token.ent_iob_ == "O" or token.ent_type_ in ("DATE", "TIME"):
            return False
        following = token.nbor(1) if token.i + 1 < len(self.doc) else None
        return following is not None and following.ent_iob_ == "I"

    def tense(self, start: int, end: int, future_auxiliaries: tuple[str, ...] = FUTURE_AUXILIARIES) -> Tense:
        """"future" when the verb governing the span is in the future ("will speak on
        Tuesday", "is expected to address parliament": one of `future_auxiliaries`, or a
        verb of intent), "past" for a past-tense verb."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        node = span.root
        for _ in range(8):
            if node.pos_ in ("VERB", "AUX"):
                verdict = _verb_tense(node, future_auxiliaries)
                if verdict is not None:
                    return verdict
                if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in node.children):
                    return None
            if node.head is node:
                return None
            node = node.head
        return None


def _verb_tense(verb: Token, future_auxiliaries: tuple[str, ...]) -> Tense:
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxiliaries}
    counterfactual = "have" in words and not words & set(FUTURE_AUXILIARIES)  # "would have risen"
    if words & set(future_auxiliaries) and not counterfactual:
        return "future"
    if verb.lemma_ in FUTURE_VERBS and any(c.dep_ == "xcomp" for c in verb.children):
        return "future"
    if verb.tag_ == "VBD" or any(a.lower_ in _PAST_AUXILIARIES for a in auxiliaries):
        return "past"
    return None

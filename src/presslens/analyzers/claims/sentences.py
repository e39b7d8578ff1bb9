"""Claim candidates: the sentences of a Doc, or the reported content of the quotes in them.

A sentence with a quote in it offers the quote's part of the sentence ("X said (that)
CLAIM", "CLAIM, X said", a sentence inside a quotation over several paragraphs), so the
claim is what was said, without its attribution, and carries the quote's speaker. A
sentence no quote offers a long enough piece of is itself the candidate. Questions,
imperatives, attributions without content ("He added in a statement."), fragments under
MIN_WORDS words and stretches without a verb (headlines, datelines) are never candidates.
See docs/claims.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from presslens.analysis import Quote
from presslens.analyzers.claims.words import CONTENT_DEPS, EDGE_CHARS, SUBJECT_DEPS
from presslens.analyzers.quotes.marks import paragraphs
from presslens.analyzers.quotes.reported_speech import is_speech_verb

MIN_WORDS = 4  # shorter stretches ("Prices rose.", "he added.") are not worth checking


@dataclass
class Candidate:
    """A stretch of one sentence that may be a claim, and the quote it belongs to, if any."""

    start: int
    end: int
    text: str
    span: Span  # the tokens, widened to whole tokens
    quote: Quote | None


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without the spaces, quotation marks and separating commas at its ends."""
    while start < end and text[start] in EDGE_CHARS:
        start += 1
    while end > start and text[end - 1] in EDGE_CHARS:
        end -= 1
    return start, end


def candidates(doc: Doc, quotes: list[Quote]) -> list[Candidate]:
    """The claim candidates of a parsed Doc in text order, never overlapping."""
    text = doc.text
    paras = paragraphs(text)
    found: list[Candidate] = []
    for sentence in doc.sents:
        # The parser sometimes runs a sentence on from a headline or over a paragraph break; a claim never does.
        for start, end in [(max(a, sentence.start_char), min(b, sentence.end_char))
                           for a, b in paras if a < sentence.end_char and b > sentence.start_char]:
            pieces = [(max(q.start, start), min(q.end, end), q) for q in quotes if q.start < end and q.end > start]
            offered = [c for c in (_candidate(doc, text, *piece) for piece in pieces) if c is not None]
            if not offered:
                whole = _candidate(doc, text, start, end, None)
                offered = [whole] if whole is not None else []
            for candidate in offered:
                if not found or candidate.start >= found[-1].end:
                    found.append(candidate)
    return [c for c in found if _is_statement(c)]


# A table pasted as text ("D Aug. 26-29 Bill Clinton +5 1992 D July 13-16 ..."): a sentence
# has numbers, a table run into one line is mostly numbers.
TABLE_NUMBER_SHARE = 0.4
TABLE_MIN_NUMBERS = 8


def _is_table(span) -> bool:
    words = [t for t in span if not t.is_punct and not t.is_space]
    numbers = sum(1 for t in words if t.like_num or any(c.isdigit() for c in t.text))
    return numbers >= TABLE_MIN_NUMBERS and numbers >= TABLE_NUMBER_SHARE * len(words)


def _candidate(doc: Doc, text: str, start: int, end: int, quote: Quote | None) -> Candidate | None:
    start, end = trimmed(text, start, end)
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    if span is None or sum(1 for t in span if t.is_alpha or t.like_num) < MIN_WORDS:
        return None
    return Candidate(start, end, text[start:end], span, quote)


def _is_statement(candidate: Candidate) -> bool:
    span = candidate.span
    if candidate.text.rstrip(".!").endswith("?"):
        return False
    if _is_table(span):
        return False
    if not any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    verb = span.root
    children = [c.dep_ for c in verb.children]
    if verb.tag_ == "VB" and not any(dep in SUBJECT_DEPS or dep == "aux" for dep in children):
        return False  # "Stop the project now."
    if is_speech_verb(verb) and not any(dep in CONTENT_DEPS for dep in children):
        return False  # "The minister added in a statement on Tuesday."
    return True

"""Technique spans as a reader should see them: whole words and phrases, never a piece of a name.

The model marks subword tokens of its own, so its spans can open on a comma (", clean"), end on
an article or preposition ("roaring, the"), or cut a name apart ("a Hero" out of a PAC's name).
`tidy_span` snaps a span to spaCy's tokens, trims what no phrase opens or ends with, widens it
over the hyphenated words it cuts ("serving Dems" of "long-serving Dems"), and then
looks at the names it touches (spaCy's named entities and runs of proper nouns): a span lying
inside one name and smaller than it is dropped (the name is not the writer's wording); a span
that cuts into a name at an edge is widened to the whole name.
"""

from __future__ import annotations

from spacy.tokens import Doc

from presslens.analysis import TechniqueSpan

# Entity labels that name someone or something: a technique span never cuts one apart.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})
# Parts of speech of the stop words no phrase begins with ("for citizens", ", clean") or ends with
# ("roaring, the", "the mob will").
NOT_OPENING = frozenset({"ADP", "CCONJ", "SCONJ", "PUNCT", "SPACE", "PART"})
NOT_CLOSING = frozenset({"ADP", "CCONJ", "SCONJ", "PUNCT", "SPACE", "DET", "PART", "AUX"})
# Closing marks kept at a span's end when the span holds their opening mark.
PAIRS = {")": "(", "”": "“", "’": "‘", '"': '"'}


def carries_words(doc: Doc, start: int, end: int) -> bool:
    """Whether the text [start, end) of `doc` holds a word that is not a stop word: a span
    of "the", "of it" or punctuation alone gives a reader nothing to weigh, so the layer
    never marks one (spaCy's own stop list, case-insensitive)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(not (t.is_stop or t.is_punct or t.is_space) for t in span)


def name_bounds(doc: Doc) -> list[tuple[int, int] | None]:
    """For each token, the token range [start, end) of the name it is part of (a named entity,
    else a run of proper nouns), or None."""
    bounds: list[tuple[int, int] | None] = [None] * len(doc)
    i = 0
    while i < len(doc):
        if doc[i].pos_ == "PROPN":
            j = i
            while j < len(doc) and doc[j].pos_ == "PROPN":
                j += 1
            bounds[i:j] = [(i, j)] * (j - i)
            i = j
        else:
            i += 1
    for ent in doc.ents:
        if ent.label_ in NAME_LABELS:
            bounds[ent.start:ent.end] = [(ent.start, ent.end)] * len(ent)
    return bounds


def _trimmed(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """Tokens [first, last) without what a phrase neither opens nor ends with; a closing mark
    whose opening mark is in the span stays."""
    def is_stop_word(i: int, parts: frozenset[str]) -> bool:
        token = doc[i]
        return token.is_space or token.is_punct or (token.is_stop and (token.pos_ in parts or not token.pos_))

    while first < last and is_stop_word(first, NOT_OPENING):
        first += 1
    while last > first and is_stop_word(last - 1, NOT_CLOSING):
        mark = doc[last - 1].text
        if mark in PAIRS and any(t.text == PAIRS[mark] for t in doc[first:last - 1]):
            break
        last -= 1
    return first, last


def _whole_compounds(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """Tokens [first, last) widened over the hyphenated words they cut: "long-serving Dems",
    not "serving Dems"; "grass-roots", not "roots"."""
    def joined(hyphen: int) -> bool:
        return (0 < hyphen < len(doc) - 1 and doc[hyphen].text == "-"
                and not doc[hyphen - 1].whitespace_ and not doc[hyphen].whitespace_)

    if last <= first:
        return first, last
    while joined(first - 1):
        first -= 2
    while joined(last):
        last += 2
    return first, last


def _with_names(doc: Doc, first: int, last: int, bounds: list[tuple[int, int] | None]) -> tuple[int, int] | None:
    """The tokens widened over the names cut at an edge; None when the span is a piece of one name."""
    content = [i for i in range(first, last) if not (doc[i].is_stop or doc[i].is_punct or doc[i].is_space)]
    names = {bounds[i] for i in content}
    if len(names) == 1 and None not in names:
        (name_start, name_end), = names
        if name_start < first or name_end > last:
            return None
    if bounds[first] is not None:
        first = min(first, bounds[first][0])
    if bounds[last - 1] is not None:
        last = max(last, bounds[last - 1][1])
    return first, last


def tidy_span(doc: Doc, span: TechniqueSpan, bounds: list[tuple[int, int] | None]) -> TechniqueSpan | None:
    """`span` snapped to whole tokens, trimmed and widened over the names it cuts (`bounds`:
    `name_bounds(doc)`); None when nothing a reader could weigh is left."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or len(tokens) == 0:
        return None
    first, last = _whole_compounds(doc, *_trimmed(doc, tokens.start, tokens.end))
    widened = _with_names(doc, first, last, bounds) if last > first else None
    if widened is None:
        return None
    first, last = widened
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
    if not carries_words(doc, start, end):
        return None
    return TechniqueSpan(start, end, doc.text[start:end], span.technique, span.score)


def tidy_spans(doc: Doc, spans: list[TechniqueSpan]) -> list[TechniqueSpan]:
    """Every span tidied; of two that now mark the same words with the same technique, the
    higher scored one, in text order."""
    bounds = name_bounds(doc)
    best: dict[tuple[int, int, str], TechniqueSpan] = {}
    for span in spans:
        tidied = tidy_span(doc, span, bounds)
        if tidied is not None:
            key = (tidied.start, tidied.end, tidied.technique)
            if key not in best or tidied.score > best[key].score:
                best[key] = tidied
    return sorted(best.values(), key=lambda s: (s.start, s.end))

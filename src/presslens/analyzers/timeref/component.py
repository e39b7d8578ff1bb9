"""Time references: dates, durations and sets, normalised to ISO 8601.

The grammar (`timeref_grammar`) proposes candidates over the article text; this
component keeps the longest of any that overlap, so "November 3, 2019" wins over
"November 3" and "2019", and writes the `time_refs` layer and spaCy spans. Relative
references are placed against the publication date (see docs/time-references.md).
"""

from __future__ import annotations

from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from presslens.analysis import TimeRef
from presslens.analyzers.layers import layer_attribute, outside_furniture, write_layer
from presslens.analyzers.timeref.context import DocContext
from presslens.analyzers.timeref.grammar import Candidate, find_candidates


@Language.factory(
    "presslens_time_refs",
    assigns=[layer_attribute("time_refs"), "doc.spans"],
    # Token.pos_ is read too; it comes from the attribute_ruler, which declares nothing.
    requires=["token.tag", "token.dep", "token.lemma", "token.ent_iob", "token.ent_type"],
)
def make_time_refs(nlp: Language, name: str) -> TimeRefFinder:
    return TimeRefFinder(name)


class TimeRefFinder:
    """Writes `time_refs` (list[TimeRef], `doc._.presslens_time_refs`) and `doc.spans[name]`
    labelled by kind."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        refs = outside_furniture(doc, find_time_refs(doc))  # a caption's date dates no claim
        write_layer(doc, "time_refs", self.name, refs, lambda ref: ref.kind)
        return doc


def find_time_refs(doc: Doc) -> list[TimeRef]:
    """Time references in a parsed Doc, sorted by start, never overlapping."""
    text = _doc_text(doc)
    return [TimeRef(c.start, c.end, text[c.start:c.end], c.kind, c.value)
            for c in longest_first(find_candidates(DocContext(doc, text)))]


def _doc_text(doc: Doc) -> str:
    """doc.text without making a Token object per token (the costliest part otherwise)."""
    strings = doc.vocab.strings
    return "".join(strings[orth] + " " if space else strings[orth]
                   for orth, space in doc.to_array([ORTH, SPACY]).tolist())


def longest_first(candidates: list[Candidate]) -> list[Candidate]:
    """Of overlapping candidates keep the longest (the earliest on a tie)."""
    kept: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if all(c.end <= s or c.start >= e for s, e in taken):
            kept.append(c)
            taken.append((c.start, c.end))
    return sorted(kept, key=lambda c: c.start)

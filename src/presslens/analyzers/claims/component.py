"""The claims layer: the check-worthy statements of an article, who makes them, and when
they say things happened.

Each candidate (a sentence, or the reported content of a quote in it: sentences.py) is
scored by the check-worthiness model in one batch per Doc; those scoring at or above the
model's threshold become Claims, with the quote's speaker as claimant (None: the outlet's
own voice), the time references that are inside them or govern their verb (the governing
one first: kinds.py), the entities they mention, and a kind. Every candidate's score stays
readable as `doc._.presslens_claim_candidates`. See docs/claims.md.

It writes the `claims` layer (`doc._.presslens_claims`) and `doc.spans["presslens_claims"]`
labelled by kind; it reads the entities, quotes and time_refs layers, so their components
come first.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from presslens.analysis import Claim, Speaker, TimeRef
from presslens.analyzers.claims.kinds import claim_kind, governing_refs
from presslens.analyzers.claims.model import ClaimModel
from presslens.analyzers.claims.sentences import Candidate, candidates
from presslens.analyzers.claims.words import SUBJECT_DEPS
from presslens.analyzers.entities.index import ENTITY_INDEX, entity_index, resolve_mention
from presslens.analyzers.entities.words import PERSON_PRONOUNS
from presslens.analyzers.layers import (
    check_requires,
    get_layer,
    layer_attribute,
    outside_furniture,
    published_of,
    set_layer,
    write_layer,
)
from presslens.analyzers.onnx_models import ModelComponent

SPANS_KEY = "presslens_claims"


@dataclass
class ScoredCandidate:
    """A claim candidate and its check-worthiness, whether or not it made the threshold."""

    start: int
    end: int
    text: str
    score: float


@Language.factory(
    "presslens_claims",
    assigns=[layer_attribute("claims"), layer_attribute("claim_candidates"), "doc.spans"],
    # Token.pos_ is read too; it comes from the attribute_ruler, which declares nothing.
    requires=[
        "doc.sents", "token.dep", "token.tag", "token.ent_type", "token.lemma", ENTITY_INDEX,
        layer_attribute("quotes"), layer_attribute("time_refs"),
    ],
    default_config={"model_dir": None, "threshold": None},
)
def make_claims(nlp: Language, name: str, model_dir: str | None, threshold: float | None) -> ClaimFinder:
    check_requires(nlp, name, "presslens_claims")
    return ClaimFinder(name, model_dir, threshold)


class ClaimFinder(ModelComponent[ClaimModel]):
    """Writes the claims layer; loads the model at the first Doc. `threshold` None keeps
    the model's own (chosen on its development data)."""

    model_class = ClaimModel

    def __init__(self, name: str, model_dir: str | None = None, threshold: float | None = None) -> None:
        super().__init__(name, model_dir)
        self.threshold = threshold

    def __call__(self, doc: Doc) -> Doc:
        claims, scored = find_claims(doc, self.model, self.threshold)
        set_layer(doc, "claim_candidates", scored)
        write_layer(doc, "claims", SPANS_KEY, claims, lambda claim: claim.kind)
        return doc


def find_claims(
    doc: Doc, model: ClaimModel, threshold: float | None = None,
) -> tuple[list[Claim], list[ScoredCandidate]]:
    """The claims of a Doc that the entities, quotes and time_refs components have run on
    (sorted by start), and every candidate with its score. `model` is anything with
    `score(texts)` and `threshold`."""
    found = outside_furniture(doc, candidates(doc, get_layer(doc, "quotes")))
    scores = model.score([c.text for c in found]) if found else []
    limit = model.threshold if threshold is None else threshold
    refs = get_layer(doc, "time_refs")
    ref_starts = [r.start for r in refs]
    published = published_of(doc)
    claims = [_claim(doc, c, score, refs, ref_starts, published) for c, score in zip(found, scores) if score >= limit]
    scored = [ScoredCandidate(c.start, c.end, c.text, round(score, 4)) for c, score in zip(found, scores)]
    return claims, scored


def _claim(doc: Doc, candidate: Candidate, score: float, refs: list[TimeRef], ref_starts: list[int],
           published: date | None) -> Claim:
    sentence = candidate.span.sent
    first = bisect_left(ref_starts, sentence.start_char)
    in_sentence = [r for r in refs[first:] if r.end <= sentence.end_char]
    time_refs = governing_refs(doc, candidate.span, candidate.start, candidate.end, in_sentence)
    speaker = candidate.quote.speaker if candidate.quote else None
    return Claim(
        start=candidate.start, end=candidate.end, text=candidate.text, score=round(score, 4),
        claimant=Speaker(speaker.entity, speaker.name, speaker.start, speaker.end) if speaker else None,
        time_refs=time_refs, entities=_entities(doc, candidate),
        kind=claim_kind(candidate.span, time_refs, published),
    )


def _entities(doc: Doc, candidate: Candidate) -> list[str]:
    """Ids of the entities mentioned in the claim, by first mention; a pronoun subject
    ("He was born in 1950") counts as a mention of the person it stands for."""
    ids = [m.entity for m in entity_index(doc).mentions
           if candidate.start <= m.start and m.end <= candidate.end]
    for token in candidate.span.root.children:
        if token.dep_ in SUBJECT_DEPS and token.lower_ in PERSON_PRONOUNS:
            resolved = resolve_mention(doc, token.idx, token.idx + len(token))
            if resolved:
                ids.insert(0, resolved)
    return list(dict.fromkeys(ids))

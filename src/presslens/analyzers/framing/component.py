"""The framing layer: the role each article casts its people, organisations, places and
groups in (SemEval-2025 Task 10: protagonist, antagonist or innocent, with fine roles).

Every mention of a PERSON, ORG, GPE or NORP entity is scored by the framing model in one
batch per Doc (model.py). A mention gets the role it scores highest, and its scores; the
entity gets the mean of its mentions' scores, its best role if that mean reaches the
model's entity threshold (chosen on the development part: docs/framing.md) and null
otherwise, the fine roles of that role, and as evidence its mentions cast in that role,
strongest first. See docs/framing.md.

It fills `Entity.framing` and each such mention's `role` and `scores` in the entities
layer, which it reads (so presslens_entities comes first), keeps the framings by entity id
as the `framing` layer (`doc._.presslens_framing`), and writes the mentions that carry a
role to `doc.spans["presslens_framing"]`, labelled by role.
"""

from __future__ import annotations

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from presslens.analysis import Entity
from presslens.analyzers.framing.model import FramingModel, RoleScores, entity_scores, fine_roles_of
from presslens.analyzers.framing.roles import MAIN_ROLES
from presslens.analyzers.layers import check_requires, get_layer, layer_attribute, set_layer
from presslens.analyzers.onnx_models import ModelComponent

SPANS_KEY = "presslens_framing"
FRAMED_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
EVIDENCE_MENTIONS = 3


@Language.factory(
    "presslens_framing",
    assigns=[layer_attribute("framing"), "doc.spans"],
    requires=[layer_attribute("entities")],
    default_config={"model_dir": None},
)
def make_framing(nlp: Language, name: str, model_dir: str | None) -> FramingTagger:
    check_requires(nlp, name, "presslens_framing")
    return FramingTagger(name, model_dir)


class FramingTagger(ModelComponent[FramingModel]):
    """Writes the framing of each entity; loads the model at the first Doc."""

    model_class = FramingModel

    def __call__(self, doc: Doc) -> Doc:
        framed = [e for e in get_layer(doc, "entities") if e.type in FRAMED_TYPES and e.mentions]
        spans = [(m.start, m.end) for e in framed for m in e.mentions]
        scores = self.model.scores(doc.text, spans)
        first = 0
        for entity in framed:
            count = len(entity.mentions)
            mention_scores = RoleScores(scores.main[first:first + count], scores.fine[first:first + count])
            frame_entity(entity, mention_scores, self.model)
            first += count
        set_layer(doc, "framing", {e.id: e.framing for e in framed})
        cast = [(m, m.role) for e in framed for m in e.mentions if m.role]
        spacy_spans = (doc.char_span(m.start, m.end, label=role, alignment_mode="expand") for m, role in cast)
        doc.spans[SPANS_KEY] = [span for span in spacy_spans if span is not None]
        return doc


def role_scores(main: np.ndarray) -> dict[str, float]:
    return {role: round(float(p), 4) for role, p in zip(MAIN_ROLES, main)}


def clear_role(main: np.ndarray, threshold: float) -> str | None:
    """The likeliest role, or None when its score is under `threshold`."""
    best = int(np.argmax(main))
    return MAIN_ROLES[best] if main[best] >= threshold else None


def frame_entity(entity: Entity, scores: RoleScores, model: FramingModel) -> None:
    """Sets the role and scores of each of the entity's mentions (`scores` in their order)
    and the entity's framing."""
    for mention, main in zip(entity.mentions, scores.main):
        mention.scores = role_scores(main)
        mention.role = clear_role(main, model.entity_threshold)
    mean = entity_scores(scores.main)
    role = clear_role(mean, model.entity_threshold)
    fine_roles: list[str] = []
    evidence: list[dict[str, int]] = []
    if role is not None:
        column = MAIN_ROLES.index(role)
        by_strength = sorted(range(len(entity.mentions)), key=lambda i: -scores.main[i, column])
        # The mentions cast in the role; when the role comes only from the mean, the one closest to it.
        cast = [i for i in by_strength if entity.mentions[i].role == role] or by_strength[:1]
        fine_roles = fine_roles_of(role, scores.fine[cast].mean(axis=0), model.fine_threshold)
        strongest = cast[:EVIDENCE_MENTIONS]
        evidence = [{"start": entity.mentions[i].start, "end": entity.mentions[i].end} for i in strongest]
    entity.framing = {"role": role, "scores": role_scores(mean), "fine_roles": fine_roles, "evidence": evidence}

"""Analyses whose entity framing a test fills in exactly, and a small corpus built from them,
for the framing query, export, CLI, API and page tests (no real article text, no model).

The corpus, for the entity "Valdoria" (alias "Valdorian"):
- Harbor Times, 2024-01: one article casting it Antagonist (0.9);
- Harbor Times, 2024-02: one article casting it Protagonist (0.7);
- Valley Post, 2024-01: one article casting it Antagonist (0.6), and one analysed before
  framing (framing {}), which counts as mentioning it but not as framed.
An older analysis of the Protagonist article casts it Innocent: not the latest, so it never counts.
"Ana Petrik" (alias "Petrik") is Protagonist in the first article; an entity named only
"Petrik" in the Valley Post article is framed with no clear role. One article of a hostile
outlet names an entity in HTML and script, cast as Antagonist.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from presslens.analysis import Analysis, Entity, Mention
from presslens.article import Article
from support.analyses import fabricated_analysis, span

HT, VP = "Harbor Times", "Valley Post"
HOSTILE_OUTLET = "<b>Hostile</b> & Co"
HOSTILE_ENTITY = "<script>alert('role')</script>Front"


@dataclass
class Cast:
    """An entity by its mentions' words; `role` None with `framed` True: framed, no role clear."""

    name: str
    type: str
    mentions: list[str]
    role: str | None = None
    score: float = 0.0
    evidence: str | None = None  # words whose span is the framing's evidence
    aliases: list[str] = field(default_factory=list)
    framed: bool = True


def cast_analysis(article: Article, casts: list[Cast], version: str = "test-1") -> Analysis:
    """An analysis whose entities are exactly `casts` (ids E0, E1 ...), each mention cast in
    the entity's role with its scores, every offset found in the text."""
    analysis = fabricated_analysis(article, version=version)
    text = article.text
    for number, cast in enumerate(casts):
        scores = {role: 0.05 for role in ("Protagonist", "Antagonist", "Innocent")}
        if cast.role:
            scores[cast.role] = cast.score
        mentions = []
        searched = 0
        for words in cast.mentions:
            start = text.index(words, searched)
            searched = start + 1
            mentions.append(Mention(start, start + len(words), role=cast.role if cast.framed else None,
                                    scores=dict(scores) if cast.framed else {}))
        framing = {}
        if cast.framed:
            evidence = [dict(zip(("start", "end"), span(text, cast.evidence)))] if cast.evidence else []
            framing = {"role": cast.role, "scores": scores,
                       "fine_roles": ["Aggressor"] if cast.role == "Antagonist" else [], "evidence": evidence}
        analysis.entities.append(Entity(id=f"E{number}", name=cast.name, type=cast.type, aliases=cast.aliases,
                                        mentions=mentions, framing=framing))
    return analysis


SHELLING = Article(outlet=HT, published=date(2024, 1, 10), title="Night of shelling in Merrow", text=(
    "Valdorian troops shelled Merrow again overnight, killing three children. "
    "Rescue workers led by Mayor Ana Petrik pulled survivors from the rubble. Petrik asked for help."))
CORRIDOR = Article(outlet=HT, published=date(2024, 2, 3), title="A corridor opens", text=(
    "Valdoria opened a corridor for civilians on Monday. Aid groups welcomed the move."))
BLAME = Article(outlet=VP, published=date(2024, 1, 20), title="Border talks stall", text=(
    "Officials in Valdoria blamed Merrow for the clashes, and Valdoria moved more guns to the border. "
    "Petrik did not comment."))
OLD = Article(outlet=VP, published=date(2024, 1, 25), title="Trade figures", text=(
    "Exports to Valdoria rose by a tenth in the winter."))
HOSTILE = Article(outlet=HOSTILE_OUTLET, published=date(2024, 3, 1), title="<i>Loud</i> headline", text=(
    f"The {HOSTILE_ENTITY} burned the <b>market</b> & fled. Nobody stopped them."))

VALDORIA = "Valdoria"


def analyses() -> list[Analysis]:
    return [
        cast_analysis(SHELLING, [
            Cast(VALDORIA, "GPE", ["Valdorian"], "Antagonist", 0.9, evidence="Valdorian troops shelled Merrow",
                 aliases=["Valdorian"]),
            Cast("Merrow", "GPE", ["Merrow"], "Innocent", 0.8, evidence="shelled Merrow again overnight"),
            Cast("Ana Petrik", "PERSON", ["Ana Petrik", "Petrik"], "Protagonist", 0.85,
                 evidence="led by Mayor Ana Petrik", aliases=["Petrik"]),
        ]),
        cast_analysis(CORRIDOR, [Cast(VALDORIA, "GPE", ["Valdoria"], "Protagonist", 0.7,
                                      evidence="Valdoria opened a corridor")]),
        cast_analysis(BLAME, [
            Cast(VALDORIA, "GPE", ["Valdoria", "Valdoria"], "Antagonist", 0.6, evidence="Valdoria moved more guns"),
            Cast("Merrow", "GPE", ["Merrow"], None),
            Cast("Petrik", "PERSON", ["Petrik"], None),
        ]),
        cast_analysis(OLD, [Cast(VALDORIA, "GPE", ["Valdoria"], framed=False)]),
        cast_analysis(HOSTILE, [Cast(HOSTILE_ENTITY, "ORG", [HOSTILE_ENTITY], "Antagonist", 0.95,
                                     evidence="burned the <b>market</b>")]),
    ]


def older_corridor() -> Analysis:
    """An earlier analysis of the corridor article, casting Valdoria otherwise: superseded."""
    return cast_analysis(CORRIDOR, [Cast(VALDORIA, "GPE", ["Valdoria"], "Innocent", 0.99,
                                         evidence="Valdoria opened a corridor")], version="test-0")


def store_framing_corpus(store) -> None:
    store.add_articles([SHELLING, CORRIDOR, BLAME, OLD, HOSTILE])
    store.save_analysis(older_corridor())
    for analysis in analyses():
        store.save_analysis(analysis)

"""Analyses with claims a test gives exactly, and a small dated corpus built from them, for
the timeline and claims export tests (no real article text, no pipeline).

The corpus, in timeline order (first day of the period, wider periods first):
1953 (year, Lena Park, Harbor Times), 1953-05-03 (Valley Post, outlet's voice),
1953-08 (Harbor Times, outlet's voice), 198 (the 1980s, Tom Reyes, Valley Post),
2019-SU (Harbor Times, Lena Park), 2020-W18 (Valley Post, outlet's voice). Each article
also has claims the timeline must leave out: one with only a duration, one with no time
reference at all, one whose date could not be placed ("XXXX-03"). An older analysis of
the Harbor Times article holds a claim dated 1901 that is no longer the latest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from presslens.analysis import Analysis, Claim, Speaker, TimeRef
from presslens.article import Article
from support.analyses import fabricated_analysis, span


@dataclass
class ClaimSpec:
    """A claim by its words in the text; `times` are (words, kind, value) of its time refs."""

    words: str
    times: list[tuple[str, str, str]] = field(default_factory=list)
    claimant: str | None = None
    about: list[str] = field(default_factory=list)
    kind: str = "historical"
    score: float = 0.8


def claimed_analysis(article: Article, specs: list[ClaimSpec],
                     entities: list[tuple[str, str, list[tuple[int, int]]]] = (), version: str = "test-1") -> Analysis:
    """An analysis whose claims are exactly `specs`, its entities exactly `entities` (ids E0, E1, ...
    in that order), every offset found in the text."""
    analysis = fabricated_analysis(article, entities=entities, version=version)
    text = article.text
    ids = {e.name: e.id for e in analysis.entities}
    for spec in specs:
        start, end = span(text, spec.words)
        refs = []
        for words, kind, value in spec.times:
            ref_start = text.index(words, start)
            refs.append(TimeRef(start=ref_start, end=ref_start + len(words), text=words, kind=kind, value=value))
        claimant = None
        if spec.claimant:
            who = span(text, spec.claimant)
            claimant = Speaker(entity=ids.get(spec.claimant), name=spec.claimant, start=who[0], end=who[1])
        analysis.claims.append(Claim(start=start, end=end, text=spec.words, score=spec.score, claimant=claimant,
                                     time_refs=refs, entities=[ids[name] for name in spec.about], kind=spec.kind))
    return analysis


HT, VP = "Harbor Times", "Valley Post"

HARBOR = Article(outlet=HT, published=date(2021, 3, 1), title="The harbor's long memory", text=(
    "In 1953 the harbor flooded twice, Lena Park said. In August 1953 the sea wall failed. "
    "The port handled two million tonnes in the summer of 2019, Lena Park said. "
    "The ferry has run for 40 years. The harbor is the deepest on the coast. "
    "In March the dock was sold."))
VALLEY = Article(outlet=VP, published=date(2020, 5, 5), title="Valley mills, then and now", text=(
    "Last week the council voted to close the mill. In the 1980s the valley had two mills, Tom Reyes said. "
    "After 20 years of delays the bridge opened on 3 May 1953."))

HARBOR_CLAIMS = [
    ClaimSpec("In 1953 the harbor flooded twice", [("1953", "date", "1953")], claimant="Lena Park", about=["harbor"]),
    ClaimSpec("In August 1953 the sea wall failed.", [("August 1953", "date", "1953-08")]),
    ClaimSpec("The port handled two million tonnes in the summer of 2019",
              [("the summer of 2019", "date", "2019-SU")], claimant="Lena Park", about=["harbor"], kind="statistical"),
    ClaimSpec("The ferry has run for 40 years.", [("40 years", "duration", "P40Y")]),
    ClaimSpec("The harbor is the deepest on the coast.", [], about=["harbor"], kind="other"),
    ClaimSpec("In March the dock was sold.", [("March", "date", "XXXX-03")]),
]
VALLEY_CLAIMS = [
    ClaimSpec("Last week the council voted to close the mill.", [("Last week", "date", "2020-W18")]),
    ClaimSpec("In the 1980s the valley had two mills", [("the 1980s", "date", "198")], claimant="Tom Reyes",
              about=["valley"]),
    # A duration comes first: the first ref of kind "date" gives the date, not the first ref.
    ClaimSpec("After 20 years of delays the bridge opened on 3 May 1953.",
              [("20 years", "duration", "P20Y"), ("3 May 1953", "date", "1953-05-03"), ("1953", "date", "1953")]),
]
OLD_HARBOR_CLAIMS = [ClaimSpec("In August 1953 the sea wall failed.", [("August 1953", "date", "1901")])]

# (date value, claimant, article) of every claim on the timeline, in timeline order.
TIMELINE = [
    ("1953", "Lena Park", HARBOR.id), ("1953-05-03", None, VALLEY.id), ("1953-08", None, HARBOR.id),
    ("198", "Tom Reyes", VALLEY.id), ("2019-SU", "Lena Park", HARBOR.id), ("2020-W18", None, VALLEY.id),
]
CLAIM_ROWS = len(HARBOR_CLAIMS) + len(VALLEY_CLAIMS)


def harbor_analysis(version: str = "test-1", specs: list[ClaimSpec] = HARBOR_CLAIMS) -> Analysis:
    text = HARBOR.text
    return claimed_analysis(HARBOR, specs, version=version, entities=[
        ("Lena Park", "PERSON", [span(text, "Lena Park")]), ("harbor", "FAC", [span(text, "harbor")])])


def valley_analysis() -> Analysis:
    text = VALLEY.text
    return claimed_analysis(VALLEY, VALLEY_CLAIMS, entities=[
        ("Tom Reyes", "PERSON", [span(text, "Tom Reyes")]), ("valley", "GPE", [span(text, "valley")])])


def store_claims_corpus(store) -> None:
    """Both articles, the Harbor Times one first with an older analysis, then the latest ones."""
    store.add_articles([HARBOR, VALLEY])
    store.save_analysis(harbor_analysis(version="test-0", specs=OLD_HARBOR_CLAIMS))
    store.save_analysis(harbor_analysis())
    store.save_analysis(valley_analysis())

"""One story told outlet by outlet, for the story page: the people each outlet quoted and
its quotes (marked when another outlet of the story quotes the same words), the claims only
it made, its technique rate beside the story's, and how it cast the story's main entities.
Built from the stored analyses of the story's articles; an unanalysed article counts only
as a title."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from presslens.analysis import Analysis
from presslens.analyzers.techniques.component import SHOWN_MIN_SCORE
from presslens.corpus.stories import show_story
from presslens.store import Store
from presslens.store.quote_similarity import relate, words_of
from presslens.stories.story import Story, StoryMember

# A claim is the same claim in two outlets when this share of its content words is shared.
SAME_CLAIM_OVERLAP = 0.5
MAIN_ENTITIES = 5
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "NORP")
_WORD = re.compile(r"[a-z0-9]{3,}")


@dataclass(frozen=True)
class ToldQuote:
    text: str
    speaker: str
    article_id: str
    shared_with: tuple[str, ...]  # the other outlets of the story that quote the same words


@dataclass(frozen=True)
class Telling:
    """What one outlet's articles in the story hold."""

    outlet: str
    articles: tuple[StoryMember, ...]
    analysed: int
    words: int
    technique_spans: int  # scoring SHOWN_MIN_SCORE or more, as the article page marks them
    speakers: tuple[tuple[str, int], ...]  # who it quoted, most quoted first
    quotes: tuple[ToldQuote, ...]
    own_claims: tuple[str, ...]  # claims no other outlet of the story made
    roles: dict[str, str | None]  # main entity -> the role this outlet cast it in (None: none clear)

    @property
    def rate(self) -> float | None:
        """Technique spans per 1,000 words of its analysed articles."""
        return 1000 * self.technique_spans / self.words if self.words else None


@dataclass(frozen=True)
class StoryView:
    story: Story
    tellings: tuple[Telling, ...]
    main_entities: tuple[str, ...]  # named by the most outlets of the story
    framed: bool  # whether any of its analyses holds entity framing (off by default)

    @property
    def analysed(self) -> int:
        return sum(t.analysed for t in self.tellings)

    @property
    def mean_rate(self) -> float | None:
        words = sum(t.words for t in self.tellings)
        return 1000 * sum(t.technique_spans for t in self.tellings) / words if words else None


def story_view(store: Store, story_id: str) -> StoryView:
    """The story's tellings, outlets with the most articles first; NotFoundError when there is none."""
    story = show_story(store, story_id)
    by_outlet: dict[str, list[StoryMember]] = defaultdict(list)
    for member in story.members:
        by_outlet[member.outlet or "(no outlet)"].append(member)
    analyses = {m.article_id: store.get_analysis(m.article_id) for m in story.members}
    found = {outlet: [analyses[m.article_id] for m in members if analyses[m.article_id]]
             for outlet, members in by_outlet.items()}
    main = _main_entities(found)
    quotes = {outlet: _quotes(done) for outlet, done in found.items()}
    wordings = {outlet: [words_of(q.text) for q in told] for outlet, told in quotes.items()}  # read once
    claims = {outlet: [c.text for a in done for c in a.claims] for outlet, done in found.items()}
    tellings = []
    for outlet in sorted(by_outlet, key=lambda o: (-len(by_outlet[o]), o)):
        done = found[outlet]
        others = [o for o in found if o != outlet]
        tellings.append(Telling(
            outlet=outlet,
            articles=tuple(by_outlet[outlet]),
            analysed=len(done),
            words=sum(len(a.article.text.split()) for a in done),
            technique_spans=sum(1 for a in done for t in a.techniques if t.score >= SHOWN_MIN_SCORE),
            speakers=tuple(Counter(q.speaker for q in quotes[outlet] if q.speaker).most_common()),
            quotes=tuple(ToldQuote(q.text, q.speaker, q.article_id,
                                   tuple(o for o in others if any(relate(said, w) for w in wordings[o])))
                         for q, said in zip(quotes[outlet], wordings[outlet])),
            own_claims=tuple(c for c in claims[outlet]
                             if not any(_same_claim(c, d) for o in others for d in claims[o])),
            roles={name: _role(done, name) for name in main},
        ))
    framed = any(e.framing for done in found.values() for a in done for e in a.entities)
    return StoryView(story, tuple(tellings), main, framed)


def _quotes(done: list[Analysis]) -> list[ToldQuote]:
    """Its quotes, direct and mixed first, each speaker by the entity it resolves to ("DeVos"
    and "Betsy DeVos" are one), or "" when it names no one ("some evidence", "he")."""
    found = []
    for a in done:
        names = {e.id: e.name for e in a.entities if e.type in ENTITY_TYPES}
        for q in sorted(a.quotes, key=lambda q: q.kind == "indirect"):
            speaker = names.get(q.speaker.entity, "") if q.speaker and q.speaker.entity else ""
            found.append(ToldQuote(q.text, speaker, a.article.id, ()))
    return found


def _content_words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _same_claim(a: str, b: str) -> bool:
    wa, wb = _content_words(a), _content_words(b)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= SAME_CLAIM_OVERLAP


def _main_entities(found: dict[str, list[Analysis]]) -> tuple[str, ...]:
    """The people, organisations, places and groups named by the most outlets (then most often)."""
    outlets: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    for done in found.values():
        names = {e.name for a in done for e in a.entities if e.type in ENTITY_TYPES}
        outlets.update(names)
        for a in done:
            mentions.update({e.name: len(e.mentions) for e in a.entities if e.type in ENTITY_TYPES})
    ranked = sorted(outlets, key=lambda name: (-outlets[name], -mentions[name], name))
    return tuple(ranked[:MAIN_ENTITIES])


def _role(done: list[Analysis], name: str) -> str | None:
    roles = [e.framing.get("role") for a in done for e in a.entities if e.name == name and e.framing]
    roles = [r for r in roles if r]
    return Counter(roles).most_common(1)[0][0] if roles else None

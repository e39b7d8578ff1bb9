"""The online story clusterer: each article joins the story it is closest to or starts one, and
a merge pass then joins stories that turn out to be one. Articles already placed never move,
except with their whole story in a merge, so adding articles never re-clusters the rest.

The similarity of two articles is the dot product of their mixed vectors (features.py), scaled
by how crowded each one's neighbourhood is (CSLS, Conneau et al. 2018):
`2 cos(x, y) - r(x) - r(y)`, r being an article's mean cosine to its `neighbours` nearest
articles. A plain cosine threshold splits stories in sparse topics and lumps them in dense ones
(every Trump story looks like every other); the scaled one does not: on NeuS's tuning part it
took offline average-link from 0.837 to 0.880 B-cubed F1. A story's score for an article is
the mean of that similarity over its members, which is the article's dot product with the
story's centroid less the two mean densities, so joining costs one product per nearby story.

Dated articles are compared with those dated within `window_days`; an undated article with
everything, so it finds its story (dated or not) itself. Cost per article: the articles in its window (all of them
without dates), so near linear in a dated corpus.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from presslens.article import Article
from presslens.stories.clusters import Clusters
from presslens.stories.features import TextVectors, lead_text
from presslens.stories.story import Story, StoryMember, story_id

EMBED_CHUNK = 2048  # texts tokenised and embedded together


@dataclass(frozen=True)
class StorySettings:
    """The clusterer's settings; the defaults are those fitted on NeuS's tuning part (docs/stories.md)."""

    embedding_weight: float = 0.5  # share of the embedding cosine in the mixed one; the rest is TF-IDF
    tfidf_dims: int = 512  # hash buckets of the TF-IDF: 512 lost 0.005 F1 to an unhashed vocabulary
    lead_words: int = 60  # words of the text after the title that are read
    neighbours: int = 5  # nearest articles whose mean cosine is an article's density
    nearest_scored: int = 20  # stories of this many nearest articles are scored for a new one
    join_threshold: float = 0.5  # least scaled similarity to join a story as an article arrives
    merge_threshold: float = 0.0  # least scaled mean similarity of two stories to merge them
    window_days: int = 7  # dated articles further apart than this are never in one story


@dataclass(frozen=True)
class KnownArticle:
    """An article placed in an earlier run, with what the clusterer kept of it."""

    article: Article
    story_id: str
    embedding: np.ndarray
    nearest: np.ndarray  # the cosines to its `neighbours` nearest articles so far (-inf where fewer)


class StoryClusterer:
    """Articles in, stories out, one batch at a time."""

    def __init__(self, settings: StorySettings | None = None,
                 embed: Callable[[list[str]], np.ndarray] | None = None) -> None:
        self.settings = settings or StorySettings()
        self._embed = embed
        s = self.settings
        self.texts = TextVectors(self._embedding, s.embedding_weight, s.tfidf_dims, s.lead_words)
        self.articles: list[Article] = []
        self.clusters = Clusters(s.neighbours, s.window_days)
        self._positions: dict[str, int] = {}
        self.merged: dict[str, str] = {}  # {merged-away story id: the id it lives on as}

    def _embedding(self, texts: list[str]) -> np.ndarray:
        if self._embed is None:
            from presslens.analyzers.sentence_encoder import load_sentence_encoder  # deferred: onnxruntime

            self._embed = load_sentence_encoder().embed
        return self._embed(texts)

    def embeddings_for(self, articles: Sequence[Article]) -> np.ndarray:
        """The sentence embeddings of the articles' titles and leads (what `add` would compute), a
        chunk at a time: the tokenizer's encodings of a whole corpus at once would take a gigabyte."""
        texts = [lead_text(article, self.settings.lead_words) for article in articles]
        chunks = [self._embedding(texts[start : start + EMBED_CHUNK]) for start in range(0, len(texts), EMBED_CHUNK)]
        return np.vstack(chunks) if chunks else self._embedding([])

    def add(self, articles: Sequence[Article], embeddings: np.ndarray | None = None, merge: bool = True) -> list[str]:
        """Places each article, in order, then merges stories that became one; their story ids."""
        picked = _first_of_each_new_id(articles, self._positions)
        fresh = [articles[i] for i in picked]
        vectors = self.texts.vectors(fresh, None if embeddings is None else embeddings[picked])
        for article, vector in zip(fresh, vectors):
            self._positions[article.id] = len(self.articles)
            self.articles.append(article)
            self.clusters.place(vector, _day(article), article.id, self.settings.join_threshold,
                                self.settings.nearest_scored)
        if merge:
            self.merge()
        return [self.story_of(article.id) for article in articles]

    def resume(self, known: Sequence[KnownArticle]) -> None:
        """Takes back articles placed in an earlier run, in their stories, without placing them again."""
        vectors = self.texts.vectors([each.article for each in known], np.stack([each.embedding for each in known])
                                     if known else None)
        groups: dict[str, list[int]] = defaultdict(list)
        for each, vector in zip(known, vectors):
            groups[each.story_id].append(len(self.articles))
            self._positions[each.article.id] = len(self.articles)
            self.articles.append(each.article)
            self.clusters.append(vector, _day(each.article), each.nearest)
        for sid, positions in groups.items():
            founders = [p for p in positions if story_id(self.articles[p].id) == sid]
            self.clusters.restore(sid, positions, founder=founders[0] if founders else None)
        self.clusters.settle()

    def merge(self) -> dict[str, str]:
        """Merges stories whose scaled mean similarity passes the threshold; {merged id: kept id}
        of this pass (`merged` keeps those of every pass)."""
        found = self.clusters.merge(self.settings.merge_threshold)
        self.merged = {gone: found.get(kept, kept) for gone, kept in self.merged.items()} | found
        return found

    def raised(self) -> list[str]:
        """The ids of articles whose nearest cosines rose since they were resumed or placed."""
        return [self.articles[position].id for position in sorted(self.clusters.raised)]

    def story_of(self, article_id: str) -> str:
        return self.clusters.story_id(self._positions[article_id])

    def nearest(self, article_id: str) -> np.ndarray:
        """What `KnownArticle.nearest` keeps for this article."""
        return self.clusters.nearest[self._positions[article_id]].copy()

    def stories(self, changed_only: bool = False) -> list[Story]:
        """Every story (or those changed since `clusters.changed` was last cleared), largest first."""
        found = []
        for cluster, positions in self.clusters.members(changed_only).items():
            centrality = self.clusters.centrality(cluster, positions)
            ordered = sorted(zip(positions, centrality), key=lambda pair: (-pair[1], self.articles[pair[0]].id))
            members = tuple(_member(self.articles[p], score) for p, score in ordered)
            found.append(Story.of(self.clusters.story_id(positions[0]), members))
        return sorted(found, key=lambda story: (-len(story.members), story.id))


def _first_of_each_new_id(articles: Sequence[Article], known: dict[str, int]) -> list[int]:
    seen, picked = set(known), []
    for i, article in enumerate(articles):
        if article.id not in seen:
            seen.add(article.id)
            picked.append(i)
    return picked


def _member(article: Article, score: float) -> StoryMember:
    return StoryMember(article.id, round(float(score), 4), article.published, article.outlet, article.title)


def _day(article: Article) -> float:
    return float(article.published.toordinal()) if article.published else float("nan")

"""Clustering one batch of articles from nothing: what `presslens stories cluster` does."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from presslens.article import Article
from presslens.stories.clusterer import StoryClusterer, StorySettings


def cluster_articles(articles: Sequence[Article], embeddings: np.ndarray | None = None,
                     settings: StorySettings | None = None) -> list[str]:
    """The story id of each article, in order (`embeddings` when already computed, as `embeddings_for` makes them)."""
    return StoryClusterer(settings).add(articles, embeddings)

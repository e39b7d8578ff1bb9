"""An article's text as one unit vector: the sentence encoder's embedding of its title and lead
beside a hashed TF-IDF of the same words, weighted so that a dot product is
`weight * embedding cosine + (1 - weight) * TF-IDF cosine` (a mix beat either alone on NeuS).

TF-IDF words are hashed into a fixed number of signed buckets (crc32, the same on every run), so
vectors of articles seen months apart live in one space and no vocabulary is kept; document
frequencies count every article the clusterer has read, so a word's weight settles as it reads.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np

from presslens.article import Article
from presslens.stories.words import STOP_WORDS

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def lead_text(article: Article, words: int) -> str:
    """Title and the first `words` words of the text: where a report says what happened."""
    lead = " ".join(article.text.split()[:words])
    return f"{article.title}. {lead}" if article.title else lead


def content_words(text: str) -> list[str]:
    """Lowercased words of two or more characters, stop words left out."""
    words = _WORD.findall(text.lower().replace("\u2019", "'"))
    return [word for word in words if len(word) > 1 and word not in STOP_WORDS]


class DocumentFrequencies:
    """How many articles read so far hold each word; their inverse weights the TF-IDF."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.documents = 0

    def add(self, words: list[str]) -> None:
        self.counts.update(set(words))
        self.documents += 1

    def idf(self, word: str) -> float:
        return math.log((1 + self.documents) / (1 + self.counts[word])) + 1.0


def hashed_tfidf(words: list[str], frequencies: DocumentFrequencies, dims: int) -> np.ndarray:
    """Sublinear TF times IDF in `dims` signed hash buckets, L2-normalised (zeros for no words)."""
    vector = np.zeros(dims, dtype=np.float32)
    for word, count in Counter(words).items():
        code = zlib.crc32(word.encode("utf-8"))
        sign = 1.0 if code & 0x80000000 else -1.0  # the top bit signs, so collisions cancel on average
        vector[code % dims] += sign * (1.0 + math.log(count)) * frequencies.idf(word)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


class TextVectors:
    """Articles to mixed unit vectors; holds the document frequencies of all it has read."""

    def __init__(self, embed: Callable[[list[str]], np.ndarray], embedding_weight: float, tfidf_dims: int,
                 lead_words: int) -> None:
        self.embed = embed
        self.frequencies = DocumentFrequencies()
        self.embedding_weight, self.tfidf_dims, self.lead_words = embedding_weight, tfidf_dims, lead_words

    def read(self, articles: Sequence[Article]) -> list[list[str]]:
        """Counts the articles' words (before any is vectorised, so a batch weighs its own words)."""
        words = [content_words(lead_text(article, self.lead_words)) for article in articles]
        for each in words:
            self.frequencies.add(each)
        return words

    def vectors(self, articles: Sequence[Article], embeddings: np.ndarray | None = None) -> np.ndarray:
        """(articles, embedding dims + tfidf dims) float32 unit rows; `embeddings` when already computed."""
        words = self.read(articles)
        if embeddings is None:
            embeddings = self.embed([lead_text(article, self.lead_words) for article in articles])
        tfidf = np.stack([hashed_tfidf(each, self.frequencies, self.tfidf_dims) for each in words]) if words else \
            np.zeros((0, self.tfidf_dims), dtype=np.float32)
        weight = self.embedding_weight
        return np.hstack([math.sqrt(weight) * embeddings, math.sqrt(1 - weight) * tfidf]).astype(np.float32)

"""The ordered, versioned presslens pipeline: Article in, Analysis out.

One spaCy Language holds the base model and the presslens components in order; the
Analysis is read off the finished Doc. The version changes whenever any analyzer's
output would change, so stored analyses know which pipeline made them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

import presslens.analyzers  # noqa: F401  (registers the presslens_* factories)
from presslens.analysis import Analysis
from presslens.analyzers.layers import get_layer, set_published
from presslens.article import Article
from presslens.nlp import load_nlp

PIPELINE_VERSION = "0.4.0"

COMPONENTS = (
    "presslens_entities",
    "presslens_quotes",
    "presslens_time_refs",
    "presslens_techniques",
    "presslens_scores",
)


class Pipeline:
    """Loads spaCy once; analyses one article or a stream of them."""

    def __init__(self, components: Iterable[str] = COMPONENTS) -> None:
        self.nlp: Language = load_nlp()
        for name in components:
            self.nlp.add_pipe(name)
        self.version = PIPELINE_VERSION

    @property
    def models(self) -> dict[str, str]:
        meta = self.nlp.meta
        models = {"spacy": f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"}
        for name, component in self.nlp.pipeline:
            model_id = getattr(component, "model_id", None)
            if model_id:
                models[name] = model_id
        return models

    def _doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        set_published(doc, article.published)
        return doc

    def _analysis(self, article: Article, doc: Doc) -> Analysis:
        return Analysis(
            article=article,
            entities=get_layer(doc, "entities"),
            quotes=get_layer(doc, "quotes"),
            time_refs=get_layer(doc, "time_refs"),
            claims=get_layer(doc, "claims"),
            techniques=get_layer(doc, "techniques"),
            scores=get_layer(doc, "scores", {}),
            pipeline={"version": self.version, "models": self.models},
        )

    def analyze(self, article: Article) -> Analysis:
        return self._analysis(article, self.nlp(self._doc(article)))

    def analyze_many(self, articles: Iterable[Article], batch_size: int = 8) -> Iterator[Analysis]:
        """Analyses in input order, spaCy batching the neural parts."""
        pairs = ((self._doc(a), a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield self._analysis(article, doc)


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The process-wide pipeline, loaded on first use."""
    return Pipeline()


def analyze(article: Article) -> Analysis:
    return default_pipeline().analyze(article)

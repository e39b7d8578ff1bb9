"""The ordered, versioned presslens pipeline: Article in, Analysis out.

One spaCy Language holds the base model and the presslens components in order; the
Analysis is read off the finished Doc. The version changes whenever any analyzer's
output would change, so stored analyses know which pipeline made them.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from presslens.analysis import Analysis
from presslens.analyzers import register_factories
from presslens.analyzers.layers import check_factories, get_layer, set_masthead, set_published
from presslens.article import Article, article_source, check_length, dateline_date
from presslens.config import get_settings
from presslens.errors import AnalysisTimeout, InputError
from presslens.nlp import load_nlp
from presslens.pipeline_version import PIPELINE_VERSION

COMPONENTS = (
    "presslens_furniture",
    "presslens_entities",
    "presslens_quotes",
    "presslens_time_refs",
    "presslens_claims",
    "presslens_techniques",
    "presslens_scores",
)
# The default components with entity framing, which runs right after the entities it casts;
# the default pipeline has it only with PRESSLENS_FRAMING=1 (config.Settings.framing).
WITH_FRAMING = (*COMPONENTS[:2], "presslens_framing", *COMPONENTS[2:])


class Pipeline:
    """The English spaCy model plus presslens components, loaded once; analyses one
    article (`analyze`) or a stream of them (`analyze_many`).

    `components` names presslens factories in order (default: all of them). A component
    that requires a layer no earlier one assigns raises PipelineError before anything loads.
    `nlp` is the spaCy Language itself.
    """

    def __init__(self, components: Iterable[str] = COMPONENTS) -> None:
        components = list(components)
        register_factories()
        check_factories(components)
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
        check_length(article, self.nlp.max_length)
        doc = self.nlp.make_doc(article.text)
        set_published(doc, article.published or dateline_date(article.text))
        set_masthead(doc, article.title, article.outlet)
        return doc

    def _analysis(self, article: Article, doc: Doc) -> Analysis:
        return Analysis(
            article=article,
            entities=get_layer(doc, "entities"),
            quotes=get_layer(doc, "quotes"),
            time_refs=get_layer(doc, "time_refs"),
            claims=get_layer(doc, "claims"),
            techniques=get_layer(doc, "techniques"),
            furniture=get_layer(doc, "furniture"),
            scores=get_layer(doc, "scores", {}),
            pipeline={"version": self.version, "models": self.models},
        )

    def analyze(self, article: Article, should_stop: Callable[[], bool] | None = None) -> Analysis:
        """The Analysis of one Article. Raises TooLargeError for a text over `nlp.max_length`.

        `should_stop`, when given, is asked before each component; once it answers True the
        analysis stops there with AnalysisTimeout (the server's deadline uses it, so an
        abandoned analysis stops within one component's time rather than running to the end).
        An article with no text (empty or only whitespace) is an InputError, as the readers
        refuse an empty file."""
        steps = self.analyze_in_steps(article)
        try:
            for name in self.nlp.pipe_names:
                if should_stop is not None and should_stop():
                    raise AnalysisTimeout(
                        f"{article_source(article)}: analysis stopped before {name}, past its deadline"
                    )
                next(steps)
            next(steps)  # past the last component: the Analysis
        except StopIteration as finished:
            return finished.value
        finally:
            steps.close()
        raise AssertionError("the pipeline has more steps than components")  # unreachable: next() ended them

    def analyze_in_steps(self, article: Article) -> Generator[tuple[int, int], None, Analysis]:
        """The Analysis of one Article, one component per `next()`: each step yields (components
        run, components in all), and the Analysis is the generator's return value. The server
        runs a long text's analysis a step at a time, so that the quick analyses queued
        behind it get their turn between components, and a job can say how far it is."""
        if not article.text.strip():
            raise InputError(article_source(article), "no text to analyse (empty or only whitespace)")
        doc = self._doc(article)
        total = len(self.nlp.pipeline)
        for done, (_, component) in enumerate(self.nlp.pipeline, 1):
            doc = component(doc)
            yield done, total
        return self._analysis(article, doc)

    def analyze_many(self, articles: Iterable[Article], batch_size: int = 8) -> Iterator[Analysis]:
        """Analyses in input order, spaCy batching the neural parts."""
        pairs = ((self._doc(a), a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield self._analysis(article, doc)


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The process-wide pipeline, loaded on first use."""
    return Pipeline(default_components())


def default_components() -> tuple[str, ...]:
    """COMPONENTS, with entity framing when the settings ask for it (PRESSLENS_FRAMING=1)."""
    return WITH_FRAMING if get_settings().framing else COMPONENTS


ARTICLE_FIELDS = ("outlet", "published", "url", "title", "language", "id")


def as_article(text_or_article: str | Article, metadata: dict) -> Article:
    """An Article as given, or one made of a text and its metadata (ARTICLE_FIELDS; a
    `published` str is read as a date). Raises InputError for metadata it cannot use."""
    if isinstance(text_or_article, Article):
        if metadata:
            raise InputError("metadata", "give it with a text; an Article carries its own")
        return text_or_article
    unknown = sorted(set(metadata) - set(ARTICLE_FIELDS))
    if unknown:
        raise InputError("metadata", f"{', '.join(unknown)} not among {', '.join(ARTICLE_FIELDS)}")
    return Article(text=text_or_article, **metadata)


def analyze(text_or_article: str | Article, **metadata) -> Analysis:
    """Analyses one article with the default pipeline (loaded on first use).

    `text_or_article` is an Article, or the article's text with its metadata as keywords:
    `analyze(text, outlet="Wire", published="2021-03-01", title=..., url=...)`.
    `Analysis.to_dict()` is the JSON contract (docs/json-contract.md).
    """
    return default_pipeline().analyze(as_article(text_or_article, metadata))

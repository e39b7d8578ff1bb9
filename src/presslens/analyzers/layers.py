"""How analyzers hand their layers to each other on a spaCy Doc, and say which they need.

Each presslens component stores its typed layer (a list of analysis objects, or a small
dataclass) under its own key in `doc.user_data` and never overwrites another's; it also
writes plain spaCy spans to `doc.spans[<component name>]` so the Doc is useful in any spaCy
pipeline. Every layer is readable as the custom attribute `doc._.presslens_<layer>`, and
the factories name those attributes in their `assigns` and `requires`, so
`nlp.analyze_pipes()` shows who hands what to whom and `check_requires` stops a pipeline
that lacks a component another one needs as it is built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from presslens.analyzers import register_factories
from presslens.errors import PipelineError

_PREFIX = "presslens."
ATTRIBUTE_PREFIX = "doc._.presslens_"


def layer_attribute(name: str) -> str:
    """Registers the read-only custom attribute `doc._.presslens_<name>` over the typed layer
    `name` (None on a Doc no component wrote it to) and returns it in the form spaCy's
    `assigns` and `requires` take."""
    key = _PREFIX + name
    Doc.set_extension("presslens_" + name, getter=lambda doc: doc.user_data.get(key), force=True)
    return ATTRIBUTE_PREFIX + name


def set_layer(doc: Doc, name: str, items: Any) -> None:
    doc.user_data[_PREFIX + name] = items


def write_layer(doc: Doc, name: str, spans_key: str, items: list, label: Callable[[Any], str]) -> None:
    """Stores a typed layer of span-like items (with `start`, `end`) and the same spans as
    plain spaCy spans under `doc.spans[spans_key]`, each labelled by `label(item)`."""
    set_layer(doc, name, items)
    spacy_spans = (doc.char_span(i.start, i.end, label=label(i), alignment_mode="expand") for i in items)
    doc.spans[spans_key] = [span for span in spacy_spans if span is not None]


def get_layer(doc: Doc, name: str, default: Any = None) -> Any:
    return doc.user_data.get(_PREFIX + name, [] if default is None else default)


def set_published(doc: Doc, published: date | None) -> None:
    doc.user_data[_PREFIX + "published"] = published


def published_of(doc: Doc) -> date | None:
    """The article's publication date, the anchor for relative dates like "Sunday"."""
    return doc.user_data.get(_PREFIX + "published")


def set_masthead(doc: Doc, title: str | None, outlet: str | None) -> None:
    """The article's title and outlet, which furniture compares lines with (a headline or an
    outlet's name repeated in the body)."""
    doc.user_data[_PREFIX + "masthead"] = (title, outlet)


def masthead_of(doc: Doc) -> tuple[str | None, str | None]:
    return doc.user_data.get(_PREFIX + "masthead", (None, None))


def in_furniture(doc: Doc, start: int, end: int) -> bool:
    """Whether at least half of the text [start, end) lies in furniture (the furniture layer,
    `doc._.presslens_furniture`); False on a Doc the furniture component did not run on. Every
    other layer leaves out what this says is furniture."""
    spans = doc.user_data.get(_PREFIX + "furniture")
    if not spans:
        return False
    # Furniture spans never overlap, so their overlaps add up; an article has a few dozen at most.
    inside = sum(max(0, min(end, span.end) - max(start, span.start)) for span in spans)
    return 2 * inside >= max(1, end - start)


def tokens_in_furniture(doc: Doc, start: int, end: int) -> bool:
    """`in_furniture` for the tokens [start, end) of `doc`."""
    return end > start and in_furniture(doc, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))


def outside_furniture(doc: Doc, items: list) -> list:
    """The items (with character `start` and `end`) that do not lie in furniture."""
    return [item for item in items if not in_furniture(doc, item.start, item.end)]


def _assigner(attribute: str) -> str | None:
    """The presslens factory whose `assigns` names `attribute` (all of them registered first:
    a user's pipeline may have imported only the component it adds)."""
    register_factories()
    for factory in sorted(Language.factories):
        if factory.startswith("presslens_") and attribute in Language.get_factory_meta(factory).assigns:
            return factory
    return None


def check_order(pipes: Iterable[tuple[str, Iterable[str], Iterable[str]]]) -> None:
    """Raises PipelineError at the first pipe, given in pipeline order as (name, requires,
    assigns), that requires a presslens layer no pipe before it assigns."""
    assigned: set[str] = set()
    for name, requires, assigns in pipes:
        for attribute in requires:
            if attribute.startswith(ATTRIBUTE_PREFIX) and attribute not in assigned:
                assigner = _assigner(attribute)
                if assigner is None:
                    raise PipelineError(f"{name} requires {attribute}, which no registered component assigns")
                raise PipelineError(
                    f"{name} requires {attribute}, which {assigner} assigns: add {assigner} before {name}"
                )
        assigned.update(assigns)


def check_factories(factories: Iterable[str]) -> None:
    """`check_order` for a pipeline of the named factories, each under its own name; unknown
    names are left for spaCy's add_pipe to report."""
    metas = ((f, Language.get_factory_meta(f)) for f in factories if Language.has_factory(f))
    check_order((name, meta.requires, meta.assigns) for name, meta in metas)


def check_requires(nlp: Language, name: str, factory: str) -> None:
    """Called by a factory while `nlp.add_pipe` builds component `name`: raises PipelineError
    unless the pipes already in `nlp` assign every presslens layer the factory requires."""
    earlier = ((pipe, (), nlp.get_pipe_meta(pipe).assigns) for pipe in nlp.pipe_names)
    check_order([*earlier, (name, Language.get_factory_meta(factory).requires, ())])

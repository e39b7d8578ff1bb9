"""Analyses with exactly the spans a test gives, for the store, corpus and export tests."""

from __future__ import annotations

from presslens.analysis import Analysis, Cue, Entity, Mention, Quote, Speaker, TechniqueSpan, TimeRef
from presslens.article import Article


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def fabricated_analysis(
    article: Article,
    techniques: list[tuple[str, int, int]] = (),
    quotes: list[tuple[str, int, int]] = (),
    entities: list[tuple[str, str, list[tuple[int, int]]]] = (),
    version: str = "test-1",
) -> Analysis:
    """An Analysis with exactly the spans given (offsets checked against the text)."""
    text = article.text
    for _, start, end in [*techniques, *quotes]:
        assert 0 <= start < end <= len(text)
    ents = [Entity(id=f"E{i}", name=name, type=kind, aliases=[name.split()[-1]],
                   mentions=[Mention(s, e) for s, e in spans], framing={"role": "none"})
            for i, (name, kind, spans) in enumerate(entities)]
    by_name = {e.name: e for e in ents}
    quote_objs = []
    for speaker, start, end in quotes:
        linked = by_name.get(speaker)
        spk_start, spk_end = (linked.mentions[0].start, linked.mentions[0].end) if linked else (0, 0)
        quote_objs.append(Quote(start=start, end=end, text=text[start:end], kind="direct",
                                speaker=Speaker(entity=linked.id if linked else None, name=speaker,
                                                start=spk_start, end=spk_end) if speaker else None,
                                cue=Cue(text="said", start=0, end=4)))
    return Analysis(
        article=article,
        entities=ents,
        quotes=quote_objs,
        time_refs=[TimeRef(start=0, end=3, text=text[:3], kind="date", value="2020-01-01")],
        techniques=[TechniqueSpan(start=s, end=e, text=text[s:e], technique=t, score=0.75) for t, s, e in techniques],
        scores={"words": len(text.split())},
        pipeline={"version": version, "models": {"spacy": "test"}},
    )

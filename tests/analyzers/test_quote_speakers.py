"""Speakers as the AllSides audit found them wrong (issue #25), on articles written for each
case: the person behind a transcript label, a post, a statement or a remark; the name after a
title; a listener is not a speaker; a paragraph break ends a sentence."""

from __future__ import annotations

import pytest

from presslens.article import Article
from presslens.nlp import load_nlp
from presslens.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(["presslens_entities", "presslens_quotes"])


def speaker_of(analysis, words: str) -> str | None:
    """The name shown for the quote holding `words`: its person's name, else as written."""
    quote = next(q for q in analysis.quotes if words in q.text)
    if quote.speaker is None:
        return None
    people = {e.id: e.name for e in analysis.entities}
    return people.get(quote.speaker.entity, quote.speaker.name)


@pytest.mark.parametrize("text, words, speaker", [
    ("Governor Tomas Reyes criticised the port authority again on Sunday.\n\n"
     'Mr Reyes later followed it up with another post saying: "The authority is failing every '
     'family on this island."', "failing every family", "Tomas Reyes"),
    ("The Ministry of Transport issued a short statement suggesting that the closure was justified "
     '"to protect the passengers on every crossing."', "protect the passengers", "Ministry of Transport"),
    ("New reporting from The Harbour Ledger concludes that \"the repairs were delayed for two years "
     'without any reason given."', "repairs were delayed", "Harbour Ledger"),
    ("Speaker of the House Mark Hendry, the longest-serving member, also released a video this "
     'week, saying "the ferries must run on time again".', "ferries must run", "Mark Hendry"),
    ("Mayor Ilse Brandt spoke to the island radio on Friday. Here are the key lines.\n\n"
     'BRANDT: "We will not raise the fares this winter, whatever the council says."',
     "raise the fares", "Ilse Brandt"),
])
def test_the_person_behind_the_words(pipeline, text, words, speaker):
    assert speaker_of(pipeline.analyze(Article(text=text)), words) == speaker


def test_words_quoted_before_a_remark_are_its_possessors_and_before_other_nouns_are_not(pipeline):
    remark = pipeline.analyze(Article(text='Critics seized on Piet Varga\'s "island of thieves" remark on Friday.'))
    assert speaker_of(remark, "island of thieves") == "Piet Varga"
    scare = pipeline.analyze(Article(text=(
        "Councillor Piet Varga attacked the mayor again. Varga listed some of Holt's "
        '"unprecedented" decisions, including the closure of the night ferry.')))
    assert all(q.speaker is None or "Holt" not in q.speaker.name for q in scare.quotes)


def test_the_person_told_is_not_the_speaker(pipeline):
    text = ('"The ferries are always late," a nurse, Ana Lind, told the Harbour Ledger on Monday.')
    assert speaker_of(pipeline.analyze(Article(text=text)), "always late") == "Ana Lind"


def test_a_line_without_a_full_stop_ends_its_sentence_at_the_paragraph_break(pipeline):
    text = ("Ferry fares rise in January\n\n"
            '"We have no other choice," harbour master Ruth Okafor said on Tuesday.')
    analysis = pipeline.analyze(Article(text=text))
    assert speaker_of(analysis, "no other choice") == "Ruth Okafor"
    doc = load_nlp()(text)
    assert [s.text.strip() for s in doc.sents][0] == "Ferry fares rise in January"

"""The JSON contract holds for the whole pipeline, whatever each analyzer finds."""

from __future__ import annotations

import json
from datetime import date

from presslens.analysis import Analysis
from presslens.article import Article

BODY = (
    "Prime Minister Lena Okafor said on Monday that the new bridge would open in May 2021.\n\n"
    '"This bridge is a promise kept," Okafor told reporters. "It took us 12 years."\n\n'
    "Opposition leader Tomas Reyes rejected the idea that the project was finished on time."
)


def _spans(result: dict):
    for layer in ("quotes", "time_refs", "claims", "techniques"):
        for item in result[layer]:
            yield layer, item


def test_every_span_is_the_text_it_names(pipeline):
    article = Article(text=BODY, outlet="Test Wire", published=date(2021, 3, 1))
    result = pipeline.analyze(article).to_dict()
    text = result["article"]["text"]
    assert text == BODY
    # BODY quotes Okafor and names two dates: the checks below have spans to check.
    assert {layer for layer, _ in _spans(result)} >= {"quotes", "time_refs"} and result["entities"]
    for layer, item in _spans(result):
        assert 0 <= item["start"] < item["end"] <= len(text), (layer, item)
        assert text[item["start"]:item["end"]] == item["text"], (layer, item)
    for entity in result["entities"]:
        for mention in entity["mentions"]:
            assert 0 <= mention["start"] < mention["end"] <= len(text)
    for quote in result["quotes"]:
        for part in ("speaker", "cue"):
            if quote[part]:
                assert 0 <= quote[part]["start"] < quote[part]["end"] <= len(text)


def test_every_list_is_sorted_by_start(pipeline):
    result = pipeline.analyze(Article(text=BODY, published=date(2021, 3, 1))).to_dict()
    for layer in ("entities", "quotes", "time_refs", "claims", "techniques"):
        keys = [(x["mentions"][0]["start"] if layer == "entities" else x["start"]) for x in result[layer]]
        assert keys == sorted(keys), layer
    # Two people, two quotes and three time references: order is a real question here.
    assert min(len(result[layer]) for layer in ("entities", "quotes", "time_refs")) >= 2


def test_result_round_trips_through_json(pipeline):
    analysis = pipeline.analyze(Article(text=BODY, outlet="Test Wire", published=date(2021, 3, 1)))
    data = json.loads(json.dumps(analysis.to_dict()))
    assert Analysis.from_dict(data).to_dict() == analysis.to_dict()
    assert data["pipeline"]["version"] == pipeline.version
    assert data["pipeline"]["models"]["spacy"].startswith("en_core_web_sm")


def test_same_article_gets_the_same_id_and_the_same_analysis(pipeline):
    first = pipeline.analyze(Article(text=BODY, outlet="Test Wire", published=date(2021, 3, 1)))
    second = pipeline.analyze(Article(text=BODY, outlet="Test Wire", published=date(2021, 3, 1)))
    other_outlet = Article(text=BODY, outlet="Other Wire", published=date(2021, 3, 1))
    assert first.article.id == second.article.id != other_outlet.id
    assert first.to_dict() == second.to_dict()


def test_batch_analysis_matches_one_at_a_time_in_input_order(pipeline):
    articles = [Article(text=BODY + f" Extra sentence number {i}.", published=date(2021, 3, 1)) for i in range(3)]
    batch = list(pipeline.analyze_many(articles))
    assert [a.article.id for a in batch] == [a.id for a in articles]
    assert [a.to_dict() for a in batch] == [pipeline.analyze(a).to_dict() for a in articles]

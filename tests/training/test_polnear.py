"""PolNeAR, the attribution corpus the quotes analyzer is measured on: its brat annotations
read into fragments and roles, and the scorer that compares predicted quotes with them."""

from __future__ import annotations

from presslens.training.polnear import GoldAttribution, Predicted, is_direct, parse_ann, read_polnear, score_article

ANN = (
    "T1\tSource 0 5\tSmith\n"
    "T2\tCue 6 10\tsaid\n"
    "T3\tContent 11 20;24 30\tthe plan was dead\n"
    "and gone\n"
    "T4\tAttribution 6 10\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tContent 40 50\tsomething\n"
    "T6\tContent 52 56\tmore\n"
    "T7\tCue 57 61\tsays\n"
    "E2\tAttribution-no-source:T7 Content:T5 Content2:T6 Cue:T7\n"
)


def test_polnear_annotation_reads_fragments_roles_and_text_over_lines():
    first, second = parse_ann(ANN)
    assert (first.content, first.source, first.cue) == (((11, 20), (24, 30)), ((0, 5),), ((6, 10),))
    assert (second.content, second.source) == (((40, 50), (52, 56)), ())


def test_polnear_reads_one_annotation_per_article(tmp_path):
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir()
    (tmp_path / "dev" / "text" / "outlet_story.txt").write_text("Smith said the plan was dead and gone.")
    for annotator in ("ef2d", "4b22"):
        (tmp_path / "dev" / "attributions" / f"outlet_story_{annotator}.ann").write_text(ANN)
    (article,) = read_polnear(tmp_path, "dev")
    assert (article.name, article.annotator, len(article.attributions)) == ("outlet_story", "4b22", 2)


def test_scoring_ignores_quote_marks_and_counts_both_sides():
    text = 'Smith said: "We will win the vote." Jones said the count was wrong.'
    quoted = (text.index('"'), text.index('vote."') + 6)
    gold = [
        GoldAttribution(content=(quoted,), source=((0, 5),)),
        GoldAttribution(((text.index("the count"), len(text) - 1),)),
    ]
    assert is_direct(text, gold[0].content) and not is_direct(text, gold[1].content)
    inside = (quoted[0] + 1, quoted[1] - 1)
    score = score_article(text, gold, [Predicted((inside,), speaker=((0, 5),)), Predicted(((0, 5),))], 0.8)
    assert (score.gold_matched, score.predicted_matched, score.direct_matched) == (1, 1, 1)
    assert score.precision == score.recall == 0.5
    assert score.speaker_accuracy == 1.0

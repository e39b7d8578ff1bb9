"""The SemEval-2020 Task 11 scorer against figures worked out by hand on tiny spans."""

from __future__ import annotations

import pytest

from presslens.predict.techniques_files import LabelledSpan as S
from presslens.training.techniques_scorer import merge_spans, score_flc, score_si, score_tc


def test_si_merges_overlapping_gold_and_gives_partial_credit() -> None:
    gold = [S("1", "Doubt", 0, 10), S("1", "Slogans", 5, 15)]  # merged: [0, 15), 15 characters
    predicted = [S("1", "", 10, 20)]  # 5 of its 10 characters are in the gold span
    score = score_si(predicted, gold)
    assert score.precision == pytest.approx(5 / 10)
    assert score.recall == pytest.approx(5 / 15)
    assert score.f1 == pytest.approx(0.4)


def test_si_counts_spans_in_other_articles_as_misses() -> None:
    gold = [S("1", "Doubt", 0, 10), S("2", "Doubt", 0, 10)]
    predicted = [S("1", "", 0, 10), S("3", "", 0, 10)]
    score = score_si(predicted, gold)
    assert (score.precision, score.recall) == (0.5, 0.5)


def test_flc_needs_the_right_label() -> None:
    gold = [S("1", "Loaded_Language", 0, 10), S("1", "Doubt", 20, 30)]
    predicted = [S("1", "Loaded_Language", 0, 5), S("1", "Loaded_Language", 20, 30)]
    score = score_flc(predicted, gold)
    assert score.precision == pytest.approx((1.0 + 0.0) / 2)
    assert score.recall == pytest.approx((0.5 + 0.0) / 2)
    assert score.f1 == pytest.approx(1 / 3)


def test_tc_is_micro_f1_over_template_lines_with_repeats() -> None:
    gold = [S("1", "Loaded_Language", 0, 5), S("1", "Doubt", 0, 5), S("1", "Slogans", 7, 9)]
    predicted = [S("1", "Doubt", 0, 5), S("1", "Loaded_Language", 0, 5), S("1", "Loaded_Language", 7, 9)]
    score = score_tc(predicted, gold)
    assert score.precision == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(2 / 3)


def test_no_predictions_scores_zero_not_an_error() -> None:
    assert score_si([], [S("1", "Doubt", 0, 4)]).f1 == 0.0


def test_merge_keeps_touching_spans_apart() -> None:
    assert merge_spans([(5, 9), (0, 6), (9, 12)]) == [(0, 9), (9, 12)]

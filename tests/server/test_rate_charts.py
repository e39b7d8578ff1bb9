"""The geometry of the rate charts (server/pages/rate_charts.py): a true time axis, lines
broken at long gaps and thin months, and each point's article count."""

from __future__ import annotations

import pytest

from presslens.corpus import OutletMonth
from presslens.server.pages.rate_charts import MIN_ARTICLES, rate_charts, techniques_seen


def month(outlet: str, ym: str, rate: float, articles: int = 10, technique: str = "Doubt") -> OutletMonth:
    return OutletMonth(outlet, ym, articles, 100 * articles, {technique: rate})


def xs(series) -> dict[str, float]:
    return {p.month: p.x for p in series.points}


def test_higher_rates_are_drawn_higher_on_a_round_scale():
    stats = [month("A", "2024-01", 5.0), month("A", "2024-02", 20.0),
             OutletMonth("B", "2024-02", 10, 1000, {"Doubt": 1.0, "Slogans": 0.0})]
    (chart,) = rate_charts(stats, ["A", "B"])  # Slogans never rose above zero: no chart
    assert chart.title == "Doubt"
    a, b = chart.series
    assert a.points[1].y < a.points[0].y  # 20 is drawn above 5 (SVG y grows downwards)
    assert [label for _, label in chart.y_ticks] == ["0", "10", "20"]
    assert [p.month for p in b.points] == ["2024-02"]


def test_months_sit_on_a_true_time_axis_so_missing_years_leave_a_gap():
    stats = [month("A", "2016-01", 1.0), month("A", "2016-02", 2.0), month("A", "2018-01", 3.0)]
    (chart,) = rate_charts(stats, ["A"])
    x = xs(chart.series[0])
    one_month = x["2016-02"] - x["2016-01"]
    assert one_month > 0
    assert x["2018-01"] - x["2016-02"] == pytest.approx(23 * one_month)


def test_every_outlet_shares_one_axis():
    stats = [month("A", "2016-03", 1.0), month("B", "2016-03", 2.0), month("B", "2019-03", 2.0)]
    (chart,) = rate_charts(stats, ["A", "B"])
    assert xs(chart.series[0])["2016-03"] == xs(chart.series[1])["2016-03"]


def test_a_multi_year_axis_is_labelled_by_whole_years_and_a_short_one_by_months():
    (long_chart,) = rate_charts([month("A", "2016-02", 1.0), month("A", "2019-03", 1.0)], ["A"])
    assert [label for _, label in long_chart.x_ticks] == ["2016", "2017", "2018", "2019", "2020"]
    (short_chart,) = rate_charts([month("A", "2016-02", 1.0), month("A", "2016-04", 1.0)], ["A"])
    assert [label for _, label in short_chart.x_ticks] == ["Feb 2016", "Mar", "Apr", "May"]
    tick_x = [x for x, _ in long_chart.x_ticks]
    assert tick_x == sorted(tick_x) and len(set(tick_x)) == len(tick_x)


def test_a_line_joins_months_at_most_two_apart_and_breaks_at_a_longer_gap():
    months = ["2016-01", "2016-02", "2016-04", "2016-07", "2016-08"]  # 2 apart joined, 3 apart broken
    (chart,) = rate_charts([month("A", m, 1.0 + i) for i, m in enumerate(months)], ["A"])
    (series,) = chart.series
    assert len(series.points) == 5
    assert [line.count(",") for line in series.lines] == [3, 2]  # points per polyline


def test_a_month_on_too_few_articles_is_thin_and_never_joined_into_a_line():
    counts = {"2016-01": 9, "2016-02": 9, "2016-03": MIN_ARTICLES - 1, "2016-04": MIN_ARTICLES, "2016-05": 9}
    (chart,) = rate_charts([month("A", m, 2.0, n) for m, n in counts.items()], ["A"])
    (series,) = chart.series
    assert [p.thin for p in series.points] == [False, False, True, False, False]
    assert [line.count(",") for line in series.lines] == [2, 2]
    thin = series.points[2]
    assert f"{thin.x:.1f},{thin.y:.1f}" not in " ".join(series.lines)


def test_each_point_carries_its_analysed_articles_and_the_chart_their_sum():
    stats = [month("A", "2016-01", 1.0, 7), month("A", "2016-02", 1.0, 3), month("B", "2016-01", 4.0, 12),
             month("A", "undated", 9.0, 4), month("C", "2016-01", 1.0, 50)]
    (chart,) = rate_charts(stats, ["A", "B"])  # C is not charted, undated months have no place
    assert [(p.month, p.articles, p.month_name) for p in chart.series[0].points] == [
        ("2016-01", 7, "January 2016"), ("2016-02", 3, "February 2016")]
    assert chart.articles == 7 + 3 + 12


def test_the_table_names_every_technique_as_people_write_it():
    stats = [OutletMonth("A", "undated", 3, 300, {"Name_Calling,Labeling": 2.0, "Doubt": 0.0}),
             month("A", "2016-01", 1.0, technique="Appeal_to_fear-prejudice")]
    assert techniques_seen(stats) == [("Appeal_to_fear-prejudice", "Appeal to fear, prejudice"),
                                      ("Name_Calling,Labeling", "Name calling, labeling")]


def test_no_dated_months_means_no_charts():
    assert rate_charts([month("A", "undated", 3.0)], ["A"]) == []

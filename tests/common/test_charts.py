"""A bar chart says each row's share of the total, whatever the width of its bar (issue 14 §6)."""

from gezinsregie.common.charts import bar_chart
from gezinsregie.common.counts import CountRow, disclosed_rows


def test_the_share_is_of_the_total_not_of_the_largest_bar():
    chart = bar_chart(chart_id="x", title="Gezinnen per wijk", rows=[CountRow("Noord", 30), CountRow("Zuid", 10)])

    noord, zuid = chart["rows"]
    assert (noord["percent"], zuid["percent"]) == (100.0, 33.3)  # the bars: the largest fills the width
    assert (noord["share"], zuid["share"]) == (75.0, 25.0)  # the numbers: of the 40 families
    assert chart["whole"] == 40


def test_the_shares_add_up_to_a_hundred():
    rows = [CountRow(str(n), n) for n in (7, 3, 11, 1, 19)]
    shares = [row["share"] for row in bar_chart(chart_id="x", title="t", rows=rows)["rows"]]
    assert abs(sum(shares) - 100) < 0.5


def test_a_given_total_is_the_whole():
    chart = bar_chart(chart_id="x", title="t", rows=[CountRow("ja", 17), CountRow("nee", 10)], total=30)
    assert [row["share"] for row in chart["rows"]] == [56.7, 33.3]


def test_protected_counts_give_protected_shares_and_no_share_for_a_hidden_count():
    rows = disclosed_rows([CountRow("Noord", 22), CountRow("Zuid", 3), CountRow("West", 13)], threshold=5)
    chart = bar_chart(chart_id="x", title="t", rows=rows, threshold=5)

    noord, zuid, west = chart["rows"]
    assert chart["whole"] == 35  # 20 + 0 + 15: the sum of what is shown, never the exact 38
    assert (noord["share"], west["share"]) == (57.1, 42.9)
    assert zuid["text"] == "minder dan 5" and zuid["share"] is None  # not "0%"


def test_nothing_to_share_of():
    chart = bar_chart(chart_id="x", title="t", rows=[CountRow("Noord", 0)])
    assert chart["rows"][0]["share"] is None

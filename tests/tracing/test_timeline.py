"""The claims timeline places each outlet's figures by date and value, and says them in words."""

from gui.tracing.timeline import DRAWN, TimelinePlot
from tests.core.tracing import expected


def test_points_run_by_date_left_to_right_and_by_value_bottom_to_top(qtbot):
    plot = TimelinePlot()
    qtbot.addWidget(plot)
    plot.resize(400, 200)
    plot.set_series(expected.INJURED_SERIES)
    points = plot.points()
    wire = points["Baltic Wire"]
    herald = points["Kestrel Bay Herald"]
    assert wire[0].x() == herald[0].x() < herald[1].x() < wire[1].x()  # 2 Mar, 3 Mar, 5 Mar
    assert wire[1].y() < wire[0].y()  # 21 is higher up than 14
    assert plot.accessibleDescription().startswith("Baltic Wire: 14 on 2026-03-02")
    assert not plot.grab().isNull()  # it paints


def test_an_empty_series_clears_the_plot(qtbot):
    plot = TimelinePlot()
    qtbot.addWidget(plot)
    plot.set_series({})
    assert plot.points() == {} and plot.described() == ""
    assert not plot.grab().isNull()


def test_of_many_outlets_only_those_with_most_figures_are_drawn(qtbot):
    plot = TimelinePlot()
    qtbot.addWidget(plot)
    plot.resize(400, 200)
    series = {f"Outlet {n:03d}": [("2026-03-02", float(n))] for n in range(300)}
    series["Outlet 299"] = [("2026-03-02", 1.0), ("2026-03-03", 2.0)]  # the most figures
    plot.set_series(series)
    assert len(plot.series) == 300 and plot.left_out == 300 - DRAWN
    assert list(plot.points()) == ["Outlet 000", "Outlet 001", "Outlet 002", "Outlet 003",
                                   "Outlet 004", "Outlet 299"][: DRAWN]  # fmt: skip
    assert plot.described().endswith("294 outlets more, not drawn (the table lists them)")
    assert not plot.grab().isNull()


def test_counts_in_the_status_lines_agree_with_their_word():
    from gui.tracing.tables import counted

    assert counted(1, "statement", "statements") == "1 statement"
    assert counted(2140, "statement", "statements") == "2,140 statements"
    assert counted(0, "article quotes", "articles quote") == "0 articles quote"

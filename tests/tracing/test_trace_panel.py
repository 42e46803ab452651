"""The Trace panel shows a trace: appearances in order, the origin in words, words marked."""

from PySide6.QtCore import Qt

from gui.core.tracing.model import Appearance
from gui.core.tracing.trace import build_trace
from gui.tracing.trace_panel import TracePanel, marked_words

QUOTE = "We will keep the harbour closed until every container has been checked"
DRIFTED = "We will keep the harbour shut until every single container is checked"


def seen(article, text, outlet, published, key="elin stahl", via=()):
    return Appearance(article, f"Story {article}", outlet, published, 10, 10 + len(text), text,
                      "Mayor Elin Stahl", key, via)  # fmt: skip


def sample_trace():
    first = seen(1, QUOTE, "Kestrel Bay Herald", "2026-03-02")
    relayed = seen(2, QUOTE, "Baltic Wire", "2026-03-02", via=("Kestrel Bay Herald",))
    drifted = seen(4, DRIFTED, "Northshore Courier", "2026-03-04")
    decoy = seen(6, "We will keep the harbour open until every boat has been checked",
                 "Fennick Gazette", "2026-03-04", key="piet maas")  # fmt: skip
    return build_trace(drifted, [first, relayed, drifted, decoy])


def cells(model, column):
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_appearances_in_order_with_their_change_and_the_origin_in_words(qtbot, qtmodeltester):
    panel = TracePanel()
    qtbot.addWidget(panel)
    panel.show_trace(sample_trace())
    qtmodeltester.check(panel.model)
    assert cells(panel.model, 1) == ["Kestrel Bay Herald", "Baltic Wire", "Northshore Courier"]
    assert cells(panel.model, 2)[1] == "Kestrel Bay Herald ← Mayor Elin Stahl"
    assert cells(panel.model, 3) == ["Same words", "Same words", "Words changed"]
    assert panel.origin.text() == (
        "3 appearances. Origin: Kestrel Bay Herald, 2026-03-02 (it relays no one)."
    )
    assert cells(panel.similar_model, 1) == ["Fennick Gazette"]


def test_the_words_of_the_picked_appearance_are_marked_against_the_earliest(qtbot):
    panel = TracePanel()
    qtbot.addWidget(panel)
    panel.show_trace(sample_trace())
    panel.table.selectRow(2)
    html = marked_words(panel.model.traced(2))
    assert "<s>closed</s> <u><b>shut</b></u>" in html and "<u><b>single</b></u>" in html
    assert "shut" in panel.words.toPlainText() and "closed" in panel.words.toPlainText()


def test_a_double_click_asks_for_the_appearance_in_its_article(qtbot):
    panel = TracePanel()
    qtbot.addWidget(panel)
    panel.show_trace(sample_trace())
    index = panel.model.index(1, 0)
    with qtbot.waitSignal(panel.open_requested) as opened:
        panel.table.doubleClicked.emit(index)
    assert opened.args == [2, 10, 10 + len(QUOTE)]


def test_an_empty_panel_says_how_to_trace(qtbot):
    panel = TracePanel()
    qtbot.addWidget(panel)
    assert "choose Trace" in panel.origin.text()
    assert panel.model.rowCount() == 0 and not panel.similar.isVisibleTo(panel)
    assert panel.table.model().headerData(0, Qt.Orientation.Horizontal) == "Published"

"""Find in article marks every match, steps through them, and closes with Escape."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from gui.article_view.find_bar import FindBar, find_all
from gui.article_view.reader import ArticleView

BODY = "The ISIS claim. Officials doubt the isis figure 😀; ISIS denied it."


@pytest.fixture
def bar(qtbot):
    window = QWidget()
    view = ArticleView(window)
    bar = FindBar(view, window)
    layout = QVBoxLayout(window)
    layout.addWidget(view)
    layout.addWidget(bar)
    qtbot.addWidget(window)
    view.set_body(BODY)
    window.show()
    qtbot.waitExposed(window)
    yield bar  # the fixture's frame keeps the window alive (qtbot holds weak references)


def test_find_all_is_case_insensitive_unless_asked():
    assert len(find_all(BODY, "isis")) == 3
    lower = BODY.index("isis")
    assert find_all(BODY, "isis", match_case=True) == [(lower, lower + 4)]
    assert find_all(BODY, "") == []
    assert find_all(BODY, "a.b") == []  # the query is text, not a pattern


def test_typing_marks_matches_and_enter_steps_through_them(bar, qtbot):
    bar.open_bar()
    qtbot.keyClicks(bar.field, "isis")
    assert bar.count_label.text() == "1 of 3"
    assert bar._view.textCursor().selectedText() == "ISIS"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count_label.text() == "2 of 3"
    start, end = bar._view.selected_span()
    assert BODY[start:end] == "isis"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count_label.text() == "1 of 3"  # wraps
    bar.previous()
    assert bar.count_label.text() == "3 of 3"
    # The match after the emoji is still selected at the right place.
    start, end = bar._view.selected_span()
    assert BODY[start:end] == "ISIS" and start == BODY.rindex("ISIS")


def test_no_match_says_so_and_escape_closes(bar, qtbot):
    bar.open_bar()
    qtbot.keyClicks(bar.field, "Reuters")
    assert bar.count_label.text() == "No matches"
    assert bar.isVisible()
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert len(bar._view.find_layer.index) == 0

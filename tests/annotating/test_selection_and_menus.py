"""What is labelled is the words selected, and menus show names exactly as they are written."""

import pytest
from PySide6.QtCore import Qt

from gui.actions import plain_text
from gui.core.annotations.commands import SaveLabel
from gui.core.annotations.model import Label
from gui.core.storage.annotations_store import AnnotationStore
from gui.widgets.messages import ErrorMessage
from tests.fakes import install_fake_pipeline
from tests.window_helpers import article_window

ARTICLE = "Q&A on the talks\n\nOfficials reportedly left Baghdad on Monday, Reuters said.\n"


@pytest.fixture
def window(qtbot, qapp, monkeypatch, tmp_path):
    install_fake_pipeline(monkeypatch)
    monkeypatch.setattr(ErrorMessage, "ask", classmethod(lambda cls, parent, *a: None))
    with article_window(qtbot, qapp, tmp_path, ARTICLE) as window:
        yield window


def stored(window):
    return AnnotationStore(window.session.library).for_article(window.session.current.id)


def test_a_keyboard_selection_by_word_is_labelled_without_its_trailing_space(window, qtbot):
    view = window.pane.view
    view.setFocus()
    start = ARTICLE.index("reportedly")
    view.select_span(start, start)
    qtbot.keyClick(
        view,
        Qt.Key.Key_Right,
        Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier,
    )
    first, last = view.selected_span()
    assert ARTICLE[first:last] == "reportedly "  # what Qt selects: the word and its space
    qtbot.keyClick(view, Qt.Key.Key_1)
    [annotation] = stored(window)
    assert annotation.text == "reportedly"
    assert (annotation.start, annotation.end) == (start, start + len("reportedly"))


def test_a_selection_of_only_spaces_labels_nothing(window, qtbot):
    view = window.pane.view
    view.setFocus()
    start = ARTICLE.index(" left")
    view.select_span(start, start + 1)
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert stored(window) == []
    assert not window.annotate.context_menu(start).actions()[0].isEnabled()  # Label Selection As


def test_an_ampersand_in_a_label_or_title_is_shown_not_taken_as_a_shortcut(window, qtbot):
    session = window.session
    assert plain_text(window.annotate.undo_action.text()) == "Undo Import 'Q&A on the talks'"
    claim = session.labels()[0]
    session.execute(SaveLabel(Label(claim.id, "Q&A", claim.colour, claim.hotkey, "", 0)))
    start = ARTICLE.index("Officials")
    window.pane.view.select_span(start, start + len("Officials"))
    menu = window.annotate.context_menu(start)
    label_menu = menu.actions()[0].menu()
    texts = [plain_text(action.text()) for action in label_menu.actions()]
    assert "Q&A" in texts
    qtbot.keyClick(window.pane.view, Qt.Key.Key_1)
    assert plain_text(window.annotate.undo_action.text()) == "Undo Label 'Q&A'"
    assert window.annotate.undo_action.text().count("&&") == 1

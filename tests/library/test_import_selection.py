"""What is selected in the window is what is stored, for an article from every import path.

Each awkward article (CR LF, lone CR, U+2028, U+2029, emoji before the phrase) comes in
through its importer; the phrase is selected with select_span and with the keyboard, and
Qt's own idea of the selected text, the selection read back and the stored annotation must
all be the phrase. Before one text model, a .docx with CR LF stored "d that Joe Biden visited".
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from gui.app import make_window, start_session
from gui.core import interchange
from gui.core.storage.annotations_store import AnnotationStore
from gui.widgets.messages import ErrorMessage, InfoMessage
from tests.core.importing.text_model import FILES, PHRASE, SECOND, SENTENCE, own_json
from tests.fakes import install_fake_pipeline

KINDS = [*FILES, "paste", "json"]


@pytest.fixture
def window(qtbot, qapp, monkeypatch, tmp_path):
    install_fake_pipeline(monkeypatch)
    for box in (ErrorMessage, InfoMessage):
        monkeypatch.setattr(box, "ask", classmethod(lambda cls, parent, *args: None))
    window = make_window(qapp)
    qtbot.addWidget(window)
    window.show()
    start_session(window, tmp_path / "lib.sqlite", [])
    yield window
    window.session.wait_for_background()
    window.session.close_library()


def bring_in(window, qtbot, kind: str, folder) -> None:
    """Import the awkward article through the path named kind, and open it."""
    session = window.session
    if kind == "paste":
        QGuiApplication.clipboard().setText(f"Talks in Berlin\r\n\r\n{SENTENCE}\r\n{SECOND}\r\n")
        window.paste_action.trigger()
    elif kind == "json":
        report = interchange.import_document(session.library, own_json(folder).read_bytes())
        session.open_article(report.article_id)
    else:
        with qtbot.waitSignal(session.import_finished, timeout=10_000):
            window.import_paths([FILES[kind](folder)])
    qtbot.waitUntil(lambda: session.current is not None and PHRASE in session.current.body)


def qt_selection(view) -> str:
    """The selected text as Qt's document has it (paragraph breaks as line breaks)."""
    return view.textCursor().selectedText().replace("\u2029", "\n")


def stored_texts(window) -> list[str]:
    """The exact text of each annotation of the open article, in the order they were made."""
    found = AnnotationStore(window.session.library).for_article(window.session.current.id)
    return [a.anchor.exact for a in sorted(found, key=lambda a: a.id)]


@pytest.mark.parametrize("kind", KINDS)
def test_the_selected_phrase_is_the_stored_phrase(window, qtbot, tmp_path, kind):
    bring_in(window, qtbot, kind, tmp_path)
    view, body = window.pane.view, window.session.current.body
    start = body.index(PHRASE)
    end = start + len(PHRASE)
    view.setFocus()
    view.select_span(start, end)
    assert qt_selection(view) == PHRASE
    assert view.selected_span() == (start, end)
    qtbot.keyClick(view, Qt.Key.Key_1)
    # the same phrase by keyboard: cursor at its start, then Shift+Right over it
    view.select_span(start, start)
    for _ in PHRASE:
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert qt_selection(view) == PHRASE and view.selected_span() == (start, end)
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert stored_texts(window)[-2:] == [PHRASE, PHRASE]


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "pdf"])  # no emoji in PDF fonts
def test_a_selection_across_emoji_and_line_breaks_is_stored_as_shown(window, qtbot, tmp_path,
                                                                      kind):  # fmt: skip
    bring_in(window, qtbot, kind, tmp_path)
    view, body = window.pane.view, window.session.current.body
    start = body.index("\U0001f642")
    end = body.index(PHRASE) + len("Joe")
    view.setFocus()
    view.select_span(start, end)
    shown = qt_selection(view)
    assert shown == body[start:end] and shown.startswith("\U0001f642")
    # Markdown and HTML join a paragraph's lines; the other formats keep the break
    assert ("\n" in shown) is (kind not in ("md", "html"))
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert stored_texts(window)[-1] == shown

"""A window with an article that has every kind of highlight, for tests of the whole window."""

from contextlib import contextmanager

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication

from gui.app import make_window, start_session
from gui.article_view.lenses import HEDGE_NAMES, SOURCING_NAMES
from gui.core.entities.pipeline import ENTITY_TYPES
from gui.widgets.messages import ErrorMessage
from tests.fakes import install_fake_pipeline

PARAGRAPH = (
    "Ashton Carter met officials in Baghdad on Monday, Reuters reported, as talks on the "
    "future of the port went on for a third day and neither side gave ground. "
)
LONG_ARTICLE = "A long title for an article about talks in Baghdad that goes on\n\n" + "\n\n".join(
    PARAGRAPH * 3 for _ in range(40)
)


def has_entities(window) -> bool:
    """True once the open article's entities are drawn."""
    return len(window.pane.view.entities()) > 0


@contextmanager
def article_window(qtbot, qapp, tmp_path, article: str, ready=has_entities):
    """The window on a fresh library with one pasted article open; closed cleanly after.

    ready(window) is waited for before the window is handed over (None: nothing waited for).
    """
    window = make_window(qapp)
    qtbot.addWidget(window)
    window.show()
    start_session(window, tmp_path / "lib.sqlite", [])
    QGuiApplication.clipboard().setText(article)
    window.paste_action.trigger()
    if ready is not None:
        qtbot.waitUntil(lambda: ready(window), timeout=10_000)
    try:
        yield window
    finally:
        window.session.wait_for_background()
        if window.session.library:
            window.session.close_library()


def open_window(qtbot, qapp, monkeypatch, tmp_path):
    """The window on a fresh library, with one long article open (a fixture's body)."""
    install_fake_pipeline(monkeypatch)
    monkeypatch.setattr(ErrorMessage, "ask", classmethod(lambda cls, parent, *args: None))
    with article_window(qtbot, qapp, tmp_path, LONG_ARTICLE) as window:
        yield window


def fill_everything(window) -> None:
    """Give the header and legend as much as an article can have: every kind, a long profile."""
    pane = window.pane
    pane.legend.set_labels([*ENTITY_TYPES] * 3)
    pane.legend.set_finding_counts([*SOURCING_NAMES, *HEDGE_NAMES])
    pane.header.credits.setText("Credits: AP Photo/Someone; Reuters/Someone Else")
    pane.header.set_profile(
        "Sources: 9 named, 3 anonymous  ·  relayed 46% (primary 54%, secondary 46%)  ·  "
        "15.0 hedges per 1,000 words  ·  4 unattributed statements"
    )


def lay_out_for(window, qtbot, size: QSize) -> None:
    """Lay the window out as on a screen of this size, at that size."""
    window.fit_to_screen(size)
    window.resize(size)
    qtbot.waitUntil(lambda: window.size() == size)
    QGuiApplication.processEvents()

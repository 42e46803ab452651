"""The window's frame is painted first, before any feature is loaded; its parts follow."""

import subprocess
import sys

from gui.app import show_window
from gui.core.storage.articles_store import ArticleStore
from gui.core.storage.database import open_library
from tests.fakes import install_fake_pipeline, make_text

FRAME_ONLY = """
import sys
from PySide6.QtWidgets import QApplication
from gui.app import make_frame
app = QApplication([])
window = make_frame(app)
loaded = [m for m in ("gui.session", "gui.core.storage", "gui.composition", "gui.library",
                      "gui.article_view", "sqlite_utils", "spacy") if m in sys.modules]
print(",".join(loaded) or "none")
"""


def test_the_frame_loads_no_feature_and_no_storage():
    shown = subprocess.run(
        [sys.executable, "-c", FRAME_ONLY], capture_output=True, text=True, check=True
    )
    assert shown.stdout.split()[-1] == "none"


def test_the_parts_are_built_after_the_first_paint_then_the_article_opens(
    qtbot, qapp, tmp_path, monkeypatch
):
    install_fake_pipeline(monkeypatch)
    path = tmp_path / "lib.sqlite"
    library = open_library(path)
    ArticleStore(library).add(make_text("Officials in Baghdad said so on Monday.", "A title"))
    library.close()
    window = show_window(qapp, path, [])
    qtbot.addWidget(window)
    assert window.session is None  # the frame alone, until it has been painted
    assert window.centralWidget().objectName() == "openingPlaceholder"
    qtbot.waitUntil(lambda: window.session is not None, timeout=5_000)
    assert window.centralWidget() is window.pane
    qtbot.waitUntil(lambda: window.session.current is not None, timeout=5_000)
    assert window.session.current.metadata.title == "A title"
    assert window.windowTitle() == "A title — Sourcelight"
    window.session.wait_for_background()
    window.session.close_library()


def test_a_frame_closed_before_its_parts_closes_cleanly(qtbot, qapp):
    from gui.app import make_frame

    window = make_frame(qapp)
    qtbot.addWidget(window)
    window.show()
    assert window.close()


def test_the_parts_modules_are_imported_off_the_gui_thread(qtbot, qapp, tmp_path, monkeypatch):
    """About 0.2 s of module code: imported on a worker, so the painted frame still answers."""
    import threading

    import gui.app

    install_fake_pipeline(monkeypatch)
    threads = []
    real = gui.app.import_parts

    def recorded(progress=None):
        threads.append(threading.current_thread())
        real(progress)

    monkeypatch.setattr(gui.app, "import_parts", recorded)
    window = show_window(qapp, tmp_path / "lib.sqlite", [])
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.session is not None and window.session.library, timeout=5_000)
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    window.session.wait_for_background()
    window.session.close_library()


def test_the_reader_is_built_in_a_pass_before_the_other_parts(qtbot, qapp, tmp_path, monkeypatch):
    """The reader is a third of the parts' time: the window answers between it and the rest."""
    from PySide6.QtCore import QTimer

    import gui.app
    from gui.main_window import MainWindow

    install_fake_pipeline(monkeypatch)
    events = []
    begin, finish = MainWindow.begin, gui.app.finish_parts

    def began(window):
        begin(window)
        events.append("reader")
        QTimer.singleShot(0, lambda: events.append("a pass"))  # served once this pass ends

    def finished(window):
        events.append("the rest" if window.pane.isHidden() else "the reader was shown")
        finish(window)

    monkeypatch.setattr(MainWindow, "begin", began)
    monkeypatch.setattr(gui.app, "finish_parts", finished)
    window = show_window(qapp, tmp_path / "lib.sqlite", [])
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.session is not None and window.session.library, timeout=5_000)
    assert events == ["reader", "a pass", "the rest"]
    assert window.centralWidget() is window.pane and window.pane.isVisible()
    window.session.wait_for_background()
    window.session.close_library()


def test_a_window_gone_before_its_later_passes_drops_them(qtbot, qapp, tmp_path, monkeypatch):
    import gui.app

    install_fake_pipeline(monkeypatch)
    added, started = [], []
    monkeypatch.setattr(gui.app, "add_library_parts", added.append)
    monkeypatch.setattr(gui.app, "start_session", lambda *args, **kwargs: started.append(args))
    window = show_window(qapp, tmp_path / "lib.sqlite", [])
    qtbot.waitUntil(lambda: window.session is not None, timeout=5_000)  # the first pass
    with qtbot.waitSignal(window.destroyed):
        window.deleteLater()
    qtbot.wait(5 * gui.app.NEXT_PASS_MS)  # no signal says a timer did not fire: its time
    assert (added, started) == ([], [])  # and no error from a pass on a deleted window

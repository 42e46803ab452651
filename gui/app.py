"""Sourcelight's entry point: a command when one is given, else the window.

Qt is imported only for the window, so the command line starts fast and runs without a display.
"""

from __future__ import annotations

import gc
import importlib
import sys
import threading
from pathlib import Path

from gui.cli.arguments import is_window_call, window_parser

APP_NAME = "Sourcelight"
LIBRARY_SUFFIXES = frozenset({".sourcelight", ".sqlite", ".db"})
FRAME_WAIT_MS = 250  # the parts are built then even if the frame was never painted
# Start-up's steps (the parts, the library-wide parts, the library, its last article) come this
# long after each other: a call due at once would run in the same pass of the event loop as
# the paint before it, ahead of the input and timers waiting.
NEXT_PASS_MS = 20
PART_MODULES = (  # what complete_window() and start_session() import
    "gui.composition",
    "gui.session.session",
    "gui.session.unexpected",
    "gui.analysis.actions",
    "gui.tracing.actions",
    "gui.reports.library_actions",
    "gui.core.entities.pipeline",
    "gui.core.storage.database",
    "gui.core.storage.article_list",
)


def main(argv: list[str] | None = None) -> int:
    """Run a command-line command, or open the main window."""
    args = sys.argv[1:] if argv is None else argv
    if not is_window_call(args):
        from gui.cli import main as cli  # not loaded for the window: its first paint comes first

        return cli.main(args)
    namespace = window_parser().parse_args(args)
    return run_window(namespace.library, [Path(p) for p in namespace.files])


def run_window(library: Path | None, files: list[Path]) -> int:
    """Open the main window on a library (the default one when None), importing files given."""
    from PySide6.QtWidgets import QApplication

    from gui.session.background import finish_background

    app = QApplication(sys.argv[:1])
    window = show_window(app, library, files)
    code = app.exec()
    finish_background(window)  # the window is gone; its threads end before Python does
    return code


def show_window(app, library: Path | None, files: list[Path]):
    """Show the window's frame at once, then build its parts and open the library.

    The frame is painted before any feature is imported. Once it has been painted (or after
    FRAME_WAIT_MS, should no paint come), the parts' modules are imported on a thread, so
    the frame still answers; the parts are then built on the GUI thread (the reader, then
    the rest with the session, then what spans the library), and the library is opened on a
    later pass: each pass well under 0.1 s.
    """
    from PySide6.QtCore import QTimer

    from gui.widgets.first_paint import after_first_paint

    window = make_frame(app)

    def build(_=None, *__) -> None:
        window.begin()  # the reader, a third of the parts' time: in a pass of its own
        QTimer.singleShot(NEXT_PASS_MS, window, finish)  # input served between the passes

    def finish() -> None:
        finish_parts(window)
        QTimer.singleShot(NEXT_PASS_MS, window, add_parts)  # painted, input served, between

    def add_parts() -> None:
        from gui.session.unexpected import report_unexpected_errors

        add_library_parts(window)
        report_unexpected_errors(window.session)  # an error in a slot is said in the window
        # What start-up made lives as long as the window: out of the garbage collector's sight,
        # so that its first full collection (70-130 ms, as the library opened) never walks it.
        gc.freeze()
        QTimer.singleShot(
            NEXT_PASS_MS, window, lambda: start_session(window, library, files, later=later)
        )

    def later(ms: int, call) -> None:
        """A later pass of the window: one closed before it comes drops it."""
        QTimer.singleShot(ms, window, call)

    def load() -> None:
        from gui.session.background import Worker

        # A failed import is built anyway: the same error then stops it on the GUI thread.
        Worker(serial=True, parent=window).start(import_parts, finished=build, failed=build)

    after_first_paint(window, load, FRAME_WAIT_MS)
    window.show()
    return window


def import_parts(progress=None) -> None:
    """Import what the window's parts are made of (about 0.2 s of module code), and learn
    which pipelines are installed (the library's first open asks)."""
    for name in PART_MODULES:
        importlib.import_module(name)
    from gui.core.entities.pipeline import learn_installed

    learn_installed()


def make_window(app):
    """The whole window on a fresh session, at once (make_frame, then complete_window)."""
    window = make_frame(app)
    complete_window(window)
    return window


def make_frame(app):
    """Name the application, load its look, and make the window's frame, still without parts."""
    from PySide6.QtGui import QIcon

    from gui.core.resources import resource
    from gui.main_window import MainWindow
    from gui.widgets.theme import ThemeFollower

    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(QIcon(str(resource("icons", "sourcelight.svg"))))
    # Light or dark as the system is, now and whenever the desktop switches.
    theme = ThemeFollower(app, resource("styles", "sourcelight.qss").read_text(encoding="utf-8"))
    window = MainWindow(None)
    theme.watch(window)
    return window


def complete_window(window) -> None:
    """Build the frame's parts on a fresh session, at once (show_window takes two passes)."""
    from gui.core.entities.pipeline import learn_installed

    threading.Thread(target=learn_installed, name="learn-installed", daemon=True).start()
    build_parts(window)
    add_library_parts(window)


def build_parts(window) -> None:
    """The reader, the article's panels, the menus, on a fresh session (both halves)."""
    window.begin()
    finish_parts(window)


def finish_parts(window) -> None:
    """build_parts' second half: a fresh session, and the parts the reader is shown with."""
    from gui.session.session import Session

    session = Session()
    window.finish(session)
    session.setParent(window)  # goes with its window, while the application still exists


def add_library_parts(window) -> None:
    """What spans the library: its analysis, its panels across articles, its report."""
    from gui.analysis.actions import install as install_analysis
    from gui.reports.library_actions import install as install_library_report
    from gui.tracing.actions import install as install_tracing

    install_analysis(window)  # Analyse Library…, its progress in the status bar
    install_tracing(window)  # its panels and menu entry: the main window is full
    install_library_report(window)  # File > Library Report…, below Export Report…


def start_session(window, library: Path | None, files: list[Path], later=None) -> None:
    """Open the library, fill a new default library with the samples, and open an article.

    later(ms, fn), when given (QTimer.singleShot), opens the article NEXT_PASS_MS later:
    the window paints the library's list and answers in between.
    """
    from gui.core.storage.database import default_library_path

    session = window.session
    # A library or an exercise file named like an article opens as the library.
    libraries = [f for f in files if f.suffix.lower() in LIBRARY_SUFFIXES]
    files = [f for f in files if f.suffix.lower() not in LIBRARY_SUFFIXES]
    library = library or (libraries[0] if libraries else None)
    path = library or default_library_path()
    if not session.open_library(path):
        return
    if session.library.created and library is None:
        import_samples(session)
    if files:
        window.import_paths(files)
    elif later is not None:
        later(NEXT_PASS_MS, lambda: session.current is None and open_first_article(window))
    elif session.current is None:
        open_first_article(window)


def import_samples(session) -> None:
    """Add the bundled sample articles to a new library."""
    from gui.core.importing import ImportFailure, import_file
    from gui.core.resources import resource

    for sample in sorted(resource("samples").glob("*.txt")):
        try:
            session.import_text(import_file(sample))
        except ImportFailure as failure:  # a broken install: say so, keep going
            session.error.emit("Sample not imported", str(failure))
    session.undo_stack.clear()  # the samples came with the library, not from the user


def open_first_article(window) -> None:
    """Open the article last read in this library, else the newest one."""
    from gui.core.storage.article_list import ArticleList

    session = window.session
    if session.library is None:
        return
    listed = ArticleList(session.library, None)  # two queries, however big the library
    last = window.settings.last_article(str(session.library.path))
    chosen = last if last is not None and listed.contains(last) else listed.newest_id()
    if chosen is not None:
        session.open_article(chosen)

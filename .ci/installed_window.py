"""Open the window of the installed Sourcelight offscreen, on a new library, and close it.

Run by .ci/run with the interpreter of a fresh venv that holds the built wheel, from a folder
outside the checkout: it fails unless the installed package (not the checkout) starts, styles
itself, fills a new library with its sample article and shows that article.
"""

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import gui
from gui import app as sourcelight

TIMEOUT_MS = 60_000


def main() -> int:
    """0 when the window showed the sample article of a new library, else 1 with a reason."""
    if Path(__file__).resolve().parents[1] in Path(gui.__file__).resolve().parents:
        print(f"gui was imported from the checkout ({gui.__file__})", file=sys.stderr)
        return 1
    qt = QApplication([sys.argv[0]])
    window = sourcelight.make_window(qt)
    window.show()
    failures: list[str] = []
    if not qt.styleSheet().strip():
        failures.append("no stylesheet was loaded")
    window.session.article_opened.connect(lambda article: _opened(qt, window, article, failures))
    window.session.error.connect(lambda title, text: failures.append(f"{title}: {text}"))
    QTimer.singleShot(0, lambda: sourcelight.start_session(window, None, []))
    QTimer.singleShot(TIMEOUT_MS, lambda: (failures.append("no article opened"), qt.quit()))
    # A new default library (XDG_DATA_HOME points at a temporary folder) gets the samples.
    print(f"package: {Path(gui.__file__).parent}")
    qt.exec()
    # Stop the analysis threads and close the library before Python tears Qt down.
    window.session.wait_for_background()
    if window.session.library:
        window.session.close_library()
    window.close()
    for failure in failures:
        print(f"window: {failure}", file=sys.stderr)
    return 1 if failures else 0


def _opened(qt, window, article, failures: list[str]) -> None:
    """Check what the window shows once the sample article is open, then quit."""
    if article is None:  # opening the library closes any article first
        return
    window.session.article_opened.disconnect()
    if not article.body.strip():
        failures.append("the sample article is empty")
    elif window.grab().isNull():
        failures.append("the window could not be painted")
    else:
        print(f"opened: {article.metadata.title}")
    QTimer.singleShot(500, qt.quit)  # let the first highlights paint once


if __name__ == "__main__":
    raise SystemExit(main())

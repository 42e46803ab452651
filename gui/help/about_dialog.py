"""About Sourcelight: version, licence, and the promise that nothing leaves the computer."""

from __future__ import annotations

import html

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

APP_NAME = "Sourcelight"
LICENCE = "MIT License"
COPYRIGHT = "Copyright © 2026 The Sourcelight developers"
OFFLINE = (
    "Sourcelight works offline. It never connects to the network: articles, annotations "
    "and notes stay in library files on this computer, and go elsewhere only when you "
    "export them."
)


def app_version() -> str:
    """The installed version ("unknown" when run from a source tree never installed)."""
    from importlib.metadata import PackageNotFoundError, version  # only when About is asked

    try:
        return version("sourcelight")
    except PackageNotFoundError:
        return "unknown"


def about_html() -> str:
    """The About text."""
    import platform

    return (
        f"<h2>{APP_NAME} {html.escape(app_version())}</h2>"
        "<p>An offline reader and annotator for news articles, for analysts and for "
        "trainers in source criticism.</p>"
        f"<p>{html.escape(OFFLINE)}</p>"
        f"<p>{html.escape(COPYRIGHT)}. Released under the {LICENCE}.</p>"
        f"<p><small>Python {platform.python_version()}, Qt {qVersion()}, "
        f"PySide6 {pyside_version}</small></p>"
    )


class AboutDialog:
    """Say what the program is, which version, under which licence."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> None:
        """Show the About box until it is closed."""
        QMessageBox.about(parent, f"About {APP_NAME}", about_html())

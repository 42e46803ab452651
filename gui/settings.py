"""Window state and who the user is, kept between runs (QSettings).

Nothing that changes results lives here: those settings travel with the library. The user's
name is an identity, like a mail client's, so it stays with the user, not with a library.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings


class WindowSettings:
    """Typed access to the few values the window remembers."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings()

    def geometry(self) -> QByteArray | None:
        """The saved window geometry."""
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def state(self) -> QByteArray | None:
        """The saved dock and toolbar layout."""
        value = self._settings.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        """Remember the window's geometry and layout."""
        self._settings.setValue("window/geometry", geometry)
        self._settings.setValue("window/state", state)

    def annotator(self) -> str:
        """The user's name on their annotations ("" when they have not set one)."""
        return str(self._settings.value("user/annotator", ""))

    def set_annotator(self, name: str) -> None:
        """Remember the user's name for their annotations."""
        self._settings.setValue("user/annotator", name)

    def zoom(self) -> int:
        """The reader's zoom steps."""
        return int(self._settings.value("reader/zoom", 0))

    def set_zoom(self, steps: int) -> None:
        """Remember the reader's zoom steps."""
        self._settings.setValue("reader/zoom", steps)

    def last_article(self, library: str) -> int | None:
        """The article last open in a library."""
        value = self._settings.value(f"last_article/{_key(library)}")
        return int(value) if value is not None else None

    def set_last_article(self, library: str, article_id: int) -> None:
        """Remember the article open in a library."""
        self._settings.setValue(f"last_article/{_key(library)}", article_id)


def _key(library: str) -> str:
    """A settings key for a library path (slashes would nest groups)."""
    return library.replace("/", "|").replace("\\", "|")

"""Window state and who the user is, kept between runs (QSettings).

Nothing that changes results lives here: those settings travel with the library. The user's
name is an identity, like a mail client's, so it stays with the user, not with a library.
The window's layout is kept per screen size: a laptop's and a projector's are not the same.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from PySide6.QtCore import QByteArray, QSettings, QSize

# Below this screen height the header and legend start folded, so that the text comes first.
COMPACT_BELOW = 1000


@dataclass(frozen=True)
class SavedLayout:
    """How the window was arranged on one size of screen."""

    geometry: QByteArray
    state: QByteArray  # the docks and toolbars, as QMainWindow.saveState() gives them
    panels: str  # which panels there were: a state saved with others is not restored
    preset: str  # the workspace last chosen (Read, Annotate, Teach)
    legend_folded: bool
    header_compact: bool


def screen_key(size: QSize) -> str:
    """The settings key of a screen size, e.g. "1366x768"."""
    return f"{size.width()}x{size.height()}"


def starts_compact(size: QSize) -> bool:
    """True for a screen too short to show the header and legend in full above the text."""
    return size.height() < COMPACT_BELOW


class WindowSettings:
    """Typed access to the few values the window remembers."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings()

    def layout(self, screen: str) -> SavedLayout | None:
        """The layout last used on a screen of this size ("1280x720"), if any."""
        group = f"layout/{screen}"
        geometry = self._settings.value(f"{group}/geometry")
        state = self._settings.value(f"{group}/state")
        if not isinstance(geometry, QByteArray) or not isinstance(state, QByteArray):
            return None
        return SavedLayout(
            geometry=geometry,
            state=state,
            panels=str(self._settings.value(f"{group}/panels", "")),
            preset=str(self._settings.value(f"{group}/preset", "")),
            legend_folded=_flag(self._settings.value(f"{group}/legend_folded", False)),
            header_compact=_flag(self._settings.value(f"{group}/header_compact", False)),
        )

    def save_layout(self, screen: str, layout: SavedLayout) -> None:
        """Remember the window's layout for screens of this size."""
        group = f"layout/{screen}"
        for name, value in asdict(layout).items():
            self._settings.setValue(f"{group}/{name}", value)

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


def _flag(value) -> bool:
    """A boolean from QSettings, which hands INI values back as strings."""
    return value is True or str(value).lower() == "true"


def _key(library: str) -> str:
    """A settings key for a library path (slashes would nest groups)."""
    return library.replace("/", "|").replace("\\", "|")

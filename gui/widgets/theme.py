"""Light or dark, as the system's palette is: the window's own colours and its style sheet.

The style sheet names colours by role (@paper, @ink, ...); the theme that matches the
application's palette fills them in, and the sheet is filled in again whenever the palette
changes (the user switched the desktop to dark, say), so that no text is ever dark on dark.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from gui.core.colours import READABLE, Rgb, contrast, readable_on, rgb


@dataclass(frozen=True)
class Theme:
    """The colours of one look; every text colour reads on the background it is drawn on."""

    name: str
    paper: str  # the article's page and the header card
    ink: str  # the article's text and title
    muted: str  # origin, credits, source, status notes
    chrome: str  # the legend's strip
    rule: str  # thin lines between parts
    profile: str  # the sourcing profile line
    banner: str
    banner_ink: str
    banner_rule: str
    selection: str
    selection_ink: str
    caption: str  # presentation mode's caption
    caption_ink: str

    @property
    def dark(self) -> bool:
        """True for a dark background."""
        return self.name == "dark"

    def pairs(self) -> dict[str, tuple[str, str]]:
        """Each text colour with the background it is drawn on, for contrast checks."""
        return {
            "title": (self.ink, self.paper),
            "origin": (self.muted, self.paper),
            "profile": (self.profile, self.paper),
            "legend": (self.ink, self.chrome),
            "legend status": (self.muted, self.chrome),
            "banner": (self.banner_ink, self.banner),
            "selection": (self.selection_ink, self.selection),
            "caption": (self.caption_ink, self.caption),
        }


LIGHT = Theme(
    name="light",
    paper="#fdfcf9",
    ink="#1d1d1b",
    muted="#57554d",
    chrome="#f4f2ec",
    rule="#e4e1d8",
    profile="#1f3b57",
    banner="#fff4d6",
    banner_ink="#4a3b00",
    banner_rule="#e8d28a",
    selection="#2f6fb0",
    selection_ink="#ffffff",
    caption="#1f3b57",
    caption_ink="#ffffff",
)
DARK = Theme(
    name="dark",
    paper="#1e1f1c",
    ink="#e9e6dd",
    muted="#b7b2a5",
    chrome="#2a2b27",
    rule="#3b3c37",
    profile="#a9cbee",
    banner="#3b3213",
    banner_ink="#f6e6ac",
    banner_rule="#6a5a1f",
    selection="#4f8fd6",
    selection_ink="#0d1117",
    caption="#0f2236",
    caption_ink="#ffffff",
)
_TOKEN = re.compile(r"@([a-z_]+)")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def is_dark(palette: QPalette) -> bool:
    """True when the palette's windows are dark (a dark desktop theme)."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightness() < text.lightness()


def theme_for(palette: QPalette) -> Theme:
    """The theme that matches a palette."""
    return DARK if is_dark(palette) else LIGHT


def fill_style_sheet(template: str, theme: Theme) -> str:
    """The style sheet with each @role replaced by the theme's colour (unknown roles fail)."""
    colours = asdict(theme)
    sheet = _COMMENT.sub("", template)  # a comment may say "@role" without meaning one
    return _TOKEN.sub(lambda match: colours[match.group(1)], sheet)


def readable_colour(colour: str, background: QColor | None = None) -> QColor:
    """colour, adjusted until it reads on background (the palette's base by default)."""
    base = background or QGuiApplication.palette().color(QPalette.ColorRole.Base)
    back: Rgb = (base.red(), base.green(), base.blue())
    wanted = rgb(colour)
    if contrast(wanted, back) >= READABLE:
        return QColor(colour)
    return QColor(*readable_on(wanted, back))


class ThemeFollower(QObject):
    """Keeps the application's style sheet in the theme of its palette."""

    def __init__(self, app: QApplication, template: str) -> None:
        super().__init__()
        self._app, self._template = app, template
        self.theme: Theme | None = None
        self.apply()

    def watch(self, window: QWidget) -> None:
        """Follow palette changes as this window hears of them, for as long as it lives."""
        self.setParent(window)
        window.installEventFilter(self)

    def apply(self) -> None:
        """Fill the style sheet in for the palette's theme, unless it already is."""
        theme = theme_for(self._app.palette())
        if theme != self.theme:
            self.theme = theme
            self._app.setStyleSheet(fill_style_sheet(self._template, theme))

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self.apply()
        return False

"""Reading colours off rendered widgets, to judge contrast as a reader's eye would."""

from collections import Counter

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QWidget

from gui.core.colours import Rgb, contrast


def pixels(image: QImage, rect: QRect | None = None) -> Counter:
    """How often each colour occurs in the image (or in a rectangle of it)."""
    area = rect or image.rect()
    found: Counter = Counter()
    for y in range(area.top(), area.bottom() + 1, 1):
        for x in range(area.left(), area.right() + 1, 1):
            colour = image.pixelColor(x, y)
            found[(colour.red(), colour.green(), colour.blue())] += 1
    return found


def text_contrast(widget: QWidget, rect: QRect | None = None) -> float:
    """Contrast between the background (the commonest colour) and the text drawn on it.

    The text's colour is taken as the pixel farthest from the background: the core of a
    glyph, where antialiasing does not blend it with the page.
    """
    image = widget.grab(rect or widget.rect()).toImage()
    found = pixels(image)
    background = found.most_common(1)[0][0]
    return max(contrast(background, colour) for colour in found)


def background(widget: QWidget, rect: QRect) -> Rgb:
    """The commonest colour of a rectangle of the widget, as drawn."""
    image = widget.grab(rect).toImage()
    return pixels(image).most_common(1)[0][0]


def dark_palette() -> QPalette:
    """A dark desktop palette like the ones dark themes give Qt."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#2b2b2b"), (roles.WindowText, "#e0e0e0"), (roles.Base, "#1f1f1f"),
        (roles.AlternateBase, "#292929"), (roles.Text, "#e0e0e0"), (roles.Button, "#353535"),
        (roles.ButtonText, "#e0e0e0"), (roles.Highlight, "#2f6fb0"),
        (roles.HighlightedText, "#ffffff"), (roles.ToolTipBase, "#353535"),
        (roles.ToolTipText, "#e0e0e0"), (roles.PlaceholderText, "#a0a0a0"),
        (roles.BrightText, "#ffffff"), (roles.Light, "#4a4a4a"), (roles.Midlight, "#3e3e3e"),
        (roles.Mid, "#2f2f2f"), (roles.Dark, "#1a1a1a"), (roles.Shadow, "#000000"),
    ):  # fmt: skip
        palette.setColor(role, QColor(colour))
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#8a8a8a"))
    return palette

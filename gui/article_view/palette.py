"""Colours and underline styles of the entity types, safe for colour-blind readers.

The hues are the Okabe-Ito palette; each type also has its own underline pattern, so that
types stay apart in greyscale, in print, and for readers who cannot tell the hues apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor


@dataclass(frozen=True)
class Style:
    """How one kind of highlight is drawn."""

    colour: str  # the strong hue, for underlines and legend swatches
    pen: Qt.PenStyle  # the underline's pattern
    fill_alpha: int = 70  # background tint over the page, 0-255
    hatch: Qt.BrushStyle = Qt.BrushStyle.NoBrush  # a pattern inside an annotation's box

    def fill(self) -> QColor:
        """The background tint."""
        colour = QColor(self.colour)
        colour.setAlpha(self.fill_alpha)
        return colour


ENTITY_STYLES: dict[str, Style] = {
    "PERSON": Style("#E69F00", Qt.PenStyle.SolidLine),
    "ORG": Style("#0072B2", Qt.PenStyle.DashLine),
    "OUTLET": Style("#CC79A7", Qt.PenStyle.SolidLine, 90),
    "PLACE": Style("#009E73", Qt.PenStyle.DotLine),
    "GROUP": Style("#56B4E9", Qt.PenStyle.DashDotLine),
    "DATE": Style("#F0E442", Qt.PenStyle.DashDotDotLine, 110),
    "NUMBER": Style("#D55E00", Qt.PenStyle.SolidLine),
    "EVENT": Style("#7F6A93", Qt.PenStyle.DotLine),
    "OTHER": Style("#999999", Qt.PenStyle.DotLine),
}

FIND_STYLE = Style("#FFD400", Qt.PenStyle.NoPen, 150)
FOCUS_STYLE = Style("#FFB000", Qt.PenStyle.NoPen, 120)


def style_for(key: str) -> Style:
    """The style of a highlight key, grey for keys without one."""
    return ENTITY_STYLES.get(key, ENTITY_STYLES["OTHER"])


# Comparing a layer with an answer key: found, missed, extra. Hues that neither the default
# codebook, the colours given to new labels nor the entity types use, and a hatch inside the
# box that no label's box has, so that the overlay never reads as a label.
OVERLAY_STYLES: dict[str, Style] = {
    "cmp:match": Style("#00E05A", Qt.PenStyle.SolidLine, hatch=Qt.BrushStyle.BDiagPattern),
    "cmp:miss": Style("#FF1F5B", Qt.PenStyle.DashLine, hatch=Qt.BrushStyle.CrossPattern),
    "cmp:extra": Style("#8F3FFF", Qt.PenStyle.DotLine, hatch=Qt.BrushStyle.FDiagPattern),
}
OVERLAY_WORDS = {"cmp:match": "green", "cmp:miss": "red", "cmp:extra": "violet"}

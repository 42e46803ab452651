"""Swatches are painted at the screen's pixel density: sharp at 200 %, not a stretched bitmap."""

from PySide6.QtCore import QSize

from gui.article_view.legend import label_swatch, swatch
from gui.article_view.palette import ENTITY_STYLES
from tests.pixels import pixels

SIZE = QSize(14, 14)


def rows_of(colour: str, image) -> list[int]:
    """The rows of the image that are wholly one colour."""
    wanted = (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))
    found = []
    for y in range(image.height()):
        row = {image.pixelColor(x, y).getRgb()[:3] for x in range(image.width())}
        if row == {wanted}:
            found.append(y)
    return found


def test_a_swatch_at_200_percent_has_twice_the_pixels_and_sharp_lines(qapp):
    icon = swatch("PERSON")
    sharp = icon.pixmap(SIZE, 2.0)
    assert sharp.size() == QSize(28, 28) and sharp.devicePixelRatio() == 2.0
    assert sharp.deviceIndependentSize().toSize() == SIZE  # the same size on screen
    underline = rows_of(ENTITY_STYLES["PERSON"].colour, sharp.toImage())
    assert len(underline) == 4  # a 2-pixel line, drawn in 4 device rows, none blurred
    plain = icon.pixmap(SIZE, 1.0)
    assert plain.size() == SIZE
    assert len(rows_of(ENTITY_STYLES["PERSON"].colour, plain.toImage())) == 2


def test_fractional_scales_are_painted_too(qapp):
    pixmap = swatch("ORG").pixmap(SIZE, 1.5)
    assert pixmap.size() == QSize(21, 21)
    # The tint and the dashed line, and no blended colours between them: painted, not scaled.
    assert len(pixels(pixmap.toImage())) == 2


def test_an_annotation_label_swatch_is_sharp_as_well(qapp):
    pixmap = label_swatch("#0072B2").pixmap(SIZE, 2.0)
    assert pixmap.size() == QSize(28, 28)
    assert rows_of("#0072B2", pixmap.toImage())  # the box's top and bottom edges, whole

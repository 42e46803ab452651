"""The reading surface: a read-only, keyboard-selectable text view with entity highlights."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPalette, QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from gui.article_view.highlighting import BoxLayer, Highlighter, HighlightLayer
from gui.article_view.lenses import (
    hedge_spans,
    hedge_style,
    sourcing_spans,
    sourcing_style,
)
from gui.article_view.palette import FIND_STYLE, FOCUS_STYLE, OVERLAY_STYLES, Style, style_for
from gui.core.annotations.model import Annotation, Label
from gui.core.bulk import gc_paused
from gui.core.entities.pipeline import ENTITY_TYPE_NAMES, Entity
from gui.core.sourcing.model import Findings
from gui.core.span_index import Highlight, SpanIndex
from gui.core.text import trim_span
from gui.widgets.accessible import describe

LABEL_KEYS = frozenset("123456789")
# The keys the reader itself answers, for the shortcut reference (Help ▸ Keyboard Shortcuts).
READER_KEYS = (
    ("1 … 9", "Label the selection with the codebook's label of that hotkey"),
    ("N", "Add or edit the note of the annotation at the cursor"),
    ("Delete", "Delete the annotation at the cursor"),
    ("Shift+Arrows, Ctrl+Shift+Arrows", "Select by character or by word"),
)
LAYER_PENS = (
    Qt.PenStyle.SolidLine,
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
    Qt.PenStyle.DashDotLine,
    Qt.PenStyle.DashDotDotLine,
)
GUTTER = 22  # pixels left of the text for the annotation lanes
READING_COLUMNS = 78  # characters per line at most: a comfortable measure for long reading
MIN_ZOOM, MAX_ZOOM = -6, 20


class ArticleView(QPlainTextEdit):
    """Shows one article body; offsets in and out are code points into that body."""

    entity_clicked = Signal(object)  # the Entity under a click
    zoom_changed = Signal(int)
    label_requested = Signal(str)  # a label hotkey ("1".."9") pressed over a selection
    note_requested = Signal()  # N: add or edit the note of the annotation under the cursor
    delete_requested = Signal()  # Delete: remove the annotation under the cursor
    context_menu_requested = Signal(QPoint, int)  # global position, offset under the mouse

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        describe(self, "Article text", "The article; select text to label it, hover for details")
        self.setReadOnly(True)
        # Read-only views ignore the keyboard unless told otherwise: keyboard users select too.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setFont(QFont(["Georgia", "Noto Serif", "DejaVu Serif", "serif"], 13))
        self._base_point_size = self.font().pointSizeF()
        self._zoom = 0
        self._body = ""
        self._entities: list[Entity] = []
        self.highlighter = Highlighter(self)
        self.entity_layer = HighlightLayer(style_for)
        self.find_layer = HighlightLayer(lambda _key: FIND_STYLE, underline=False)
        self.annotation_layer = BoxLayer(self.label_style)
        self.sourcing_layer = HighlightLayer(sourcing_style)
        self.hedge_layer = HighlightLayer(hedge_style)
        self.check_layer = HighlightLayer(sourcing_style)  # drawn in the Sourcing lens
        self.focus_layer = HighlightLayer(lambda _key: FOCUS_STYLE, underline=False)
        self.highlighter.layers = [
            self.find_layer,
            self.focus_layer,
            self.entity_layer,
            self.sourcing_layer,
            self.check_layer,
            self.hedge_layer,
            self.annotation_layer,
        ]
        self.lens = "All"
        self._findings_shown = True
        self.set_lens("Entities")
        self._annotations: list[Annotation] = []  # placed ones, in annotation_layer item order
        self._label_styles: dict[str, Style] = {}
        self._label_names: dict[str, str] = {}
        # Room on the left inside the page for the annotation lanes' gutter bars.
        self.document().setDocumentMargin(GUTTER)
        self.viewport().setMouseTracking(True)

    # -- content -------------------------------------------------------------------------

    def set_body(self, body: str) -> None:
        """Show a new article body, with no highlights yet."""
        self._body = body
        self._entities = []
        self._annotations = []
        self.entity_layer.index = SpanIndex()
        self.find_layer.index = SpanIndex()
        self.annotation_layer.set_spans([])
        for layer in (self.sourcing_layer, self.check_layer, self.hedge_layer, self.focus_layer):
            layer.set_spans([])
        self.setPlainText(body)
        self.highlighter.set_text(body)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def body(self) -> str:
        """The body shown, exactly as stored."""
        return self._body

    def set_spans(self, spans: Sequence[tuple[int, int, str]]) -> None:
        """Highlight (start, end, type) spans at once; set_entities brings the details."""
        self._entities = []
        self.entity_layer.index = SpanIndex.of(spans)
        self.viewport().update()

    def set_entities(self, entities: Sequence[Entity]) -> None:
        """Highlight these entities (replacing any shown before)."""
        self._entities = list(entities)
        with gc_paused():
            self.entity_layer.index = SpanIndex.of([(e.start, e.end, e.label) for e in entities])
        self.viewport().update()

    def entities(self) -> list[Entity]:
        """The entities highlighted now."""
        return list(self._entities)

    def set_lens(self, lens: str) -> None:
        """Show the entities, the sourcing structure, the hedges, or all of them."""
        self.lens = lens
        shown = self._findings_shown
        self.entity_layer.visible = shown and lens in ("Entities", "All")
        self.sourcing_layer.visible = shown and lens in ("Sourcing", "All")
        self.check_layer.visible = self.sourcing_layer.visible
        self.hedge_layer.visible = shown and lens in ("Hedges", "All")
        self.viewport().update()

    def set_findings(self, findings: Findings) -> None:
        """Draw the sourcing findings (quotes, sources, hedges...) in their lenses."""
        self.sourcing_layer.set_spans(*sourcing_spans(findings))
        self.hedge_layer.set_spans(*hedge_spans(findings))
        self.viewport().update()

    def set_checks(self, spans: Sequence[tuple[int, int, str]], tips: Sequence[str]) -> None:
        """Mark the checks the lens makes (lenses.check_spans), with their explanations."""
        self.check_layer.set_spans(spans, list(tips))
        self.viewport().update()

    def set_focus_spans(self, spans: Sequence[tuple[int, int]]) -> None:
        """Mark these spans strongly (e.g. the statements of the source picked in a panel)."""
        self.focus_layer.set_spans([(start, end, "focus") for start, end in spans])
        if spans:
            self.select_span(spans[0][0], spans[0][0])
        self.viewport().update()

    def set_labels(self, labels: Sequence[Label]) -> None:
        """The codebook: how each label's annotations are drawn and named."""
        self._label_styles = {
            label_key(label.id): Style(label.colour, Qt.PenStyle.SolidLine) for label in labels
        }
        self._label_names = {label_key(label.id): label.name for label in labels}
        self.viewport().update()

    def set_annotations(
        self, annotations: Sequence[Annotation], layer_order: Sequence[str] = ()
    ) -> None:
        """Draw these annotations (orphans have no place in the text and are skipped).

        Each annotator's layer after the first in layer_order draws its boxes in its own line.
        """
        self._annotations = [a for a in annotations if not a.orphaned]
        order = {name: i for i, name in enumerate(layer_order)}
        self.annotation_layer.set_spans(
            [(a.start, a.end, label_key(a.label_id)) for a in self._annotations],
            pens=[
                LAYER_PENS[order.get(a.annotator, 0) % len(LAYER_PENS)] for a in self._annotations
            ],
        )
        self.viewport().update()

    def set_comparison(self, annotations: Sequence[Annotation], kinds: Sequence[str]) -> None:
        """Draw annotations in the comparison's colours (kinds: cmp:match, cmp:miss, cmp:extra)."""
        self._annotations = list(annotations)
        self.annotation_layer.set_spans(
            [(a.start, a.end, kind) for a, kind in zip(annotations, kinds, strict=True)],
            pens=[OVERLAY_STYLES[kind].pen for kind in kinds],
        )
        self.viewport().update()

    def annotation_layer_items(self) -> list[Annotation]:
        """The annotations drawn now (labels hidden in the legend left out)."""
        hidden = self.annotation_layer.hidden
        return [a for a in self._annotations if label_key(a.label_id) not in hidden]

    def set_findings_shown(self, shown: bool) -> None:
        """Show or hide every automatic finding (entities, sourcing, hedges), whatever the lens."""
        self._findings_shown = shown
        self.set_lens(self.lens)

    def annotations_at(self, offset: int) -> list[Annotation]:
        """The drawn annotations containing the character at offset, innermost first."""
        found = [
            self._annotations[h.item] for h in self.annotation_layer.visible_in(offset, offset + 1)
        ]
        return sorted(found, key=lambda a: a.end - a.start)

    def annotation_under_cursor(self) -> Annotation | None:
        """The innermost annotation at the cursor (or at the start of the selection)."""
        start, _end = self.selected_span()
        found = self.annotations_at(start) or (self.annotations_at(start - 1) if start else [])
        return found[0] if found else None

    def label_style(self, key: str) -> Style:
        """How the annotations of a label (label_key) or of a comparison kind are drawn."""
        return self._label_styles.get(key) or OVERLAY_STYLES.get(key) or style_for("OTHER")

    def set_hidden_types(self, hidden: set[str]) -> None:
        """Hide the highlights of these entity types and annotation labels (label_key)."""
        for layer in (
            self.entity_layer,
            self.sourcing_layer,
            self.hedge_layer,
            self.annotation_layer,
        ):
            layer.hidden = set(hidden)
        self.viewport().update()

    def set_find_matches(self, spans: Sequence[tuple[int, int]]) -> None:
        """Tint these spans as find results."""
        self.find_layer.index = SpanIndex(Highlight(s, e, "find") for s, e in spans)
        self.viewport().update()

    # -- offsets and selection -------------------------------------------------------------

    def offset_at(self, point: QPoint) -> int:
        """The code-point offset of the character nearest a viewport point."""
        return self.highlighter.utf16.from_utf16(self.cursorForPosition(point).position())

    def entity_at(self, point: QPoint) -> Entity | None:
        """The entity drawn under a viewport point, if any."""
        offset = self.offset_at(point)
        for highlight in self.entity_layer.visible_in(max(offset - 1, 0), offset + 1):
            rects = self.highlighter.rects_for(highlight.start, highlight.end)
            if highlight.item < len(self._entities) and any(
                rect.contains(point.toPointF()) for rect in rects
            ):
                return self._entities[highlight.item]
        return None

    def select_span(self, start: int, end: int) -> None:
        """Select [start, end) and scroll it into the middle of the view."""
        utf16 = self.highlighter.utf16
        cursor = self.textCursor()
        cursor.setPosition(utf16.to_utf16(start))
        cursor.setPosition(utf16.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def selected_span(self) -> tuple[int, int]:
        """The selection as [start, end) code points (equal when nothing is selected)."""
        cursor = self.textCursor()
        utf16 = self.highlighter.utf16
        return utf16.from_utf16(cursor.selectionStart()), utf16.from_utf16(cursor.selectionEnd())

    def selected_words(self) -> tuple[int, int]:
        """The selection without the spaces and commas it picked up at its ends: what to label."""
        return trim_span(self._body, *self.selected_span())

    def set_spotlight(self, span: tuple[int, int] | None) -> None:
        """Dim everything but [start, end) (presentation mode's current item), or nothing."""
        self.highlighter.spotlight = span
        self.viewport().update()

    # -- zoom and reading width -------------------------------------------------------------

    def zoom(self) -> int:
        """Zoom steps from the default size (each step is one point)."""
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        """Set the type size to the default plus steps points, within sane bounds."""
        self._zoom = max(MIN_ZOOM, min(MAX_ZOOM, steps))
        font = self.font()
        font.setPointSizeF(self._base_point_size + self._zoom)
        self.setFont(font)
        self._fit_reading_width()
        self.zoom_changed.emit(self._zoom)

    def _fit_reading_width(self) -> None:
        """Centre a column of at most READING_COLUMNS characters, however wide the window."""
        column = self.fontMetrics().horizontalAdvance("n") * READING_COLUMNS
        side = max(12, (self.width() - column) // 2)
        self.setViewportMargins(side, 8, side, 8)

    # -- Qt overrides ------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:
        self._fit_reading_width()
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:
        # Highlights go under the text: paint them first, then let Qt draw the text over them.
        painter = QPainter(self.viewport())
        self.highlighter.paint(painter, event.rect().toRectF())
        painter.end()
        super().paintEvent(event)
        if self.highlighter.spotlight is not None:  # the veil goes over the text too
            veil = QPainter(self.viewport())
            self.highlighter.paint_veil(veil, self.palette().color(QPalette.ColorRole.Base))
            veil.end()

    def keyPressEvent(self, event) -> None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        text = event.text()
        if modifiers == Qt.KeyboardModifier.NoModifier and text in LABEL_KEYS:
            if self.textCursor().hasSelection():
                self.label_requested.emit(text)
            return
        if modifiers == Qt.KeyboardModifier.NoModifier and event.key() == Qt.Key.Key_N:
            self.note_requested.emit()
            return
        if modifiers == Qt.KeyboardModifier.NoModifier and event.key() == Qt.Key.Key_Delete:
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:
        self.context_menu_requested.emit(event.globalPos(), self.offset_at(event.pos()))

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            self._show_tooltip(event)
            return True
        return super().viewportEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            entity = self.entity_at(event.position().toPoint())
            if entity is not None:
                self.entity_clicked.emit(entity)

    def _show_tooltip(self, event) -> None:
        """Show the notes of annotations and the type and group of the entity under the mouse."""
        offset = self.offset_at(event.pos())
        parts = [
            annotation_tooltip(a, self._label_names.get(label_key(a.label_id), "Label"))
            for a in self.annotations_at(offset)
        ]
        entity = self.entity_at(event.pos())
        if entity is not None:
            parts.append(entity_tooltip(entity))
        parts += self.sourcing_layer.tips_at(offset) + self.check_layer.tips_at(offset)
        parts += self.hedge_layer.tips_at(offset)
        if not parts:
            QToolTip.hideText()
            return
        QToolTip.showText(event.globalPos(), "<hr>".join(parts), self.viewport())


def label_key(label_id: int) -> str:
    """The style key of a label's annotations (entity types use their own names)."""
    return f"label:{label_id}"


def annotation_tooltip(annotation: Annotation, label_name: str) -> str:
    """The hover text of an annotation: its label, note and annotator."""
    note = (
        html.escape(annotation.note).replace("\n", "<br>") if annotation.note else "<i>No note</i>"
    )
    who = f"<br><small>{html.escape(annotation.annotator)}</small>" if annotation.annotator else ""
    return f"<b>{html.escape(label_name)}</b><br>{note}{who}"


def entity_tooltip(entity: Entity) -> str:
    """The hover text of an entity: its type, and its alias group when that differs."""
    kind = ENTITY_TYPE_NAMES.get(entity.label, entity.label)
    text = f"<b>{html.escape(entity.text)}</b><br>{kind}"
    if entity.group and entity.group != entity.text:
        text += f"<br>Same as: {html.escape(entity.group)}"
    return text + "<br><i>Click to list all mentions</i>"

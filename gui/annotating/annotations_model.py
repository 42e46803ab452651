"""The annotations of an article (or of the whole library) as a table model."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont

from gui.annotating.codebook_dialog import colour_icon
from gui.core.annotations.model import Annotation, Label
from gui.core.text import excerpt
from gui.widgets.table_model import Index, RowsModel
from gui.widgets.theme import readable_colour

COLUMNS = ("Label", "Text", "Note", "Layer", "Created", "Article")  # a layer: one annotator's
LABEL, TEXT, NOTE, ANNOTATOR, CREATED, ARTICLE = range(6)
SORT_ROLE = Qt.ItemDataRole.UserRole
ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 1


class AnnotationsModel(RowsModel):
    """One row per annotation; orphans (text no longer found) are shown greyed and marked."""

    HEADERS = COLUMNS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._labels: dict[int, Label] = {}
        self._titles: dict[int, str] = {}

    def set_annotations(
        self,
        annotations: Sequence[Annotation],
        labels: Sequence[Label],
        titles: dict[int, str] | None = None,
    ) -> None:
        """Show these rows; titles name the articles in the library-wide view.

        Rows are added, changed and removed one by one, so that the sorted view keeps its
        place and re-sorts only what changed, as the user labels span after span.
        """
        labels_by_id = {label.id: label for label in labels}
        if labels_by_id != self._labels or (titles or {}) != self._titles:
            self.beginResetModel()
            self._rows = list(annotations)
            self._labels, self._titles = labels_by_id, titles or {}
            self.endResetModel()
            return
        self._sync(annotations)

    def _sync(self, annotations: Sequence[Annotation]) -> None:
        """Turn the current rows into these with row removals, changes and insertions."""
        wanted = {annotation.id: annotation for annotation in annotations}
        for row in reversed(range(len(self._rows))):
            if self._rows[row].id not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        for row, annotation in enumerate(self._rows):
            if wanted[annotation.id] != annotation:
                self._rows[row] = wanted[annotation.id]
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        known = {annotation.id for annotation in self._rows}
        added = [annotation for annotation in annotations if annotation.id not in known]
        if added:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._rows.extend(added)
            self.endInsertRows()

    def annotation(self, row: int) -> Annotation:
        """The annotation shown in a row."""
        return self.row(row)

    def row_of(self, annotation_id: int) -> int | None:
        """The row of an annotation, if listed."""
        return next((i for i, a in enumerate(self._rows) if a.id == annotation_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        annotation = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(annotation, column)
        if role == SORT_ROLE:
            return self._sort_key(annotation, column)
        if role == ANNOTATION_ROLE:
            return annotation
        if role == Qt.ItemDataRole.ToolTipRole:
            return annotation.note or annotation.text
        if role == Qt.ItemDataRole.DecorationRole and column == LABEL:
            label = self._labels.get(annotation.label_id)
            return colour_icon(label.colour) if label else None
        if role == Qt.ItemDataRole.ForegroundRole and annotation.orphaned:
            return readable_colour("#8a8a8a")  # greyed, yet readable on light or dark
        if role == Qt.ItemDataRole.FontRole and annotation.orphaned:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _display(self, annotation: Annotation, column: int) -> str:
        if column == LABEL:
            label = self._labels.get(annotation.label_id)
            return label.name if label else "?"
        if column == TEXT:
            text = excerpt(annotation.text, 60)
            return f"(orphaned) {text}" if annotation.orphaned else text
        if column == NOTE:
            return excerpt(annotation.note, 60)
        if column == ANNOTATOR:
            return annotation.annotator
        if column == CREATED:
            return annotation.created[:16].replace("T", " ")
        return self._titles.get(annotation.article_id, "")

    def _sort_key(self, annotation: Annotation, column: int):
        """Label sorts by codebook order, Text by position, the rest by their text."""
        if column == LABEL:
            label = self._labels.get(annotation.label_id)
            return (label.position if label else 1_000, annotation.start)
        if column == TEXT:
            return (annotation.article_id, annotation.orphaned, annotation.start)
        if column == CREATED:
            return annotation.created
        return self._display(annotation, column).casefold()

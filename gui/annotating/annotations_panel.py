"""The Annotations panel: filter by label and text, sort, jump to one, edit its note."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.annotating.annotations_model import (
    ANNOTATION_ROLE,
    ANNOTATOR,
    ARTICLE,
    CREATED,
    LABEL,
    SORT_ROLE,
    TEXT,
    AnnotationsModel,
)
from gui.core.annotations.model import Annotation, Label
from gui.widgets.accessible import describe
from gui.widgets.table_model import SIZING_ROWS


class AnnotationFilter(QSortFilterProxyModel):
    """Keeps the rows of one label (or all) whose text or note contains the filter text."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.label_id: int | None = None
        self.text = ""
        self.setSortRole(SORT_ROLE)

    def set_filter(self, label_id: int | None, text: str) -> None:
        """Filter by label (None: all) and by text, case-insensitively."""
        self.beginFilterChange()
        self.label_id, self.text = label_id, text.casefold().strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        annotation: Annotation = self.sourceModel().annotation(row)
        if self.label_id is not None and annotation.label_id != self.label_id:
            return False
        return not self.text or self.text in f"{annotation.text}\n{annotation.note}".casefold()


class AnnotationsPanel(QWidget):
    """Lists annotations; asks the window to jump to one, or to edit or delete it."""

    jump_requested = Signal(object)  # Annotation
    note_requested = Signal(object)  # Annotation
    delete_requested = Signal(object)  # Annotation
    reattach_requested = Signal(object)  # Annotation: to the text selected in the reader
    scope_changed = Signal(bool)  # True: the whole library
    search_changed = Signal(str)  # library-wide full-text search

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AnnotationsModel(self)
        self.proxy = AnnotationFilter(self)
        self.proxy.setSourceModel(self.model)
        self.labels = QComboBox()
        self.search = QLineEdit(placeholderText="Filter text and notes", clearButtonEnabled=True)
        self.whole_library = QToolButton(text="Whole library", checkable=True)
        self.whole_library.setToolTip(
            "List the annotations of every article, searched in full text"
        )
        self.table = self._make_table()
        describe(self.labels, "Label filter", "Show the annotations of one label, or of all")
        describe(self.search, "Filter annotations", "Keeps those whose text or note has this")
        describe(self.table, "Annotations", "Click one to go to it; double-click edits its note")
        describe(self.whole_library, "Whole library", self.whole_library.toolTip())
        self._layout()
        self.labels.currentIndexChanged.connect(self._filter)
        self.search.textChanged.connect(self._search_changed)
        self.whole_library.toggled.connect(self._scope_toggled)

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(TEXT, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setResizeContentsPrecision(SIZING_ROWS)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ANNOTATOR, QHeaderView.ResizeMode.ResizeToContents)
        table.hideColumn(CREATED)
        table.hideColumn(ARTICLE)
        table.clicked.connect(lambda index: self.jump_requested.emit(self._at(index)))
        table.activated.connect(lambda index: self.jump_requested.emit(self._at(index)))
        table.doubleClicked.connect(lambda index: self.note_requested.emit(self._at(index)))
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for text, signal in (
            ("Edit Note…", self.note_requested),
            ("Re-attach to the Selected Text", self.reattach_requested),
            ("Delete", self.delete_requested),
        ):
            action = QAction(text, table)
            action.triggered.connect(lambda _=False, s=signal: self._emit_for_selected(s))
            table.addAction(action)
        return table

    def _emit_for_selected(self, signal) -> None:
        annotation = self.selected()
        if annotation is not None:
            signal.emit(annotation)

    def _layout(self) -> None:
        row = QHBoxLayout()
        row.addWidget(self.labels)
        row.addWidget(self.search, 1)
        row.addWidget(self.whole_library)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.table)

    def set_labels(self, labels: Sequence[Label]) -> None:
        """Offer the codebook's labels as filters, keeping the one chosen if it remains."""
        chosen = self.labels.currentData()
        self.labels.blockSignals(True)
        self.labels.clear()
        self.labels.addItem("All labels", None)
        for label in labels:
            self.labels.addItem(label.name, label.id)
        index = self.labels.findData(chosen)
        self.labels.setCurrentIndex(max(index, 0))
        self.labels.blockSignals(False)
        self._filter()

    def set_annotations(self, annotations, labels, titles: dict[int, str] | None = None) -> None:
        """Show annotations (with article titles in the library-wide view)."""
        self.model.set_annotations(annotations, labels, titles)
        self.table.setColumnHidden(ARTICLE, titles is None)

    def selected(self) -> Annotation | None:
        """The annotation picked in the table."""
        index = self.table.currentIndex()
        return self._at(index) if index.isValid() else None

    def select(self, annotation_id: int) -> None:
        """Pick an annotation's row without announcing anything."""
        row = self.model.row_of(annotation_id)
        if row is not None:
            index = self.proxy.mapFromSource(self.model.index(row, TEXT))
            self.table.selectionModel().blockSignals(True)
            self.table.setCurrentIndex(index)
            self.table.selectionModel().blockSignals(False)

    def _at(self, index) -> Annotation:
        return self.proxy.data(index, ANNOTATION_ROLE)

    def _filter(self) -> None:
        text = "" if self.whole_library.isChecked() else self.search.text()
        self.proxy.set_filter(self.labels.currentData(), text)

    def _search_changed(self, text: str) -> None:
        if self.whole_library.isChecked():
            self.search_changed.emit(text)
        self._filter()

    def _scope_toggled(self, whole: bool) -> None:
        self.search.setPlaceholderText(
            "Search all excerpts and notes" if whole else "Filter text and notes"
        )
        self._filter()
        self.scope_changed.emit(whole)

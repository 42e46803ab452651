"""The library panel: search as you type, sort, open, rename and delete articles."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.core.storage.article_list import ArticleList
from gui.library.library_model import DATE, ENTITIES, OUTLET, TITLE, LibraryModel, narrows
from gui.widgets.accessible import describe

Flag = QItemSelectionModel.SelectionFlag
NARROW = 360  # px: below it the list leaves the outlets out, so the titles stay readable
KEPT_SELECTION = 25  # selected rows found again after the list is read anew (a query each)
DATE_SAMPLE, COUNT_SAMPLE = "2026-12-31", "99999"  # as wide as a date and a count get


class LibraryPanel(QWidget):
    """Lists the library's articles; announces what the user asks for, changes nothing itself."""

    search_changed = Signal(str)
    open_requested = Signal(int)
    delete_requested = Signal(list)  # article ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LibraryModel(self)
        self.search = QLineEdit(placeholderText="Search titles and text", clearButtonEnabled=True)
        describe(self.search, "Search the library", "Finds articles by title and text")
        self.search.textChanged.connect(self._search_typed)
        self.table = self._make_table()
        self._fit_columns()
        self.status = QLabel(self, objectName="libraryStatus")
        describe(self.status, "Articles listed", "How many articles the list shows")
        self.model.counted.connect(lambda: self.status.setText(self.model.status()))
        self._kept_sort = (DATE, Qt.SortOrder.DescendingOrder)
        self._selected: tuple[list[int], int | None] = ([], None)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        self._add_actions()

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("libraryTable")
        describe(table, "Articles", "The library's articles; Enter opens one, F2 renames it")
        table.setModel(self.model)
        table.setSortingEnabled(True)  # the model sorts in SQL
        table.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(OUTLET, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(OUTLET, 90)
        # The date and the count are as wide in any row: sized from the font, not measured.
        # Sized to their contents, Qt measured every row of a list whose last rows do not fill
        # the view (a search's 300 matches, 30 ms of the keystroke), at every change of it.
        for column in (DATE, ENTITIES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.activated.connect(lambda index: self.open_requested.emit(self._id_at(index)))
        table.clicked.connect(self._clicked)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        return table

    def _clicked(self, index) -> None:
        """A plain click opens the article, as in a mail reader; Ctrl or Shift only selects."""
        if len(self.table.selectionModel().selectedRows(TITLE)) == 1:
            self.open_requested.emit(self._id_at(index))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.table.setColumnHidden(OUTLET, self.width() < NARROW)  # the reader names the outlet

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_columns()

    def _fit_columns(self) -> None:
        """Make the date and count columns as wide as their widest value, or their title."""
        header, metrics = self.table.horizontalHeader(), self.table.fontMetrics()
        margin = 2 * self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 8
        for column, widest in ((DATE, DATE_SAMPLE), (ENTITIES, COUNT_SAMPLE)):
            wide = metrics.horizontalAdvance(widest) + margin
            header.resizeSection(column, max(wide, header.sectionSizeHint(column)))

    def _add_actions(self) -> None:
        self.open_action = QAction("Open", self.table)
        self.open_action.triggered.connect(self._open_current)
        self.rename_action = QAction("Rename…", self.table, shortcut=QKeySequence("F2"))
        self.rename_action.triggered.connect(self.rename_current)
        self.delete_action = QAction(
            "Delete…", self.table, shortcut=QKeySequence.StandardKey.Delete
        )
        self.delete_action.triggered.connect(self._delete_selected)
        for action in (self.open_action, self.rename_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.table.addAction(action)

    def set_source(self, source: ArticleList | None) -> None:
        """List a library's articles (read anew), keeping the search, the sort and the selection."""
        self.model.set_source(source)

    def set_read_only(self, read_only: bool) -> None:
        """Forbid rename and delete in a read-only library."""
        self.model.editable = not read_only
        self.rename_action.setEnabled(not read_only)
        self.delete_action.setEnabled(not read_only)

    def select_article(self, article_id: int, row: int | None = None) -> None:
        """Select the row of an article (looked up unless given), without announcing anything."""
        row = self.model.row_of(article_id) if row is None else row
        if row is None:
            return
        index = self.model.index(row, TITLE)
        self.table.selectionModel().blockSignals(True)
        self.table.setCurrentIndex(index)
        self.table.selectionModel().blockSignals(False)
        self.table.scrollTo(index)

    def selected_ids(self) -> list[int]:
        """Ids of the selected articles."""
        rows = self.table.selectionModel().selectedRows(TITLE)
        return [self._id_at(index) for index in rows]

    def has_selection(self) -> bool:
        """True when some article is selected."""
        return self.table.selectionModel().hasSelection()

    def rename_current(self) -> None:
        """Start editing the title of the current article in place."""
        index = self.table.currentIndex()
        if index.isValid():
            self.table.edit(index.siblingAtColumn(TITLE))

    def _search_typed(self, text: str) -> None:
        """Search at once; results come by relevance until a column is clicked."""
        header = self.table.horizontalHeader()
        was, searching = narrows(self.model.search), narrows(text)
        if searching == was:
            self.model.set_search(text)
        else:
            if searching:
                self._kept_sort = (header.sortIndicatorSection(), header.sortIndicatorOrder())
            column, order = (-1, Qt.SortOrder.DescendingOrder) if searching else self._kept_sort
            header.blockSignals(True)  # the header would sort the old list first
            header.setSortIndicator(column, order)
            header.blockSignals(False)
            self.model.set_search(text, column, order)
        self.search_changed.emit(text)

    def _remember_selection(self) -> None:
        rows: list[int] = []
        for span in self.table.selectionModel().selection():  # ranges: no index per cell
            rows.extend(range(span.top(), min(span.bottom() + 1, span.top() + KEPT_SELECTION)))
        rows = sorted(set(rows))
        current = self.table.currentIndex()
        self._selected = (
            [self.model.summary(row).id for row in rows[:KEPT_SELECTION]],
            self.model.summary(current.row()).id if current.isValid() else None,
        )

    def _restore_selection(self) -> None:
        ids, current = self._selected
        self._selected = ([], None)
        selection = QItemSelection()
        for article_id in ids:
            row = self.model.row_of(article_id)
            if row is not None:
                selection.select(self.model.index(row, 0), self.model.index(row, ENTITIES))
        model = self.table.selectionModel()
        row = None if current is None else self.model.row_of(current)
        if row is not None:
            model.setCurrentIndex(self.model.index(row, TITLE), Flag.NoUpdate)
        model.select(selection, Flag.ClearAndSelect)

    def _open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_requested.emit(self._id_at(index))

    def _delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.delete_requested.emit(ids)

    def _id_at(self, index) -> int:
        return self.model.summary(index.row()).id

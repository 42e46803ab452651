"""The library panel: search as you type, sort, open, rename and delete articles."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.library.library_model import DATE, ENTITIES, OUTLET, TITLE, LibraryModel
from gui.widgets.accessible import describe
from gui.widgets.table_model import SIZING_ROWS


class LibraryPanel(QWidget):
    """Lists the library's articles; announces what the user asks for, changes nothing itself."""

    search_changed = Signal(str)
    open_requested = Signal(int)
    delete_requested = Signal(list)  # article ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LibraryModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.search = QLineEdit(placeholderText="Search titles and text", clearButtonEnabled=True)
        describe(self.search, "Search the library", "Finds articles by title and text")
        self.search.textChanged.connect(self.search_changed)
        self.table = self._make_table()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        self._add_actions()

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("libraryTable")
        describe(table, "Articles", "The library's articles; Enter opens one, F2 renames it")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setResizeContentsPrecision(SIZING_ROWS)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(OUTLET, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(OUTLET, 90)
        for column in (DATE, ENTITIES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.activated.connect(lambda index: self.open_requested.emit(self._id_at(index)))
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        return table

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

    def set_read_only(self, read_only: bool) -> None:
        """Forbid rename and delete in a read-only library."""
        self.model.editable = not read_only
        self.rename_action.setEnabled(not read_only)
        self.delete_action.setEnabled(not read_only)

    def select_article(self, article_id: int) -> None:
        """Select the row of an article, without announcing anything."""
        row = self.model.row_of(article_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, TITLE))
        self.table.selectionModel().blockSignals(True)
        self.table.setCurrentIndex(index)
        self.table.selectionModel().blockSignals(False)
        self.table.scrollTo(index)

    def selected_ids(self) -> list[int]:
        """Ids of the selected articles."""
        rows = self.table.selectionModel().selectedRows(TITLE)
        return [self._id_at(index) for index in rows]

    def rename_current(self) -> None:
        """Start editing the title of the current article in place."""
        index = self.table.currentIndex()
        if index.isValid():
            self.table.edit(index.siblingAtColumn(TITLE))

    def _open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_requested.emit(self._id_at(index))

    def _delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.delete_requested.emit(ids)

    def _id_at(self, index) -> int:
        return self.model.summary(self.proxy.mapToSource(index).row()).id

"""The Entities panel: the article's alias groups, and the mentions of the one picked."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.core.entities.pipeline import Entity
from gui.entities.entities_model import GroupsModel, MentionsModel, build_groups
from gui.widgets.accessible import describe
from gui.widgets.table_model import SIZING_ROWS


def _table(model, parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class EntitiesPanel(QWidget):
    """Lists what the article names; picking a mention asks the reader to show it."""

    mention_requested = Signal(int, int)  # start, end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._body = ""
        self._wanted: str | None = None  # the group the user last asked for
        self.groups = GroupsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.groups)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.mentions = MentionsModel(self)
        self.filter = QLineEdit(placeholderText="Filter entities", clearButtonEnabled=True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        describe(self.filter, "Filter entities", "Keeps the entities whose name contains this")
        self.group_table = _table(self.proxy, self)
        self.group_table.setSortingEnabled(True)
        # The groups come most-mentioned first; sorting them again through the proxy costs
        # a Python call per comparison (130 ms for 6,000 groups), so only a click sorts.
        self.group_table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        header = self.group_table.horizontalHeader()
        header.setResizeContentsPrecision(SIZING_ROWS)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 105)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.mention_table = _table(self.mentions, self)
        self.mention_table.horizontalHeader().setResizeContentsPrecision(SIZING_ROWS)
        self.mention_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.mention_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        describe(self.group_table, "Entities", "Each name the article gives, with its type")
        describe(self.mention_table, "Mentions", "Where the entity picked is named; Enter shows it")
        self.mention_title = QLabel("Click an entity in the text, or pick one above.")
        self.mention_title.setWordWrap(True)
        self._layout()
        self.group_table.selectionModel().currentRowChanged.connect(self._group_picked)
        self.mention_table.selectionModel().currentRowChanged.connect(self._mention_picked)
        self.mention_table.clicked.connect(self._mention_picked)

    def _layout(self) -> None:
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.mention_title)
        lower_layout.addWidget(self.mention_table)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.group_table)
        splitter.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(splitter)

    def set_entities(self, body: str, entities: Sequence[Entity]) -> None:
        """Show the groups of an article's entities, keeping the group picked if it is there."""
        picked = self._wanted if body == self._body else None
        self._wanted = picked
        self._body = body
        self.groups.set_groups(build_groups(entities))
        self.mentions.set_mentions(body, [])
        self.mention_title.setText("Click an entity in the text, or pick one above.")
        if picked is not None:
            self.show_group(picked)

    def show_group(self, key: str) -> None:
        """Select a group (e.g. after a click on one of its mentions in the text).

        Asked before the groups have arrived, it is selected when they do.
        """
        self._wanted = key
        row = self.groups.row_of(key)
        if row is None:
            return
        self.filter.clear()
        index = self.proxy.mapFromSource(self.groups.index(row, 0))
        self.group_table.setCurrentIndex(index)
        self.group_table.scrollTo(index)

    def _group_picked(self, current, _previous=None) -> None:
        if not current.isValid():
            return
        group = self.groups.group(self.proxy.mapToSource(current).row())
        self._wanted = group.key
        self.mentions.set_mentions(self._body, group.mentions)
        names = ", ".join(group.names)
        self.mention_title.setText(f"{len(group.mentions)} mentions of {group.key} — as: {names}")

    def _mention_picked(self, current, _previous=None) -> None:
        if current.isValid():
            mention = self.mentions.mention(current.row())
            self.mention_requested.emit(mention.start, mention.end)

"""The Outlets tab of Across the Library: which outlets relay which, as a table and a graph.

Picking an edge, in the table or by clicking it in the graph, lists the statements behind it
(read when picked); the two stay in step, the graph marking the edge the table has selected.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from gui.core.storage import Library
from gui.core.tracing import queries
from gui.core.tracing.outlets import RelayEdge
from gui.tracing.outlet_graph import LEGEND, OutletGraph
from gui.tracing.tables import ColumnsModel, read_only_table


def _edge_cells(e: RelayEdge) -> tuple:
    return (e.source, e.target, e.count)


def _statement_cells(s) -> tuple:
    return (s.outlet, s.article_id, s.text)


class OutletsTab(QSplitter):
    """Relay edges (table and graph) above the statements of the edge picked."""

    open_requested = Signal(int, int, int)  # article id, start, end

    def __init__(self, library_of: Callable[[], Library | None], parent=None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.library_of = library_of
        self.edges = ColumnsModel(("From", "To", "Statements"), _edge_cells, self)
        self.statements = ColumnsModel(("Outlet", "Article", "Statement"), _statement_cells, self)
        self.edge_table = read_only_table(self, self.edges, "Outlets")
        self.statement_table = read_only_table(self, self.statements, "Outlets: details")
        self.graph = OutletGraph(self)
        self.edge_table.selectionModel().currentRowChanged.connect(
            lambda now, _: self.pick_edge(now.row())
        )
        self.graph.edge_clicked.connect(self.edge_table.selectRow)
        self.statement_table.doubleClicked.connect(lambda index: self._open(index.row()))
        self.addWidget(self.edge_table)
        self.addWidget(self._graph_box())
        self.addWidget(self.statement_table)
        self.setStretchFactor(1, 2)

    def show_edges(self, edges) -> None:
        """List and draw these edges; none picked."""
        self.edges.set_rows(edges)
        self.graph.set_edges(edges)
        self.statements.set_rows([])

    def pick_edge(self, row: int) -> None:
        """List the statements behind the edge of this row, and mark it in the graph."""
        library = self.library_of()
        if library is not None and 0 <= row < self.edges.rowCount():
            self.statements.set_rows(queries.edge_statements(library, self.edges.row(row)))
            self.graph.select_edge(row)

    def _graph_box(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.graph, 1)
        legend = QLabel(f"{LEGEND}; the wider, the more statements. Click one to list them.")
        legend.setWordWrap(True)
        layout.addWidget(legend)
        return box

    def _open(self, row: int) -> None:
        statement = self.statements.row(row)
        self.open_requested.emit(statement.article_id, statement.start, statement.end)

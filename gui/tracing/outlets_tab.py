"""The Outlets tab of Across the Library: which outlets relay which, as a table and a graph.

Picking an edge, in the table or by clicking it in the graph, lists the statements behind it
(read when picked, on the owner's worker); the two stay in step, the graph marking the edge
the table has selected.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from gui.core.tracing import queries
from gui.core.tracing.outlet_graph import GraphLayout
from gui.core.tracing.outlets import RelayEdge
from gui.tracing.outlet_graph import LEGEND, OutletGraph
from gui.tracing.reads import LatestRead, Reads
from gui.tracing.tables import ColumnsModel, StatusLine, counted, read_only_table, under_status


def _edge_cells(e: RelayEdge) -> tuple:
    return (e.source, e.target, e.count)


def _statement_cells(s) -> tuple:
    return (s.outlet, s.article_id, s.text)


class OutletsTab(QSplitter):
    """Relay edges (table and graph) above the statements of the edge picked."""

    open_requested = Signal(int, int, int)  # article id, start, end
    statements_shown = Signal()  # the statements of the edge picked are listed

    def __init__(self, reads: Reads, parent=None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self._read = LatestRead(reads, self)
        self._read.arrived.connect(self._show_statements)
        self._read.failed.connect(
            lambda message: self.status.failed(f"Could not read the statements: {message}")
        )
        self.status = StatusLine(self, "Outlets: what is listed")
        self._edge: RelayEdge | None = None  # the edge whose statements were asked for last
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
        self.addWidget(under_status(self, self.status, self.edge_table))
        self.addWidget(self._graph_box())
        self.addWidget(self.statement_table)
        self.setStretchFactor(1, 2)

    def show_edges(self, edges, layout: GraphLayout | None = None) -> None:
        """List and draw these edges (laid out so, if given); none picked."""
        self._read.drop()
        self.edges.set_rows(edges)
        self.graph.set_edges(edges, layout)
        self.statements.set_rows([])
        links = counted(len(edges), "link", "links")
        self.status.done(f"{links} between outlets. Pick one to list its statements.")

    def drop_reads(self) -> None:
        """Forget the statements on their way: the edges are read again."""
        self._read.drop()

    def pick_edge(self, row: int) -> None:
        """Mark the edge of this row in the graph, and read the statements behind it."""
        if 0 <= row < self.edges.rowCount():
            edge = self._edge = self.edges.row(row)
            self.graph.select_edge(row)
            self.statements.set_rows([])
            self.status.reading(f"Reading the statements {edge.source} → {edge.target}…")
            self._read.ask(queries.edge_statements, edge)

    def _show_statements(self, statements) -> None:
        self.statements.set_rows(statements)
        edge = self._edge
        passed = counted(len(statements), "statement", "statements")
        self.status.done(f"{passed} passed on {edge.source} → {edge.target}")
        self.statements_shown.emit()

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

"""The Claims tab of Across the Library: one event's figures side by side, judged by a person.

Above, the events and things counted; in the middle, the figures of the one picked, each
with its verdict and its relations (to figures of its own article and of others); below,
the timeline. A person sets a figure's verdict (it is that article's claim, so the article's
own Claims panel shows it too) and relates two figures; the tab only asks (verdict_requested,
relation_requested) and the owner carries it out. A group's figures are read on the owner's
worker when it is picked, and again when a verdict or relation changed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gui.core.sourcing.commands import STATUSES
from gui.core.tracing import reads_at
from gui.core.tracing.claim_links import Figure
from gui.core.tracing.claims import ClaimFigure, ClaimGroup, EventGroup
from gui.tracing.reads import LatestRead, Reads
from gui.tracing.tables import ColumnsModel, StatusLine, counted, read_only_table, under_status
from gui.tracing.timeline import TimelinePlot
from gui.widgets.accessible import describe
from gui.widgets.theme import readable_colour

VERDICT_NAMES = {
    "unverified": "Unverified",
    "verified": "Verified",
    "disputed": "Disputed",
    "false": "False",
}
VERDICT_COLOURS = {"verified": "#1A7F37", "disputed": "#B04A00", "false": "#C00000"}
RELATION_CHOICES = (
    ("corroborates", "&Corroborates"),
    ("different_scope", "Different &Scope"),
    ("contradicts", "C&ontradicts"),
)
_VERDICT_COLUMN = 3
_HINT = (
    "Select a figure to set its verdict (its article keeps it); select two, from any articles,"
    " to say how they relate. Only you can say “contradicts”."
)


def _group_cells(g: ClaimGroup) -> tuple:
    return (g.event, g.counted, g.figures)


def _figure_cells(f: ClaimFigure) -> tuple:
    value = "" if f.value is None else f"{f.value:g}"
    relations = "; ".join(r.described() for r in f.relations)
    verdict = VERDICT_NAMES.get(f.verdict, f.verdict)
    who = f.source or "the author"
    return (f.published or "undated", f.outlet, f.text, verdict, relations, who, value)


def figure_of(figure: ClaimFigure) -> Figure:
    """(article id, claim key): how the library names a figure."""
    return figure.article_id, figure.key


def relation_between(first: ClaimFigure, second: ClaimFigure) -> str:
    """How a person relates two figures ('' when they said nothing)."""
    other = figure_of(second)
    return next((r.relation for r in first.relations if (r.article_id, r.key) == other), "")


def decided_text(figure: ClaimFigure) -> str:
    """A figure's verdict and relations in words, one relation a line."""
    verdict = VERDICT_NAMES.get(figure.verdict, "not judged yet")
    lines = [f"{figure.outlet or 'No outlet'}, {figure.text}: {verdict}"]
    lines += [f"• {r.described()}" for r in figure.relations]
    return "\n".join(lines)


class FiguresModel(ColumnsModel):
    """The figures of one event, their verdicts in the verdict's colour."""

    def __init__(self, parent=None) -> None:
        headers = ("Published", "Outlet", "Figure", "Verdict", "Relations", "Given by", "Value")
        super().__init__(headers, _figure_cells, parent)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == _VERDICT_COLUMN:
            colour = VERDICT_COLOURS.get(self._rows[index.row()].verdict)
            return readable_colour(colour) if colour else None
        return super().data(index, role)


class ClaimsTab(QSplitter):
    """Event groups, the figures of the one picked (with verdicts, relations), and a timeline."""

    open_requested = Signal(int, int, int)  # article id, start, end
    verdict_requested = Signal(object, str)  # Figure, its status ('' takes the verdict away)
    relation_requested = Signal(object, object, str)  # two Figures, relation ('' takes it away)
    figures_shown = Signal()  # the figures of the group picked are listed (read again)

    def __init__(self, reads: Reads, parent=None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self._read = LatestRead(reads, self)
        self._read.arrived.connect(self._figures_arrived)
        self._read.failed.connect(
            lambda message: self.status.failed(f"Could not read the figures: {message}")
        )
        self.status = StatusLine(self, "Claims: what is listed")
        self._kept: set[Figure] = set()  # the figures to select again once read again
        self.groups = ColumnsModel(("Event", "Counted", "Figures"), _group_cells, self)
        self.figures = FiguresModel(self)
        self.group_table = read_only_table(self, self.groups, "Claims")
        self.figure_table = read_only_table(self, self.figures, "Figures of the event")
        self.figure_table.setAccessibleDescription(
            "Each figure's verdict and relations; right-click to set them"
        )
        self.figure_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.figure_table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.figure_table.customContextMenuRequested.connect(self._menu_at)
        self.figure_table.doubleClicked.connect(lambda index: self._open(index.row()))
        self.group_table.selectionModel().currentRowChanged.connect(
            lambda now, _: self.pick_group(now.row())
        )
        self.verdict_button = self._button(
            "&Verdict…", "Set the verdict of the selected figure", self.verdict_menu
        )
        self.relate_button = self._button(
            "&Relate…", "Say how the two selected figures relate", self.relation_menu
        )
        self.timeline = TimelinePlot(self)
        self.decided = QLabel(self, wordWrap=True)  # the selected figure's verdict and relations
        self.decided.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        describe(self.decided, "What was decided about the selected figure")
        self.addWidget(under_status(self, self.status, self.group_table))
        self.addWidget(self._figures_box())
        self.addWidget(self.timeline)
        self.setStretchFactor(1, 2)  # the figures get the room; few events fill a short list
        self.figure_table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self._group: ClaimGroup | None = None
        self._stale = False  # a verdict or relation changed while the tab was hidden
        self._enable()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh_figures()

    def show_groups(self, groups) -> None:
        """List these event groups; no group picked yet."""
        self._read.drop()
        self._group, self._stale = None, False
        self.groups.set_rows(groups)
        self._show([])
        events = counted(len(groups), "event", "events")
        self.status.done(f"{events} and things counted. Pick one for its figures.")

    def drop_reads(self) -> None:
        """Forget the figures on their way: the groups are read again."""
        self._read.drop()

    def pick_group(self, row: int) -> None:
        """Read the figures of the group in this row, then show them and their timeline."""
        if 0 <= row < self.groups.rowCount():
            self._group, self._kept = self.groups.row(row), set()
            self._show([])
            self._ask()

    def refresh_figures(self) -> None:
        """Read the figures shown again (a verdict or relation changed), keeping the selection."""
        if self._group is None:
            return
        if not self.isVisible():  # read when next shown: a verdict in the article's panel
            self._stale = True
            return
        self._stale = False
        self._kept = {figure_of(f) for f in self.selected_figures()} or self._kept
        self._ask()

    def _ask(self) -> None:
        group = self._group
        self.status.reading(f"Reading the figures of {group.event or '—'} {group.counted}…")
        self._read.ask(reads_at.group_read, group)

    def _figures_arrived(self, found: reads_at.GroupRead) -> None:
        """The figures read: shown, those selected before selected again."""
        figures = found.group.figures
        self._show(figures, found.series)
        selection = self.figure_table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row, figure in enumerate(figures if self._kept else ()):
            if figure_of(figure) in self._kept:
                selection.select(self.figures.index(row, 0), flags)
        self._kept = set()
        group = self._group
        self.status.done(
            f"{counted(len(figures), 'figure', 'figures')} of {group.event or '—'} {group.counted}"
        )
        self.figures_shown.emit()

    def selected_figures(self) -> list[ClaimFigure]:
        """The figures selected, top to bottom."""
        rows = sorted(i.row() for i in self.figure_table.selectionModel().selectedRows())
        return [self.figures.row(row) for row in rows]

    def verdict_menu(self, parent: QWidget | None = None) -> QMenu:
        """The verdicts the one selected figure may have, its own ticked (empty otherwise)."""
        menu = QMenu(parent or self)
        chosen = self.selected_figures()
        if len(chosen) != 1:
            return menu
        figure = chosen[0]
        group = QActionGroup(menu)
        for status in STATUSES:
            action = menu.addAction(VERDICT_NAMES[status], lambda s=status: self._verdict(s))
            action.setCheckable(True)
            action.setChecked(figure.verdict == status)
            group.addAction(action)
        menu.addSeparator()
        clear = menu.addAction("&Clear Verdict", lambda: self._verdict(""))
        clear.setEnabled(bool(figure.verdict))
        return menu

    def relation_menu(self, parent: QWidget | None = None) -> QMenu:
        """How two selected figures relate (theirs ticked); one selected: take one away."""
        menu = QMenu(parent or self)
        chosen = self.selected_figures()
        if len(chosen) == 2:
            first, second = chosen
            now = relation_between(first, second)
            group = QActionGroup(menu)
            for value, text in (*RELATION_CHOICES, ("", "&No Relation")):
                action = menu.addAction(text, lambda v=value: self._relate(first, second, v))
                action.setCheckable(True)
                action.setChecked(value == now)
                action.setEnabled(bool(value or now))
                group.addAction(action)
        elif len(chosen) == 1:
            for relation in chosen[0].relations:
                other = (relation.article_id, relation.key)
                menu.addAction(
                    f"Remove: {relation.described()}",
                    lambda o=other: self.relation_requested.emit(figure_of(chosen[0]), o, ""),
                )
        return menu

    def figure_menu(self) -> QMenu:
        """The context menu of the selected figures: verdict and relations."""
        menu = QMenu(self)
        for title, make in (("&Verdict", self.verdict_menu), ("&Relation", self.relation_menu)):
            sub = make(menu)
            if not sub.isEmpty():
                sub.setTitle(title)
                menu.addMenu(sub)
        return menu

    def _show(self, figures, series=None) -> None:
        """Show these figures, and their timeline (series, when made already)."""
        self.figures.set_rows(figures)
        if series is None:
            series = EventGroup("", "", tuple(figures)).series()
        self.timeline.set_series(series)
        self._enable()

    def _verdict(self, status: str) -> None:
        chosen = self.selected_figures()
        if len(chosen) == 1:
            self.verdict_requested.emit(figure_of(chosen[0]), status)

    def _relate(self, first: ClaimFigure, second: ClaimFigure, relation: str) -> None:
        self.relation_requested.emit(figure_of(first), figure_of(second), relation)

    def _enable(self) -> None:
        chosen = self.selected_figures()
        self.decided.setText(decided_text(chosen[0]) if len(chosen) == 1 else "")
        self.decided.setVisible(len(chosen) == 1)
        self.verdict_button.setEnabled(len(chosen) == 1)
        related = len(chosen) == 1 and bool(chosen[0].relations)
        self.relate_button.setEnabled(len(chosen) == 2 or related)

    def _button(self, text: str, tip: str, make: Callable[[QWidget], QMenu]) -> QPushButton:
        """A button that opens a menu made from the selection when clicked."""
        button = QPushButton(text, self)
        button.setToolTip(tip)
        describe(button, text.replace("&", ""), tip)
        button.clicked.connect(lambda: self._pop(button, make))
        return button

    def _figures_box(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.verdict_button)
        row.addWidget(self.relate_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(QLabel(_HINT, box, wordWrap=True))
        layout.addWidget(self.figure_table)
        layout.addWidget(self.decided)
        return box

    def _pop(self, button: QPushButton, make: Callable[[QWidget], QMenu]) -> None:
        menu = make(button)
        if not menu.isEmpty():
            menu.exec(button.mapToGlobal(QPoint(0, button.height())))
        menu.deleteLater()

    def _menu_at(self, at: QPoint) -> None:
        menu = self.figure_menu()
        if not menu.isEmpty():
            menu.exec(self.figure_table.viewport().mapToGlobal(at))
        menu.deleteLater()

    def _open(self, row: int) -> None:
        figure = self.figures.row(row)
        self.open_requested.emit(figure.article_id, figure.start, figure.end)

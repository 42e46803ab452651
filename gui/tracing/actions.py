"""The tracing feature in the window: Trace on a quote's menu, and the library-wide views.

install(window) adds the Trace and Across the Library panels and the menu entry; it is
called by gui.app when it builds the window, so the main window itself does not grow.
Reads go through the session's library; nothing here writes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QMenu

from gui.core.changes import Change
from gui.core.storage.sourcing_store import SourcingStore
from gui.core.tracing import queries
from gui.core.tracing.claim_links import Figure, relation_change, verdict_change
from gui.core.tracing.commands import SetSourceGrade, SourceGrade
from gui.core.tracing.model import Trace
from gui.core.tracing.sources import LibrarySource
from gui.session.background import Worker
from gui.session.session import Session
from gui.tracing.library_views import LibraryViews
from gui.tracing.trace_panel import TracePanel
from gui.widgets.note_dialog import NoteDialog
from gui.widgets.workspace import RIGHT

_REFRESH_MS = 800  # the library views read again this long after the last change
_CHANGES = Change.ANALYSIS | Change.ARTICLES | Change.METADATA | Change.SOURCES | Change.QUOTES


class TracingActions(QObject):
    """Traces what the user picks, and keeps the library views in step with the library."""

    def __init__(self, session: Session, panel: TracePanel, views: LibraryViews, parent=None):
        super().__init__(parent)
        self.session, self.panel, self.views = session, panel, views
        self.reveal = lambda: None  # the owner shows the Trace panel here
        self.open_span = lambda start, end: None  # the owner selects a span of the article here
        self._later = QTimer(self, singleShot=True, interval=_REFRESH_MS)
        self._later.timeout.connect(self.views.refresh)
        views.reads.library_of = lambda: session.library
        self._worker = Worker(serial=True, parent=self)  # one read at a time, in the order asked
        views.reads.run_later = self._read_later
        session.library_opened.connect(self._library_opened)
        session.changed.connect(self._changed)
        panel.open_requested.connect(self.open_appearance)
        views.open_requested.connect(self.open_appearance)
        views.grade_requested.connect(lambda source, grade: self.grade(source, grade))
        views.note_requested.connect(self.edit_note)
        views.verdict_requested.connect(self.set_verdict)
        views.relation_requested.connect(self.relate)

    def add_to_menu(self, menu: QMenu, offset: int, start: int, end: int) -> None:
        """Trace, for the quote at offset or the selected text."""
        if self.session.current is not None and self.session.library is not None:
            menu.addAction("&Trace Across the Library", lambda: self.trace(offset, start, end))

    def trace(self, offset: int, start: int, end: int) -> bool:
        """Show the trace of the selection, else of the quote at offset; False when neither."""
        article, library = self.session.current, self.session.library
        if article is None or library is None:
            return False
        text = article.body[start:end] if end > start else ""
        try:
            trace = queries.trace_text(library, article.id, text, start if text else offset)
        except queries.NotFound:
            return False
        if not trace.appearances or not trace.appearances[0].appearance.text.strip():
            return False
        self.panel.show_trace(trace, queries.source_grades(library))
        self.reveal()
        return True

    def open_appearance(self, article_id: int, start: int, end: int) -> None:
        """Open the article of an appearance and select the statement in it."""
        current = self.session.current
        if current is None or current.id != article_id:
            self.session.open_article(article_id)
        if end > start:
            self.open_span(start, end)

    def grade(self, source: LibrarySource, grade: str, note: str | None = None) -> None:
        """Give a source of the library a grade (and a note), as one undoable step."""
        kept = source.note if note is None else note
        self.session.execute(SetSourceGrade(SourceGrade(source.key, source.name, grade, kept)))

    def edit_note(self, source: LibrarySource) -> None:
        """Ask for the trainer's note on a source, and keep it with its grade."""
        note = NoteDialog.ask(self.views, source.name, source.note)
        if note is not None:
            self.grade(source, source.grade, note)

    def set_verdict(self, figure: Figure, status: str) -> None:
        """Give a figure of any article a verdict ('' takes it away): its article's own."""
        library = self.session.library
        if library is None:
            return
        current = SourcingStore(library).assessment(*figure)
        command = verdict_change(figure, current, status, self.session.annotator)
        if command is not None:
            self.session.execute(command)

    def relate(self, first: Figure, second: Figure, relation: str) -> None:
        """Say how two figures relate, of one article or two ('' takes it away)."""
        if self.session.library is not None:
            self.session.execute(relation_change(first, second, relation))

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the reads running in the background are done (for shutdown and tests)."""
        return self._worker.wait(msecs)

    def _read_later(self, read, args: tuple, done, failed) -> None:
        """Run a read of the library file (reads_at.read_at) on the worker; done or failed after."""
        self._worker.start(read, *args, finished=done, failed=failed)

    def _library_opened(self) -> None:
        self._later.stop()
        self.panel.show_trace(Trace())
        self.views.refresh()

    def _changed(self, changes: Change) -> None:
        if changes & _CHANGES:
            self._later.start()
        elif changes & Change.CLAIMS:
            self.views.claims_changed()


def install(window) -> TracingActions:
    """Add the Trace and Across the Library panels and the Trace menu entry to a main window."""
    panel, views = TracePanel(window), LibraryViews(window)
    add = window.workspace.add_panel  # hidden until asked for: the article's tabs stay readable
    trace_dock = add(
        "Trace", panel, RIGHT, (), (),
        "Every appearance of a quote in the library, origin first, its changed words marked",
    )  # fmt: skip
    add(
        "Across the Library", views, RIGHT, (), (),
        "Sources, figures and outlet relays of the whole library",
    )  # fmt: skip
    actions = TracingActions(window.session, panel, views, window)
    actions.reveal = lambda: window.workspace.reveal(trace_dock)
    actions.open_span = window.pane.view.select_span
    window.annotate.menu_extensions.append(actions.add_to_menu)
    window.tracing = actions
    QCoreApplication.instance().aboutToQuit.connect(actions.wait)  # no read left running
    # The window laid itself out before these panels were there: a layout saved with them
    # (the last session's) only fits now.
    window.fit_to_screen(window.screen_size())
    return actions

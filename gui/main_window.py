"""The main window: its frame at once, then its parts, wired once.

The frame (size and place as last time, a word that the library is opening) is shown before
any feature is imported, so the window is on screen as fast as a bare Qt window; complete()
then builds the parts (gui.composition) and _wire() connects them across features. The
window itself computes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow

from gui.core.changes import Change
from gui.settings import SavedLayout, WindowSettings, screen_key, starts_compact
from gui.widgets.messages import ErrorMessage
from gui.widgets.workspace import PRESETS, READ

if TYPE_CHECKING:
    from gui.core.articles import Article
    from gui.session.session import Session

APP_NAME = "Sourcelight"
DEFAULT_SIZE = QSize(1360, 860)


class MainWindow(QMainWindow):
    """Sourcelight's window. Widgets announce intent; the session acts; this file wires."""

    def __init__(self, session: Session | None, settings: WindowSettings | None = None) -> None:
        """The window on session; None: the frame alone, until complete() is called."""
        super().__init__()
        self.session = session
        self.settings = settings or WindowSettings()
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self._frame()
        if session is not None:
            self.complete(session)

    def _frame(self) -> None:
        """A placeholder for the reader, in a window sized as it was last time."""
        opening = QLabel("Opening the library…", alignment=Qt.AlignmentFlag.AlignCenter)
        opening.setObjectName("openingPlaceholder")
        self.setCentralWidget(opening)
        saved = self.settings.layout(screen_key(self.screen_size()))
        if saved is not None:
            self.restoreGeometry(saved.geometry)
        else:
            self.resize(DEFAULT_SIZE.boundedTo(self.screen_size()))
            if DEFAULT_SIZE.boundedTo(self.screen().availableSize()) != DEFAULT_SIZE:
                self.setWindowState(Qt.WindowState.WindowMaximized)  # as _restore() will

    def complete(self, session: Session) -> None:
        """Build the window's parts on session, wire them and lay them out as last time."""
        self.begin()
        self.finish(session)

    def begin(self) -> None:
        """complete()'s first half: the reader made, not shown yet (the window has no session
        until finish(): its parts are not all there)."""
        from gui.composition import compose_reader  # the features: after the first paint

        compose_reader(self)

    def finish(self, session: Session) -> None:
        """complete()'s second half: every other part on session, wired and laid out."""
        from gui.composition import compose_rest

        self.session = session
        self.setAcceptDrops(True)
        compose_rest(self)
        self._wire()
        self._restore()
        self._update_title()

    def _wire(self) -> None:
        session, pane, status = self.session, self.pane, self.status_label
        session.library_opened.connect(self._library_opened)
        session.article_opened.connect(self._article_opened)
        session.changed.connect(self._changed)
        session.error.connect(lambda title, text: ErrorMessage.ask(self, title, text))
        session.analysis_progress.connect(self._analysis_progress)
        session.analysis_finished.connect(self._analysis_finished)
        session.pipeline_missing.connect(pane.banner.say)
        session.sourcing_service.failed.connect(status.setText)
        self.importing.status.connect(status.setText)
        self.comparison.status.connect(status.setText)
        self.reports.status.connect(status.setText)
        self.layers.changed.connect(
            lambda: pane.view.set_findings_shown(self.layers.findings_shown())
        )
        self.entities.group_shown.connect(lambda: self.workspace.reveal(self.entities_dock))
        self.trainer.exercise_opened.connect(
            lambda on: self.workspace.set_available(self.checklist_dock, on)
        )
        self.trainer.findings_allowed.connect(self._allow_findings)
        pane.view.zoom_changed.connect(self.settings.set_zoom)
        pane.legend.folded_changed.connect(self.fold_legend_action.setChecked)
        pane.header.compact_changed.connect(self.compact_header_action.setChecked)

    # -- user actions ---------------------------------------------------------------------

    def import_paths(self, paths: list[Path]) -> None:
        """Import files and folders, e.g. those named on the command line."""
        self.importing.import_paths(paths)

    def delete_articles(self, article_ids: list[int]) -> None:
        """Delete articles after the user confirms."""
        self.library_actions.delete_articles(article_ids)

    def edit_preferences(self) -> None:
        """Set the name that marks the user's annotations, and the library's spaCy pipeline."""
        from gui.annotating.preferences_dialog import PreferencesDialog
        from gui.core.entities.models import installed_pipelines

        model = self.session.pipeline_model()
        chosen = PreferencesDialog.ask(self, self.session.annotator, model, installed_pipelines())
        if chosen is None:
            return
        if chosen.annotator:
            self.settings.set_annotator(chosen.annotator)
            if self.trainer.info is None:  # in an exercise file the trainee's name stays
                self.session.annotator = chosen.annotator
        if chosen.model != model and self.session.library and not self.session.read_only:
            self.session.set_pipeline_model(chosen.model)

    # -- session events -------------------------------------------------------------------

    def _library_opened(self) -> None:
        library = self.session.library
        writable = not self.session.read_only
        annotate, interchange, importing = self.annotate, self.interchange, self.importing
        for action in (
            annotate.label_button, annotate.note_action, annotate.delete_action,
            annotate.codebook_action, self.entities.corrections_action, self.outlets_action,
            interchange.import_action, importing.import_action, importing.import_folder_action,
            importing.paste_action, self.sourcing.lexicons_action, self.trainer.new_action,
            self.trainer.import_action,  # an exercise is recorded here, returns are kept here
        ):  # fmt: skip
            action.setEnabled(writable)
        where = str(library.path) if library and library.path else "in memory"
        self.status_label.setText(f"Library: {where}")
        notice = "you can read and search, but nothing can be changed."
        text = (library.damage or f"Read-only library ({where}): {notice}") if library else ""
        self.pane.banner.say(text if library and library.read_only else "")  # damaged: says so
        self._update_title()
        self.trainer.library_opened()  # after the banner above: an exercise has its own

    def _article_opened(self, article: Article | None) -> None:
        self.pane.show_article(article)
        self._update_title()

    def _changed(self, changes: Change) -> None:
        if changes & Change.METADATA:
            self._update_title()

    def _allow_findings(self, shown) -> None:
        """Panels, lenses and menu entries only for the findings an exercise lets trainees see."""
        for dock, allowed in (
            (self.entities_dock, shown.entities), (self.sources_dock, shown.sourcing),
            (self.claims_dock, shown.sourcing), (self.checks_dock, shown.sourcing),
        ):  # fmt: skip
            self.workspace.set_available(dock, allowed)
        self.sourcing.allow_lenses(shown.entities, shown.sourcing)
        self.layers.findings_allowed = shown.entities or shown.sourcing
        from gui.library.library_model import ENTITIES as ENTITY_COUNTS

        self.library_panel.table.setColumnHidden(ENTITY_COUNTS, not shown.entities)

    def _analysis_progress(self, done: int, total: int) -> None:
        self.progress.show()
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        percent = 100 * done // max(total, 1)
        self.pane.legend.set_status(f"Finding entities… {percent} %")

    def _analysis_finished(self) -> None:
        self.progress.hide()
        self.pane.legend.set_status("")

    def _update_title(self) -> None:
        article = self.session.current
        title = article.metadata.title if article else ""
        self.setWindowTitle(f"{title} — {APP_NAME}" if title else APP_NAME)

    # -- window events --------------------------------------------------------------------

    def screen_size(self) -> QSize:
        """The size of the screen the window is on: layouts are remembered per size."""
        return self.screen().size()

    def _restore(self) -> None:
        screen = self.screen_size()
        first_time = self.settings.layout(screen_key(screen)) is None
        self.fit_to_screen(screen)
        room = self.screen().availableSize()
        if first_time and DEFAULT_SIZE.boundedTo(room) != DEFAULT_SIZE:
            self.setWindowState(Qt.WindowState.WindowMaximized)  # a laptop: all of its screen
        self.pane.view.set_zoom(self.settings.zoom())
        self.session.annotator = self.settings.annotator() or self.session.annotator

    def fit_to_screen(self, screen: QSize) -> None:
        """Lay the window out as it last was on a screen of this size, or as suits one."""
        saved = self.settings.layout(screen_key(screen))
        if saved is not None and saved.panels == self.workspace.signature():
            self.restoreGeometry(saved.geometry)
            self.workspace.preset = saved.preset if saved.preset in PRESETS else READ
            self.workspace.preset_actions[self.workspace.preset].setChecked(True)
            self.restoreState(saved.state)
            self.pane.legend.set_folded(saved.legend_folded)
            self.pane.header.set_compact(saved.header_compact)
            return
        self.resize(DEFAULT_SIZE.boundedTo(screen))
        compact = starts_compact(screen)
        self.pane.legend.set_folded(compact)
        self.pane.header.set_compact(compact)
        self.workspace.apply(saved.preset if saved and saved.preset in PRESETS else READ)
        if self.isVisible():  # docks added to a shown window are laid out later: widths after
            QTimer.singleShot(0, self.workspace.fit_widths)

    def save_layout(self) -> None:
        """Remember the layout for screens of this size."""
        self.settings.save_layout(
            screen_key(self.screen_size()),
            SavedLayout(
                geometry=self.saveGeometry(),
                state=self.saveState(),
                panels=self.workspace.signature(),
                preset=self.workspace.preset,
                legend_folded=self.pane.legend.folded,
                header_compact=self.pane.header.compact,
            ),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session is None:  # closed before its parts were built: nothing to keep
            super().closeEvent(event)
            return
        self.trainer.checklist.flush()
        if self.presenter.active:  # the layout to keep is the everyday one
            self.presenter.set_presenting(False)
        self.save_layout()
        super().closeEvent(event)

    def dragEnterEvent(self, event) -> None:
        if self.importing.accepts(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        self.importing.drop(event.mimeData())
        event.acceptProposedAction()

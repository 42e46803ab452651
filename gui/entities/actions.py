"""Entities in the window: highlights, legend and panel in step, and the user's corrections.

Corrections become library rules (undoable, for every article); the reader's context menu
offers them for the entity under the mouse or for the selected text.
"""

from __future__ import annotations

from operator import itemgetter

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMenu, QWidget

from gui.actions import make_action, menu_text
from gui.article_view.pane import ArticlePane
from gui.core.articles import Article
from gui.core.entities.commands import RemoveCorrection
from gui.core.entities.corrections import Correction
from gui.core.entities.pipeline import ENTITY_TYPE_NAMES, ENTITY_TYPES, Entity
from gui.entities.corrections_dialog import CorrectionsDialog
from gui.entities.entities_panel import EntitiesPanel
from gui.entities.group_dialog import GroupChoice
from gui.entities.outlets_dialog import OutletsDialog
from gui.session.session import Session


class EntityActions(QObject):
    """Shows the open article's entities and carries out the corrections the user asks for."""

    group_shown = Signal()  # the panel lists a group's mentions: its dock should be visible

    def __init__(
        self, session: Session, pane: ArticlePane, panel: EntitiesPanel, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.session, self.pane, self.panel, self.parent_widget = session, pane, panel, parent
        self.view = pane.view
        self.corrections_action = make_action(self, "Entity &Corrections…", self.edit_corrections)
        self.outlets_action = make_action(
            self, "News &Outlets…", self.edit_outlets, tip="The names always marked as news outlets"
        )
        session.spans_loaded.connect(self._spans_loaded)
        session.entities_changed.connect(self._entities_changed)
        session.article_opened.connect(self._article_opened)
        panel.mention_requested.connect(self.view.select_span)
        self.view.entity_clicked.connect(self._show_group)

    # -- what is shown ---------------------------------------------------------------------

    def _article_opened(self, article: Article | None) -> None:
        self.panel.set_entities(article.body if article else "", [])

    def _spans_loaded(self, article_id: int, spans: list) -> None:
        if self._is_open(article_id):
            self.view.set_spans(spans)
            self.pane.legend.set_labels(map(itemgetter(2), spans))

    def _entities_changed(self, article_id: int, entities: list) -> None:
        if not self._is_open(article_id):
            return
        self.view.set_entities(entities)
        self.pane.legend.set_labels(e.label for e in entities)
        # The text and its highlights paint first; the panel's lists follow a moment later.
        QTimer.singleShot(0, lambda: self._fill_panel(article_id, entities))

    def _fill_panel(self, article_id: int, entities: list) -> None:
        if self._is_open(article_id):
            self.panel.set_entities(self.session.current.body, entities)

    def _show_group(self, entity: Entity) -> None:
        self.panel.show_group(entity.group or entity.text)
        self.group_shown.emit()

    def _is_open(self, article_id: int) -> bool:
        current = self.session.current
        return current is not None and current.id == article_id

    # -- corrections -------------------------------------------------------------------------

    def correct(self, kind: str, text: str, label: str = "", group: str = "") -> None:
        """Save an entity correction rule for every article."""
        self.session.correct(Correction(0, kind, text, label=label, group=group))

    def merge(self, entity: Entity) -> None:
        """Ask which group the entity's text belongs to, and say so for every article."""
        groups = sorted({e.group or e.text for e in self.view.entities()} - {entity.group})
        group = GroupChoice.ask(self.parent_widget, entity.text, groups)
        if group:
            self.correct("merge", entity.text, group=group)

    def edit_corrections(self) -> None:
        """List the entity correction rules, and remove some."""
        CorrectionsDialog.ask(
            self.parent_widget,
            self.session.corrections,
            lambda rule_id: self.session.execute(RemoveCorrection(rule_id)),
        )

    def edit_outlets(self) -> None:
        """Edit the library's list of news outlets."""
        if self.session.library is None or self.session.read_only:
            return
        names = OutletsDialog.ask(self.parent_widget, self.session.outlets())
        if names is not None and names != self.session.outlets():
            self.session.set_outlets(names)

    def add_to_menu(self, menu: QMenu, offset: int, start: int, end: int) -> None:
        """Entity corrections for the entity at offset, or for the selected text."""
        entity = next((e for e in self.view.entities() if e.start <= offset < e.end), None)
        if entity is not None:
            self._entity_menu(menu.addMenu(f"Entity “{menu_text(entity.text)}”"), entity)
        if end > start:
            text = " ".join(self.view.body()[start:end].split())
            mark = menu.addMenu("Mark Selection as &Entity")
            for key in ENTITY_TYPES:
                mark.addAction(
                    menu_text(ENTITY_TYPE_NAMES[key]),
                    lambda k=key, t=text: self.correct("add", t, label=k),
                )

    def _entity_menu(self, sub: QMenu, entity: Entity) -> None:
        """Change the type of an entity, remove it, merge it into a group or split it off."""
        types = sub.addMenu("Change &Type To")
        for key in ENTITY_TYPES:
            if key != entity.label:
                types.addAction(
                    menu_text(ENTITY_TYPE_NAMES[key]),
                    lambda k=key, e=entity: self.correct("type", e.text, label=k),
                )
        sub.addAction("&Not an Entity", lambda e=entity: self.correct("remove", e.text))
        sub.addAction("&Merge Into Group…", lambda e=entity: self.merge(e))
        split = sub.addAction(
            "&Split From Its Group", lambda e=entity: self.correct("split", e.text)
        )
        split.setEnabled(bool(entity.group) and entity.group != entity.text)

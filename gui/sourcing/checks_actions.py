"""The checks in the window: the Checks panel, the marks in the reader, and the user's verdicts.

Checks are computed from the open article's corrected findings and the entities shown (the
same function the command line and the reports use); a verdict becomes a command that the
session keeps and can undo.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject

from gui.article_view.lenses import check_spans
from gui.article_view.pane import ArticlePane
from gui.core.sourcing.check_commands import ClearCheckDecision, SetCheckDecision
from gui.core.sourcing.checks import Check, find_checks
from gui.core.sourcing.model import Findings
from gui.session.session import Session
from gui.sourcing.checks_panel import ChecksPanel


class ChecksActions(QObject):
    """Shows the open article's checks and carries out the verdicts the panel asks for."""

    def __init__(self, session: Session, pane: ArticlePane, panel: ChecksPanel, parent) -> None:
        super().__init__(parent)
        self.session, self.pane, self.panel = session, pane, panel
        self.checks: list[Check] = []
        panel.check_picked.connect(pane.view.select_span)
        panel.decision_requested.connect(self.decide)
        session.library_opened.connect(lambda: panel.set_read_only(session.read_only))

    def show(self, findings: Findings | None, entities: Sequence) -> None:
        """Compute the checks of an article's findings and show them."""
        self.checks = find_checks(findings, entities)
        self.refresh()

    def refresh(self) -> None:
        """Show the checks again with the verdicts the library keeps."""
        decisions = self.session.check_decisions()
        self.panel.set_checks(self.checks, decisions)
        self.pane.view.set_checks(*check_spans(self.checks, decisions))

    def counts(self) -> dict[str, int]:
        """Open and confirmed checks, for the legend."""
        decisions = self.session.check_decisions()
        status = [decisions[c.key].status if c.key in decisions else "" for c in self.checks]
        return {"check": status.count(""), "check_confirmed": status.count("confirmed")}

    def confirmed(self) -> list[Check]:
        """The confirmed checks, in text order (for presentation mode)."""
        decisions = self.session.check_decisions()
        return [
            c for c in self.checks if c.key in decisions and decisions[c.key].status == "confirmed"
        ]

    def decide(self, key: str, kind: str, status: str) -> None:
        """Keep the user's verdict on a check ('' reopens it)."""
        article = self.session.current
        if article is None or self.session.read_only:
            return
        decided = self.session.check_decisions().get(key)
        if not status:
            if decided is not None:
                self.session.execute(ClearCheckDecision(article.id, key))
            return
        if decided is None or decided.status != status:
            annotator = self.session.annotator
            self.session.execute(SetCheckDecision(article.id, key, kind, status, "", annotator))

"""The source-criticism lens in the window: lens switch, Sources and Claims panels, corrections.

Findings arrive from the session; panels and the reader announce what the user decides; the
decisions become commands, stored and undoable like every other change.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from gui.article_view.lenses import LENSES
from gui.article_view.pane import ArticlePane
from gui.core import findings as article_findings
from gui.core.changes import Change
from gui.core.sourcing.commands import (
    AddSourcingCorrection,
    ClaimAssessment,
    ClearClaimRelation,
    SetClaimAssessment,
    SetClaimRelation,
    SourcingCorrection,
    split_claim_key,
)
from gui.core.sourcing.model import Attribution, Findings, SpanText
from gui.core.sourcing.summary import Summary, profile_line, summarise
from gui.core.storage import LibraryError
from gui.core.storage.claim_links_store import ClaimLinkStore
from gui.session.session import Session
from gui.sourcing.checks_actions import ChecksActions
from gui.sourcing.checks_panel import ChecksPanel
from gui.sourcing.claims_panel import ClaimsPanel
from gui.sourcing.lexicons_dialog import LexiconsDialog
from gui.sourcing.sources_panel import SourcesPanel
from gui.widgets.note_dialog import NoteDialog


class SpeakerChoice:
    """Ask who really says a quote."""

    @classmethod
    def ask(cls, parent: QWidget | None, quote: str, current: str) -> str | None:
        """The speaker's name, or None when cancelled."""
        name, accepted = QInputDialog.getText(
            parent, "Speaker", f"Who says “{quote[:80]}”?", text=current
        )
        name = " ".join(name.split())
        return name if accepted and name else None


class SourcingActions(QObject):
    """Owns the lens actions and carries out what the sourcing panels ask."""

    def __init__(
        self, session: Session, pane: ArticlePane, sources: SourcesPanel, claims: ClaimsPanel,
        checks: ChecksPanel, parent: QWidget,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.session, self.pane, self.sources, self.claims = session, pane, sources, claims
        self.checks = ChecksActions(session, pane, checks, self)
        self.summary = Summary()
        self.parent_widget = parent
        self.findings: Findings | None = None  # of the open article, as the user corrected them
        self.lens_group = QActionGroup(self)
        self.lens_actions: dict[str, QAction] = {}
        for number, lens in enumerate(LENSES, start=1):
            action = QAction(f"{lens} Lens", self, checkable=True)
            action.setShortcut(QKeySequence(f"Alt+{number}"))
            action.setStatusTip(f"Show {lens.lower()} in the text")
            action.triggered.connect(lambda _=False, chosen=lens: self.set_lens(chosen))
            self.lens_group.addAction(action)
            self.lens_actions[lens] = action
        self.lens_actions["Entities"].setChecked(True)
        self.lexicons_action = QAction("&Lexicons…", self)
        self.lexicons_action.setStatusTip("This library's speech verbs, hedges and other cues")
        self.lexicons_action.triggered.connect(self.edit_lexicons)
        session.findings_changed.connect(self._findings_changed)
        session.changed.connect(self._changed)
        session.article_opened.connect(lambda _article: self._clear())
        sources.statements_requested.connect(pane.view.set_focus_spans)
        claims.claim_picked.connect(lambda start, end: pane.view.select_span(start, end))
        claims.assessment_requested.connect(self.assess)
        claims.note_requested.connect(self.note)
        claims.relation_requested.connect(self.relate)

    def edit_lexicons(self) -> None:
        """Add, replace or remove lexicon entries for this library."""
        if self.session.library is None or self.session.read_only:
            return
        current = self.session.lexicon_overrides()
        overrides = LexiconsDialog.ask(self.parent_widget, current)
        if overrides is not None and overrides != current:
            self.session.set_lexicon_overrides(overrides)

    def allow_lenses(self, entities: bool, sourcing: bool) -> None:
        """Offer only the lenses whose findings may be shown (an exercise may hide them)."""
        for lens, action in self.lens_actions.items():
            allowed = sourcing or (entities and lens == "Entities")
            action.setEnabled(allowed)
            action.setVisible(allowed)
        if not self.lens_actions[self.pane.view.lens].isEnabled():
            self.set_lens("Entities")

    def set_lens(self, lens: str) -> None:
        """Show one lens (Entities, Sourcing, Hedges) or all of them."""
        self.lens_actions[lens].setChecked(True)
        self.pane.view.set_lens(lens)
        self.pane.legend.set_lens(lens)

    # -- findings --------------------------------------------------------------------------

    def _clear(self) -> None:
        self.findings, self.summary = None, Summary()
        self.pane.header.set_profile("")
        self.sources.set_sources([], "")
        self.claims.set_claims([], {}, [])
        self.checks.show(None, ())

    def _findings_changed(self, article_id: int, findings: Findings) -> None:
        current = self.session.current
        if current is None or current.id != article_id:
            return
        self.findings = findings
        entities = self.pane.view.entities()
        # One summary for the header, the legend and the panel (the reports use the same).
        self.summary = self._summary_of(findings, entities)
        self.pane.view.set_findings(findings)
        self.checks.show(findings, entities)
        self._count_in_legend()
        text = profile_line(self.summary.profile)
        self.pane.header.set_profile(text)
        self.sources.set_sources(self.summary.sources, text)
        self._claims_changed()

    def _summary_of(self, findings: Findings, entities) -> Summary:
        """The findings service's summary; as found when the library cannot say its outlets."""
        library = self.session.library
        if library is not None:
            try:
                return article_findings.summary_of(library, findings, entities)
            except LibraryError:
                pass
        return summarise(findings, entities)

    def _count_in_legend(self) -> None:
        """The legend's chips: the summary's counts and the checks open and confirmed."""
        self.pane.legend.set_finding_counts({**self.summary.counts, **self.checks.counts()})

    def _changed(self, changes: Change) -> None:
        if changes & Change.CLAIMS:
            self._claims_changed()
        if changes & Change.CHECKS and self.session.current is not None:
            self.checks.refresh()
            self._count_in_legend()

    def _claims_changed(self) -> None:
        if self.session.current is None:
            return
        assessments, relations = self.session.claim_decisions()
        numbers = self.findings.numbers if self.findings else ()
        # What a person said about its figures and other articles' (the Across the Library view).
        across = ClaimLinkStore(self.session.library).article_relations(self.session.current.id)
        self.claims.set_claims(numbers, assessments, relations, across)

    # -- decisions -------------------------------------------------------------------------

    def assess(self, key: str, changes: dict) -> None:
        """Set a claim's verdict, grades or note (the other fields stay)."""
        article = self.session.current
        current = self.session.claim_decisions()[0].get(key)
        base = current or ClaimAssessment(article_id=article.id, claim_key=key)
        changed = replace(base, annotator=self.session.annotator, **changes)
        self.session.execute(SetClaimAssessment(**_fields(changed)))

    def note(self, key: str, note: str) -> None:
        """Write the note of a claim."""
        claim = split_claim_key(key)
        text = NoteDialog.ask(self.parent_widget, claim[0] if claim else key, note)
        if text is not None and text != note:
            self.assess(key, {"note": text})

    def relate(self, key_a: str, key_b: str, relation: str) -> None:
        """Say how two claims relate, or that they do not."""
        article_id = self.session.current.id
        first, second = sorted((key_a, key_b))
        if relation:
            self.session.execute(SetClaimRelation(article_id, first, second, relation, ""))
        else:
            self.session.execute(ClearClaimRelation(article_id, first, second))

    # -- corrections from the reader's context menu ------------------------------------------

    def add_to_menu(self, menu: QMenu, offset: int, start: int, end: int) -> None:
        """Quote corrections for the quote at offset, or a new quote from the selection."""
        attributions = self.findings.attributions if self.findings else ()
        attribution = next(
            (a for a in attributions if a.content.start <= offset < a.content.end), None
        )
        if attribution is not None:
            sub = menu.addMenu("&Quote")
            sub.addAction("Change &Speaker…", lambda a=attribution: self.change_speaker(a))
            sub.addAction(
                "&Not a Quote", lambda a=attribution: self._correct("remove_quote", a.content, "")
            )
        if end > start:
            menu.addAction("Mark Selection as &Quote…", lambda: self.add_quote(start, end))

    def change_speaker(self, attribution: Attribution) -> None:
        """Say who really speaks a quote."""
        content, speaker = attribution.content, attribution.source.name
        name = SpeakerChoice.ask(self.parent_widget, content.text, speaker)
        if name:
            self._correct("speaker", content, name)

    def add_quote(self, start: int, end: int) -> None:
        """Mark the selection as a quote, with the speaker the user names."""
        text = self.session.current.body[start:end]
        name = SpeakerChoice.ask(self.parent_widget, text, "")
        if name:
            self._correct("add_quote", SpanText(start, end, text), name)

    def _correct(self, kind: str, content: SpanText, value: str) -> None:
        article_id = self.session.current.id
        where = (content.start, content.end, content.text)
        correction = SourcingCorrection(0, article_id, kind, *where, value, "")
        self.session.execute(AddSourcingCorrection(correction))


def _fields(assessment) -> dict:
    """The assessment's fields as keyword arguments for SetClaimAssessment."""
    return {
        "article_id": assessment.article_id,
        "claim_key": assessment.claim_key,
        "status": assessment.status,
        "source_grade": assessment.source_grade,
        "info_grade": assessment.info_grade,
        "note": assessment.note,
        "annotator": assessment.annotator,
    }

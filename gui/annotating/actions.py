"""Annotating, wired once: label keys, notes, deletion, the context menu, the codebook.

The reader and the panels announce what the user asks for; this module turns each request
into a core command for the session, and asks the user what only they can answer.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QMenu, QToolBar, QWidget

from gui.actions import make_action, menu_text
from gui.annotating.codebook_dialog import CodebookDialog, colour_icon
from gui.article_view.reader import ArticleView
from gui.core.anchoring import anchor_for
from gui.core.annotations.commands import (
    DeleteAnnotation,
    DeleteLabel,
    MoveAnnotation,
    SaveLabel,
    SetNote,
)
from gui.core.annotations.model import Label
from gui.core.changes import Change
from gui.session.session import Session
from gui.widgets.accessible import describe
from gui.widgets.note_dialog import NoteDialog


class AnnotationActions(QObject):
    """Owns the annotating actions of the window and carries out what they ask."""

    def __init__(self, session: Session, view: ArticleView, parent: QWidget) -> None:
        super().__init__(parent)
        self.session, self.view, self.parent_widget = session, view, parent
        self._labels: list[Label] = []
        self.menu_extensions: list = []  # f(menu, offset, start, end) add more to the menu
        stack = session.undo_stack
        self.undo_action = make_action(self, "&Undo", stack.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = make_action(self, "&Redo", stack.redo, QKeySequence.StandardKey.Redo)
        # Qt's own undo actions would show an "&" in a title as a shortcut marker.
        for action, can in ((self.undo_action, stack.canUndoChanged),
                            (self.redo_action, stack.canRedoChanged)):  # fmt: skip
            action.setEnabled(False)
            can.connect(action.setEnabled)
        stack.undoTextChanged.connect(self._undo_text_changed)
        stack.redoTextChanged.connect(self._redo_text_changed)
        self.note_action = make_action(self, "Add or Edit &Note…", self.edit_note, "Ctrl+Shift+N")
        self.delete_action = make_action(self, "&Delete Annotation", self.delete_annotation)
        self.codebook_action = make_action(self, "&Codebook…", self.edit_codebook)
        self.label_picker = QComboBox()
        self.label_picker.setToolTip("Label for the selection (keys 1-9 pick labels too)")
        describe(self.label_picker, "Label", self.label_picker.toolTip())
        self.label_button = make_action(self, "&Label Selection", self.label_with_picker, "Ctrl+L")
        view.label_requested.connect(self.label_with_hotkey)
        view.note_requested.connect(self.edit_note)
        view.delete_requested.connect(self.delete_annotation)
        view.context_menu_requested.connect(self.show_context_menu)
        session.changed.connect(self._changed)

    def _undo_text_changed(self, text: str) -> None:
        _say_step(self.undo_action, "Undo", text)

    def _redo_text_changed(self, text: str) -> None:
        _say_step(self.redo_action, "Redo", text)

    def toolbar(self, parent: QWidget) -> QToolBar:
        """The annotating toolbar: undo, redo, the label picker and its button."""
        bar = QToolBar("Annotate", parent)
        bar.setObjectName("annotateToolbar")
        bar.addAction(self.undo_action)
        bar.addAction(self.redo_action)
        bar.addSeparator()
        bar.addWidget(self.label_picker)
        bar.addAction(self.label_button)
        bar.addAction(self.note_action)
        return bar

    def labels(self) -> list[Label]:
        """The codebook as last loaded."""
        return list(self._labels)

    # -- labelling -------------------------------------------------------------------------

    def label_with_hotkey(self, hotkey: str) -> None:
        """Label the selection with the label whose hotkey was pressed."""
        label = next((label for label in self._labels if label.hotkey == hotkey), None)
        if label is not None:
            self.label_selection(label)

    def label_with_picker(self) -> None:
        """Label the selection with the label chosen in the toolbar."""
        index = self.label_picker.currentIndex()
        if 0 <= index < len(self._labels):
            self.label_selection(self._labels[index])

    def label_selection(self, label: Label) -> None:
        """Annotate the selected words with a label (not the spaces selected around them)."""
        start, end = self.view.selected_words()
        if end > start:
            self.session.annotate(label, start, end)

    def edit_note(self, annotation=None) -> None:
        """Add or edit the note of an annotation (the one under the cursor by default)."""
        annotation = annotation or self.view.annotation_under_cursor()
        if annotation is None:
            return
        note = NoteDialog.ask(self.parent_widget, annotation.text, annotation.note)
        if note is not None and note != annotation.note:
            self.session.execute(SetNote(annotation.id, note))

    def delete_annotation(self, annotation=None) -> None:
        """Delete an annotation (the one under the cursor by default); undo brings it back."""
        annotation = annotation or self.view.annotation_under_cursor()
        if annotation is not None:
            self.session.execute(DeleteAnnotation(annotation.id))

    def reattach(self, annotation) -> None:
        """Attach an (orphaned) annotation to the text selected in the reader."""
        start, end = self.view.selected_words()
        if annotation is not None and end > start and self.session.current is not None:
            anchor = anchor_for(self.session.current.body, start, end)
            self.session.execute(MoveAnnotation(annotation.id, anchor, False))

    # -- codebook and corrections ----------------------------------------------------------

    def edit_codebook(self) -> None:
        """Edit labels, their colours, hotkeys and descriptions."""
        CodebookDialog.ask(
            self.parent_widget,
            self.session.labels,
            lambda label: self.session.execute(SaveLabel(label)),
            lambda label_id: self.session.execute(DeleteLabel(label_id)),
        )

    # -- context menu ------------------------------------------------------------------------

    def show_context_menu(self, position: QPoint, offset: int) -> None:
        """Offer what can be done at this place in the text."""
        self.context_menu(offset).exec(position)

    def context_menu(self, offset: int) -> QMenu:
        """The menu for a place in the text: labels, the annotation, the entity there."""
        menu = QMenu(self.parent_widget)
        start, end = self.view.selected_words()
        label_menu = menu.addMenu("&Label Selection As")
        label_menu.setEnabled(end > start)
        for label in self._labels:
            action = label_menu.addAction(
                colour_icon(label.colour), _with_key(label, menu_text(label.name))
            )
            action.triggered.connect(lambda _=False, chosen=label: self.label_selection(chosen))
        for annotation in self.view.annotations_at(offset):
            name = menu_text(self.label_name(annotation.label_id))
            menu.addAction(f"Edit Note of “{name}”…", lambda a=annotation: self.edit_note(a))
            menu.addAction(
                f"Delete “{name}” Annotation", lambda a=annotation: self.delete_annotation(a)
            )
        for extend in self.menu_extensions:
            extend(menu, offset, start, end)
        menu.addSeparator()
        menu.addAction("&Copy", self.view.copy).setEnabled(self.view.textCursor().hasSelection())
        return menu

    # -- codebook changes ------------------------------------------------------------------

    def _changed(self, changes: Change) -> None:
        if changes & Change.LABELS:
            self._labels_changed()

    def _labels_changed(self) -> None:
        self._labels = self.session.labels()
        chosen = self.label_picker.currentText()
        self.label_picker.clear()
        for label in self._labels:
            self.label_picker.addItem(colour_icon(label.colour), _with_key(label))
        index = self.label_picker.findText(chosen)
        self.label_picker.setCurrentIndex(max(index, 0))

    def label_name(self, label_id: int) -> str:
        """The name of a label in the codebook."""
        return next((label.name for label in self._labels if label.id == label_id), "label")


def _say_step(action, verb: str, step: str) -> None:
    """Name the step an undo or redo action would take back (the toolbar keeps it short)."""
    action.setText(f"&{verb} {menu_text(step)}".strip())
    action.setIconText(verb)
    action.setToolTip(f"{verb} {step}".strip())


def _with_key(label: Label, name: str | None = None) -> str:
    """A label's name (or the name given) with its hotkey, for menus and the picker."""
    name = label.name if name is None else name
    return f"{name}\t{label.hotkey}" if label.hotkey else name

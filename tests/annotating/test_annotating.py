"""Annotating through the window: keys, notes, undo and redo, corrections, the panel."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from gui.core.storage.annotations_store import AnnotationStore
from gui.library.files import ReplacementFile
from gui.widgets.messages import ConfirmDelete, ErrorMessage, InfoMessage
from gui.widgets.note_dialog import NoteDialog
from tests.fakes import install_fake_pipeline
from tests.window_helpers import article_window

ARTICLE = (
    "Talks in Baghdad\n\n"
    "Ashton Carter met officials in Baghdad, Reuters reported on Monday.\n\n"
    "Carter said the offensive would take months.\n"
)


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(ErrorMessage, "ask", classmethod(lambda cls, parent, *a: shown.append(a)))
    monkeypatch.setattr(InfoMessage, "ask", classmethod(lambda cls, parent, *a: shown.append(a)))
    return shown


@pytest.fixture
def window(qtbot, qapp, monkeypatch, errors, tmp_path):
    install_fake_pipeline(monkeypatch)
    with article_window(qtbot, qapp, tmp_path, ARTICLE) as window:
        yield window


def stored(window):
    return AnnotationStore(window.session.library).for_article(window.session.current.id)


def select(window, text, occurrence=0):
    body = window.session.current.body
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(text, start + 1)
    window.pane.view.select_span(start, start + len(text))
    return start, start + len(text)


def test_a_digit_labels_the_selection_and_undo_redo_follow_the_database(window, qtbot):
    view = window.pane.view
    view.setFocus()
    start, end = select(window, "the offensive would take months")
    qtbot.keyClick(view, Qt.Key.Key_1)
    [annotation] = stored(window)
    assert (annotation.start, annotation.end) == (start, end)
    assert annotation.text == "the offensive would take months"
    claim = window.annotate.labels()[0]
    assert annotation.label_id == claim.id and claim.hotkey == "1"
    assert window.annotations_panel.model.rowCount() == 1
    assert len(view.annotation_layer.index) == 1
    assert window.annotate.undo_action.text().replace("&", "") == f"Undo Label '{claim.name}'"
    window.annotate.undo_action.trigger()
    assert stored(window) == []
    assert window.annotations_panel.model.rowCount() == 0
    window.annotate.redo_action.trigger()
    assert stored(window) == [annotation]  # the same id and everything else


def test_keyboard_only_selection_then_label(window, qtbot):
    view = window.pane.view
    view.setFocus()
    start, _ = select(window, "Carter said")
    view.select_span(start, start)
    qtbot.keyClick(
        view,
        Qt.Key.Key_Right,
        Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier,
    )
    for _ in range(5):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_2)
    [annotation] = stored(window)
    assert annotation.text.startswith("Carter") and len(annotation.text) > len("Carter")


def test_n_edits_the_note_and_delete_removes_with_undo(window, qtbot, monkeypatch):
    view = window.pane.view
    view.setFocus()
    select(window, "Reuters reported")
    qtbot.keyClick(view, Qt.Key.Key_4)
    [annotation] = stored(window)
    monkeypatch.setattr(
        NoteDialog, "ask", classmethod(lambda cls, parent, quote, note: "Which Reuters story?")
    )
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert stored(window)[0].note == "Which Reuters story?"
    assert window.annotate.undo_action.text().replace("&", "") == "Undo Note"
    assert "Which Reuters story?" in window.annotations_panel.model.index(0, 2).data()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert stored(window) == []
    window.annotate.undo_action.trigger()
    assert stored(window)[0].note == "Which Reuters story?"
    assert stored(window)[0].id == annotation.id


def test_overlapping_annotations_take_separate_lanes(window, qtbot):
    view = window.pane.view
    view.setFocus()
    select(window, "Ashton Carter met officials")
    qtbot.keyClick(view, Qt.Key.Key_1)
    select(window, "met officials in Baghdad")
    qtbot.keyClick(view, Qt.Key.Key_2)
    layer = view.annotation_layer
    assert sorted(layer.lanes) == [0, 1]
    offset = window.session.current.body.index("officials")
    assert len(view.annotations_at(offset)) == 2


def test_panel_filters_by_label_and_text_and_jumps(window, qtbot):
    view = window.pane.view
    view.setFocus()
    select(window, "Ashton Carter met officials")
    qtbot.keyClick(view, Qt.Key.Key_1)
    select(window, "take months")
    qtbot.keyClick(view, Qt.Key.Key_3)
    panel = window.annotations_panel
    assert panel.proxy.rowCount() == 2
    panel.labels.setCurrentIndex(panel.labels.findText(window.annotate.labels()[2].name))
    assert panel.proxy.rowCount() == 1
    panel.labels.setCurrentIndex(0)
    qtbot.keyClicks(panel.search, "officials")
    assert panel.proxy.rowCount() == 1
    view.select_span(0, 0)
    panel.table.clicked.emit(panel.proxy.index(0, 1))
    start, end = view.selected_span()
    assert window.session.current.body[start:end] == "Ashton Carter met officials"


def test_library_wide_view_searches_notes_and_excerpts(window, qtbot, monkeypatch):
    view = window.pane.view
    view.setFocus()
    select(window, "take months")
    qtbot.keyClick(view, Qt.Key.Key_1)
    monkeypatch.setattr(
        NoteDialog, "ask", classmethod(lambda cls, parent, quote, note: "timeline unverified")
    )
    qtbot.keyClick(view, Qt.Key.Key_N)
    panel = window.annotations_panel
    panel.whole_library.setChecked(True)
    qtbot.keyClicks(panel.search, "unverif")
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, 5).data() == "Talks in Baghdad"
    panel.search.clear()
    qtbot.keyClicks(panel.search, "nothing-like-this")
    assert panel.model.rowCount() == 0


def test_an_entity_correction_applies_to_every_article(window, qtbot):
    reuters = window.session.current.body.index("Reuters")
    menu = window.annotate.context_menu(reuters)
    entity_menu = next(a.menu() for a in menu.actions() if a.text().startswith("Entity “Reuters”"))
    types = next(a.menu() for a in entity_menu.actions() if a.text() == "Change &Type To")
    next(a for a in types.actions() if a.text() == "Organisations").trigger()
    qtbot.waitUntil(
        lambda: any(e.text == "Reuters" and e.label == "ORG" for e in window.pane.view.entities())
    )
    assert window.annotate.undo_action.text().replace("&", "") == "Undo Change type of 'Reuters'"
    QGuiApplication.clipboard().setText("Second story\n\nReuters said the talks failed.\n")
    window.paste_action.trigger()
    qtbot.waitUntil(
        lambda: any(e.text == "Reuters" for e in window.pane.view.entities()), timeout=10_000
    )
    assert {e.label for e in window.pane.view.entities() if e.text == "Reuters"} == {"ORG"}
    pasted = window.session.current.id
    # Importing is a step of its own: undo takes the pasted article away first.
    assert window.annotate.undo_action.text().replace("&", "") == "Undo Import 'Second story'"
    window.annotate.undo_action.trigger()
    assert window.session.current is None and window.session.articles.count() == 1
    window.session.open_article(next(s.id for s in window.session.summaries() if s.id != pasted))
    window.annotate.undo_action.trigger()
    qtbot.waitUntil(
        lambda: {e.label for e in window.pane.view.entities() if e.text == "Reuters"} == {"OUTLET"}
    )


def test_deleting_an_article_is_undone_with_its_annotations(window, qtbot, monkeypatch):
    view = window.pane.view
    view.setFocus()
    select(window, "take months")
    qtbot.keyClick(view, Qt.Key.Key_1)
    article_id = window.session.current.id
    monkeypatch.setattr(ConfirmDelete, "ask", classmethod(lambda cls, parent, titles: True))
    window.delete_articles([article_id])
    assert window.session.articles.count() == 0 and window.session.current is None
    window.annotate.undo_action.trigger()
    assert window.session.articles.count() == 1
    window.session.open_article(article_id)
    assert [a.text for a in stored(window)] == ["take months"]


def test_replacing_the_text_moves_annotations_and_keeps_orphans(
    window, qtbot, tmp_path, monkeypatch, errors
):
    view = window.pane.view
    view.setFocus()
    select(window, "take months")
    qtbot.keyClick(view, Qt.Key.Key_1)
    select(window, "Reuters reported on Monday")
    qtbot.keyClick(view, Qt.Key.Key_2)
    updated = tmp_path / "updated.txt"
    updated.write_text(
        "Talks in Baghdad (updated)\n\nA new first paragraph.\n\n"
        "Carter said the offensive would take months, officials added.\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(ReplacementFile, "ask", classmethod(lambda cls, parent: updated))
    window.library_actions.replace_action.trigger()
    annotations = {a.text: a for a in stored(window)}
    moved = annotations["take months"]
    assert not moved.orphaned
    assert window.session.current.body[moved.start : moved.end] == "take months"
    assert annotations["Reuters reported on Monday"].orphaned
    assert "1 annotations found their text again; 1 are orphaned" in errors[-1][1]
    panel = window.annotations_panel
    orphan_row = next(
        r for r in range(panel.model.rowCount()) if panel.model.annotation(r).orphaned
    )
    assert panel.model.index(orphan_row, 1).data().startswith("(orphaned)")
    select(window, "officials added")
    window.annotate.reattach(panel.model.annotation(orphan_row))
    again = {a.text: a for a in stored(window)}
    assert not again["officials added"].orphaned


def test_codebook_changes_reach_the_picker_and_are_undoable(window, qtbot):
    from dataclasses import replace

    from gui.core.annotations.commands import SaveLabel

    claim = window.annotate.labels()[0]
    window.session.execute(SaveLabel(replace(claim, name="Checkable claim")))
    assert window.annotate.label_picker.itemText(0).startswith("Checkable claim")
    window.annotate.undo_action.trigger()
    assert window.annotate.label_picker.itemText(0).startswith(claim.name)


def test_annotations_model_passes_qt_model_tester_through_changes(qtmodeltester):
    from gui.annotating.annotations_model import AnnotationsModel
    from gui.core.anchoring import Anchor
    from gui.core.annotations.model import Annotation, Label

    labels = [Label(1, "Claim", "#332288", "1", "", 0), Label(2, "Hedge", "#8C6D1F", "3", "", 1)]

    def note(i, text=""):
        anchor = Anchor(i, i + 4, "abcd", "", "")
        return Annotation(i, 7, 1 + i % 2, anchor, text, "me", "2026-01-01T00:00:00Z", "", i == 3)

    model = AnnotationsModel()
    model.set_annotations([note(1), note(2), note(3)], labels)
    qtmodeltester.check(model)
    model.set_annotations([note(2, "changed"), note(3), note(4)], labels)
    assert sorted(model.annotation(r).id for r in range(3)) == [2, 3, 4]
    assert model.annotation(model.row_of(2)).note == "changed"
    assert model.index(model.row_of(3), 1).data().startswith("(orphaned)")
    qtmodeltester.check(model)


def test_codebook_dialog_edits_adds_and_refuses_to_delete_a_used_label(window, qtbot, errors):
    from gui.annotating.codebook_dialog import CodebookDialog
    from gui.core.annotations.commands import DeleteLabel, SaveLabel

    session = window.session
    view = window.pane.view
    view.setFocus()
    select(window, "take months")
    qtbot.keyClick(view, Qt.Key.Key_1)
    dialog = CodebookDialog(
        session.labels,
        lambda label: session.execute(SaveLabel(label)),
        lambda label_id: session.execute(DeleteLabel(label_id)),
    )
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(0)
    dialog.name.setText("Checkable claim")
    dialog.hotkey.setCurrentIndex(9)
    dialog.save_current()
    assert (session.labels()[0].name, session.labels()[0].hotkey) == ("Checkable claim", "9")
    count = len(session.labels())
    dialog.add_label()
    assert len(session.labels()) == count + 1
    assert dialog.current_label().name.startswith("New label")
    dialog.list.setCurrentRow(0)
    dialog.delete_current()  # used by an annotation: refused, with a message
    assert len(session.labels()) == count + 1
    assert errors and "Could not save the change" in errors[-1][0]


def test_corrections_dialog_lists_and_removes_rules(window, qtbot):
    from gui.core.entities.commands import RemoveCorrection
    from gui.core.entities.corrections import Correction
    from gui.entities.corrections_dialog import CorrectionsDialog

    session = window.session
    session.correct(Correction(0, "type", "Baghdad", label="ORG"))
    qtbot.waitUntil(
        lambda: {e.label for e in window.pane.view.entities() if e.text == "Baghdad"} == {"ORG"}
    )
    dialog = CorrectionsDialog(session.corrections, lambda i: session.execute(RemoveCorrection(i)))
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and "Baghdad" in dialog.list.item(0).text()
    dialog.remove_current()
    assert dialog.list.count() == 0 and session.corrections() == []
    qtbot.waitUntil(
        lambda: {e.label for e in window.pane.view.entities() if e.text == "Baghdad"} == {"PLACE"}
    )


def test_legend_hides_a_label_and_the_tooltip_shows_the_note(window, qtbot):
    from gui.article_view.reader import annotation_tooltip, label_key

    view = window.pane.view
    view.setFocus()
    select(window, "take months")
    qtbot.keyClick(view, Qt.Key.Key_1)
    claim = window.annotate.labels()[0]
    chip = window.pane.legend.label_buttons[label_key(claim.id)]
    assert chip.text() == f"{claim.name} 1" and chip.isVisibleTo(window.pane.legend)
    offset = window.session.current.body.index("take months")
    assert len(view.annotations_at(offset)) == 1
    chip.click()
    assert view.annotations_at(offset) == []
    chip.click()
    annotation = view.annotations_at(offset)[0]
    text = annotation_tooltip(
        annotation.__class__(**{**annotation.__dict__, "note": "Check <this>"}), claim.name
    )
    assert "Check &lt;this&gt;" in text and claim.name in text


def test_metadata_edits_are_undoable(window, qtbot, monkeypatch):
    from dataclasses import replace

    from gui.library.metadata_dialog import MetadataDialog

    article = window.session.current
    edited = replace(article.metadata, title="Edited title")
    monkeypatch.setattr(MetadataDialog, "ask", classmethod(lambda cls, parent, metadata: edited))
    window.details_action.trigger()
    assert window.windowTitle() == "Edited title — Sourcelight"
    window.annotate.undo_action.trigger()
    assert window.session.articles.get(article.id).metadata.title == "Talks in Baghdad"
    assert window.windowTitle() == "Talks in Baghdad — Sourcelight"


@pytest.mark.parametrize("kind", ["json", "w3c"])
def test_export_then_import_through_the_window_and_undo_the_import(
    window, qtbot, tmp_path, monkeypatch, errors, kind
):
    import json

    from gui.annotating.interchange import AnnotationFile, ExportTarget

    view = window.pane.view
    view.setFocus()
    select(window, "take months")
    qtbot.keyClick(view, Qt.Key.Key_1)
    monkeypatch.setattr(
        NoteDialog, "ask", classmethod(lambda cls, parent, quote, note: "a note, with “quotes”")
    )
    qtbot.keyClick(view, Qt.Key.Key_N)
    target = tmp_path / f"out.{kind}"
    monkeypatch.setattr(ExportTarget, "ask", classmethod(lambda cls, parent, title: (target, kind)))
    window.interchange.export_action.trigger()
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert exported  # written, and valid JSON
    before = [(a.text, a.note) for a in stored(window)]
    window.annotate.delete_annotation(stored(window)[0])
    assert stored(window) == []
    monkeypatch.setattr(AnnotationFile, "ask", classmethod(lambda cls, parent: target))
    window.interchange.import_action.trigger()
    assert [(a.text, a.note) for a in stored(window)] == before
    assert "1 annotations placed, 0 orphaned" in errors[-1][1]
    assert window.annotations_panel.model.rowCount() == 1
    window.annotate.undo_action.trigger()
    assert stored(window) == []


def test_a_malformed_annotation_file_changes_nothing(window, qtbot, tmp_path, monkeypatch, errors):
    from gui.annotating.interchange import AnnotationFile

    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "AnnotationCollection", "first": [', encoding="utf-8")
    monkeypatch.setattr(AnnotationFile, "ask", classmethod(lambda cls, parent: bad))
    window.interchange.import_action.trigger()
    assert errors[-1][0] == "Nothing imported" and "bad.json" in errors[-1][1]
    assert stored(window) == []


@pytest.mark.parametrize("kind", ["json", "w3c"])
def test_importing_a_file_that_adds_nothing_makes_no_undo_step(
    window, qtbot, tmp_path, monkeypatch, errors, kind
):
    from gui.annotating.interchange import AnnotationFile, ExportTarget

    view = window.pane.view
    view.setFocus()
    select(window, "take months")
    qtbot.keyClick(view, Qt.Key.Key_1)
    target = tmp_path / f"out.{kind}"
    monkeypatch.setattr(ExportTarget, "ask", classmethod(lambda cls, parent, title: (target, kind)))
    window.interchange.export_action.trigger()
    steps = window.session.undo_stack.count()
    monkeypatch.setattr(AnnotationFile, "ask", classmethod(lambda cls, parent: target))
    window.interchange.import_action.trigger()  # everything in it is there already
    assert "0 annotations placed, 0 orphaned, 1 already in the article" in errors[-1][1]
    assert window.session.undo_stack.count() == steps
    undo = window.annotate.undo_action
    assert undo.text().replace("&", "") == "Undo Label 'Claim'"
    undo.trigger()  # the label, not a phantom import step
    assert stored(window) == []

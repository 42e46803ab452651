"""A classroom cycle through the windows: prepare, hand out, annotate, collect, see the returns,
compare, present; the key never leaves the trainer's window, hidden findings stay hidden."""

import os
import shutil
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from gui.annotating.annotations_model import ANNOTATOR, COLUMNS
from gui.app import make_window, start_session
from gui.article_view.palette import OVERLAY_STYLES
from gui.core.anchoring import anchor_for
from gui.core.annotations.commands import AddAnnotation
from gui.core.annotations.model import Annotation
from gui.core.storage import AnnotationStore, EntityStore
from gui.core.trainer.results import all_results
from gui.library.library_model import ENTITIES as ENTITY_COUNTS
from gui.trainer import collecting
from gui.trainer.actions import ExerciseTarget, ReturnedFiles
from gui.trainer.comparison import EXPLANATIONS, LayerChoice, Scoreboard, score_row
from gui.trainer.exercise_dialog import CHECKLISTS, ExerciseDialog, TraineeName
from gui.trainer.returns_dialog import ReturnsView, label_rows, return_row
from gui.widgets.messages import ErrorMessage, InfoMessage
from tests.fakes import FakePipeline, install_fake_pipeline

ARTICLE = (
    "Toll\n\nPolice told Reuters 40 people died. Activists in Baghdad said 60 died on Monday.\n"
)
KEY_NOTE = "The police figure: the one trainees should question first"


@pytest.fixture
def messages(monkeypatch):
    said = []
    for box in (ErrorMessage, InfoMessage):
        monkeypatch.setattr(box, "ask", classmethod(lambda cls, parent, *a: said.append(a)))
    return said


@pytest.fixture
def open_window(qtbot, qapp, monkeypatch, messages):
    install_fake_pipeline(monkeypatch)
    windows = []

    def opened(path, annotator):
        window = make_window(qapp)
        qtbot.addWidget(window)
        window.session.annotator = annotator
        window.show()
        start_session(window, path, [])
        windows.append(window)
        return window

    yield opened
    for window in windows:
        window.trainer.collecting.wait()
        window.session.wait_for_background()
        if window.session.library:
            window.session.close_library()


def label_text(window, text, key):
    body = window.session.current.body
    start = body.index(text)
    window.pane.view.select_span(start, start + len(text))
    window.pane.view.setFocus()
    QTest.keyClick(window.pane.view, key)


def annotate_with_note(window, text, note):
    """The trainer's own annotation with a note (the key's, say)."""
    session = window.session
    start = session.current.body.index(text)
    anchor = anchor_for(session.current.body, start, start + len(text))
    label = session.labels()[0]
    annotation = Annotation(0, session.current.id, label.id, anchor, note, "trainer", "", "")
    assert session.execute(AddAnnotation(annotation, label.name))


def make_exercise(trainer, monkeypatch, exercise, hide=True, keep_entities=False):
    """File > New Exercise, filled in: SIFT, findings hidden, the trainer's layer as key."""
    offered = []

    def fill(cls, parent, articles, chosen, name, layers=()):
        offered.extend(layers)
        dialog = ExerciseDialog(articles, chosen, None, layers, name)
        dialog.title.setText("Week 3")
        dialog.preset.setCurrentText("SIFT")
        dialog.hide_findings.setChecked(hide)
        dialog.keep_entities.setChecked(keep_entities)
        return dialog.chosen_ids(), dialog.options(name)

    monkeypatch.setattr(ExerciseDialog, "ask", classmethod(fill))
    monkeypatch.setattr(ExerciseTarget, "ask", classmethod(lambda cls, parent, title: exercise))
    trainer.trainer.new_action.trigger()
    return offered


def trainer_with_key(open_window, tmp_path, qtbot):
    trainer = open_window(tmp_path / "trainer.sqlite", "trainer")
    QGuiApplication.clipboard().setText(ARTICLE)
    trainer.paste_action.trigger()
    qtbot.waitUntil(lambda: bool(trainer.pane.view.entities()))  # the trainer sees the findings
    annotate_with_note(trainer, "40 people died", KEY_NOTE)
    label_text(trainer, "60 died on Monday", Qt.Key.Key_1)
    return trainer


def collect(qtbot, trainer, paths):
    """File > Import Returned Exercises, waited for: the files are read off the GUI thread."""
    with qtbot.waitSignal(trainer.trainer.collecting.finished, timeout=20_000) as done:
        trainer.trainer.import_returned(list(paths))
    return done.args[0]


def test_prepare_hand_out_collect_see_the_returns_and_compare(
    open_window, tmp_path, monkeypatch, messages, qtbot
):
    trainer = trainer_with_key(open_window, tmp_path, qtbot)
    exercise = tmp_path / "week3.sourcelight"
    assert make_exercise(trainer, monkeypatch, exercise) == ["trainer"]
    assert exercise.is_file() and "Exercise ready" in messages[-1][0]
    assert "stays in this library" in messages[-1][1]
    assert KEY_NOTE.encode() not in exercise.read_bytes()
    assert not trainer.annotate.undo_action.text().endswith("Week 3'")  # not an undo step

    copies = {name: tmp_path / f"{name}.sourcelight" for name in ("Ana", "Ben")}
    for name, copy in copies.items():
        shutil.copy(exercise, copy)
        monkeypatch.setattr(
            TraineeName, "ask", classmethod(lambda cls, parent, title, s, n=name: n)
        )
        calls = FakePipeline.calls
        trainee = open_window(copy, "someone")
        assert trainee.session.annotator == name
        assert "Exercise: Week 3" in trainee.pane.banner.text()
        assert trainee.checklist_dock.isVisibleTo(trainee)
        trainee.trainer.checklist.answers[CHECKLISTS["SIFT"][0]].setPlainText(f"{name}'s answer")
        trainee.trainer.checklist.flush()
        trainee.session.open_article(trainee.session.summaries()[0].id)
        trainee.session.wait_for_background()
        qtbot.wait(200)  # let a (wrongly) started analysis arrive, if there were one
        assert_findings_hidden(trainee, calls)
        assert trainee.annotations_panel.model.rowCount() == 0  # no key to list
        assert trainee.layers.names() == [name]  # and none to draw
        label_text(trainee, "40 people died", Qt.Key.Key_1)
        if name == "Ben":
            label_text(trainee, "Activists", Qt.Key.Key_2)
        trainee.session.close_library()

    monkeypatch.setattr(
        ReturnedFiles, "ask", classmethod(lambda cls, parent: list(copies.values()))
    )
    with qtbot.waitSignal(trainer.trainer.collecting.finished, timeout=20_000):
        trainer.trainer.import_action.trigger()
    assert "as layer “Ana”" in messages[-1][1] and "as layer “Ben”" in messages[-1][1]
    undo = trainer.annotate.undo_action.text().replace("&", "")
    assert undo == "Undo Import returned exercises"  # both files: one step
    assert "already imported" in collect(qtbot, trainer, [copies["Ana"]])
    assert trainer.layers.names() == ["trainer", "Ana", "Ben"]
    assert_layer_column(trainer)

    [results] = all_results(trainer.session.library)
    view = ReturnsView([results])
    rows = {row[0]: row for row in map(return_row, results.returns)}
    assert rows["Ana"][3] == "Toll" and rows["Ana"][5:] == ["0.67", "0.67"]
    assert rows["Ben"][5:] == ["0.50", "0.50"]
    assert view.returns.rowCount() == 2 and view.returns.item(1, 0).text() == "Ben"
    view.returns.setCurrentCell(1, 0)
    assert "Ben&#x27;s answer" in view.answers.toHtml() or "Ben's answer" in view.answers.toHtml()
    assert [row[0] for row in label_rows(results.returns[1])] == ["Claim", "Source", "All labels"]
    assert view.labels.item(0, 0).text() == "Claim"
    view.close()

    board = trainer.comparison.scoreboard("trainer")
    rows = {row[0]: row for row in map(score_row, board)}
    # Ana found 1 of the 2 key annotations and nothing else: P 1, R 0.5, F1 2/3.
    assert rows["Ana"][2] == "0.67" and rows["Ana"][3:6] == ["1", "1", "0"]
    # Ben: 1 found, 1 missed, 1 extra (another label): P 0.5, R 0.5, F1 0.5.
    assert rows["Ben"][2] == "0.50" and rows["Ben"][3:6] == ["1", "1", "1"]
    dialog = Scoreboard(board)
    assert dialog.labels.rowCount() == 3  # Ana: Claim; Ben: Claim, Source
    assert [dialog.labels.item(r, 1).text() for r in range(3)] == ["Claim", "Claim", "Source"]
    texts = [label.text() for label in dialog.explanations]
    assert texts == list(EXPLANATIONS) and any(t.startswith("κ") for t in texts)
    assert any(t.startswith("α") for t in texts)
    dialog.close()
    monkeypatch.setattr(
        LayerChoice, "ask", classmethod(lambda cls, parent, names: ("trainer", "Ben"))
    )
    trainer.comparison.action.trigger()
    kinds = sorted(h.style for h in trainer.pane.view.annotation_layer.index)
    assert kinds == ["cmp:extra", "cmp:match", "cmp:miss"]
    codebook = {label.colour.upper() for label in trainer.session.labels()}
    assert {OVERLAY_STYLES[k].colour.upper() for k in kinds}.isdisjoint(codebook)
    assert "Comparing Ben" in trainer.pane.banner.text()
    shown = []
    monkeypatch.setattr(
        LayerChoice, "ask", classmethod(lambda cls, parent, names: ("trainer", None))
    )
    monkeypatch.setattr(
        Scoreboard, "ask", classmethod(lambda cls, parent, board: shown.append(board))
    )
    trainer.comparison.action.trigger()
    assert [c.layer for c in shown[0]] == ["Ana", "Ben"]
    trainer.comparison.stop_action.trigger()
    assert trainer.pane.banner.text() == ""


def assert_findings_hidden(trainee, calls_before):
    """No lens, profile, counts, panels or analysis for the findings the trainer hid."""
    assert FakePipeline.calls == calls_before  # nothing analysed again
    assert trainee.pane.view.entities() == []
    assert EntityStore(trainee.session.library).counts(trainee.session.current.id) == {}
    assert not trainee.pane.header.profile.isVisibleTo(trainee)
    assert not any(b.isVisibleTo(trainee) for b in trainee.pane.legend.buttons.values())
    docks = (trainee.entities_dock, trainee.sources_dock, trainee.claims_dock, trainee.checks_dock)
    for dock in docks:
        assert not dock.isVisibleTo(trainee) and not dock.toggleViewAction().isEnabled()
    assert not any(a.isVisible() or a.isEnabled() for a in trainee.sourcing.lens_group.actions())
    assert trainee.library_panel.table.isColumnHidden(ENTITY_COUNTS)  # no counts of them


def assert_layer_column(window):
    """The Annotations panel names each annotation's layer, in a column of its own."""
    panel = window.annotations_panel
    assert COLUMNS[ANNOTATOR] == "Layer" and not panel.table.isColumnHidden(ANNOTATOR)
    model = panel.model
    layers = {model.index(row, ANNOTATOR).data() for row in range(model.rowCount())}
    assert layers == {"trainer", "Ana", "Ben"}


def test_the_entities_may_stay_when_the_trainer_allows_it(
    open_window, tmp_path, monkeypatch, qtbot
):
    trainer = trainer_with_key(open_window, tmp_path, qtbot)
    exercise = tmp_path / "week3.sourcelight"
    make_exercise(trainer, monkeypatch, exercise, keep_entities=True)
    monkeypatch.setattr(TraineeName, "ask", classmethod(lambda cls, parent, title, s: "Ana"))
    trainee = open_window(exercise, "Ana")
    trainee.session.open_article(trainee.session.summaries()[0].id)
    qtbot.waitUntil(lambda: bool(trainee.pane.view.entities()))
    assert {e.text for e in trainee.pane.view.entities()} == {"Reuters", "Baghdad"}
    assert trainee.entities_dock.toggleViewAction().isEnabled()
    lenses = {a.text(): a.isVisible() for a in trainee.sourcing.lens_group.actions()}
    assert lenses == {"Entities Lens": True, "Sourcing Lens": False, "Hedges Lens": False,
                      "All Lens": False}  # fmt: skip
    assert not trainee.sources_dock.toggleViewAction().isEnabled()
    assert not trainee.checks_dock.toggleViewAction().isEnabled()  # checks read the sourcing


def test_an_exercise_that_cannot_be_written_shows_its_answers_but_asks_for_none(
    open_window, tmp_path, monkeypatch, messages, qtbot
):
    trainer = trainer_with_key(open_window, tmp_path, qtbot)
    exercise = tmp_path / "week3.sourcelight"
    make_exercise(trainer, monkeypatch, exercise)
    messages.clear()
    exercise.chmod(0o444)  # handed out on a read-only share, say, or found damaged
    trainee = open_window(exercise, "Ana")
    fields = list(trainee.trainer.checklist.answers.values())
    assert fields and all(field.isReadOnly() for field in fields)
    QTest.keyClicks(fields[0], "x")
    trainee.trainer.checklist.flush()
    assert messages == []  # not a "read-only library" message at each pause in the typing


def test_the_findings_an_exercise_hid_come_back_with_the_next_library(
    open_window, tmp_path, monkeypatch, qtbot
):
    trainer = trainer_with_key(open_window, tmp_path, qtbot)
    exercise = tmp_path / "week3.sourcelight"
    make_exercise(trainer, monkeypatch, exercise)
    monkeypatch.setattr(TraineeName, "ask", classmethod(lambda cls, parent, title, s: "Ana"))
    own = trainer.session.library.path
    trainer.session.open_library(exercise)  # the trainer looks at the file handed out
    assert not trainer.layers.findings_shown()
    trainer.session.open_library(own)  # and goes back to work
    assert trainer.layers.findings_shown()


def test_the_trainees_name_stays_in_the_exercise_file(open_window, tmp_path, monkeypatch, qtbot):
    trainer = trainer_with_key(open_window, tmp_path, qtbot)
    exercise = tmp_path / "week3.sourcelight"
    make_exercise(trainer, monkeypatch, exercise)
    monkeypatch.setattr(TraineeName, "ask", classmethod(lambda cls, parent, title, s: "Ana"))
    own = trainer.session.library.path
    trainer.session.open_library(exercise)
    assert trainer.session.annotator == "Ana"  # in the file, its trainee's name
    trainer.session.open_library(own)
    assert trainer.session.annotator == "trainer"  # new work here is the trainer's again


def test_cancelling_an_import_keeps_nothing(open_window, tmp_path, monkeypatch, messages, qtbot):
    trainer = trainer_with_key(open_window, tmp_path, qtbot)
    exercise = tmp_path / "week3.sourcelight"
    make_exercise(trainer, monkeypatch, exercise)
    ana = tmp_path / "ana.sourcelight"
    shutil.copy(exercise, ana)
    before = AnnotationStore(trainer.session.library).search()
    gate, real = threading.Event(), collecting.read_returns

    def held(paths, progress):  # the reading waits until the trainer has pressed Cancel
        gate.wait(10)
        return real(paths, progress)

    monkeypatch.setattr(collecting, "read_returns", held)
    with qtbot.waitSignal(trainer.trainer.collecting.cancelled, timeout=20_000):
        trainer.trainer.import_returned([ana, ana])
        dialog = trainer.trainer.collecting.dialog
        dialog.findChild(QPushButton).click()  # the dialog's Cancel button
        gate.set()
    assert "cancelled. Nothing was imported" in messages[-1][1]
    assert AnnotationStore(trainer.session.library).search() == before
    assert trainer.session.library.db["exercise_returns"].count == 0


def test_a_hostile_file_is_refused_in_the_window_by_name(open_window, tmp_path, monkeypatch, qtbot):
    trainer = trainer_with_key(open_window, tmp_path, qtbot)
    make_exercise(trainer, monkeypatch, tmp_path / "week3.sourcelight")
    fifo = tmp_path / "pipe.sourcelight"
    os.mkfifo(fifo)
    before = AnnotationStore(trainer.session.library).search()
    said = collect(qtbot, trainer, [fifo])
    assert said.startswith("pipe.sourcelight: not imported.") and str(fifo) in said
    assert "a pipe (FIFO)" in said
    assert AnnotationStore(trainer.session.library).search() == before


@pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)
def test_report_exports_as_pdf_and_prints(open_window, tmp_path, monkeypatch, messages, qtbot):
    import subprocess

    from gui.reports.actions import PrintSetup, ReportTarget

    window = open_window(tmp_path / "lib.sqlite", "trainer")
    QGuiApplication.clipboard().setText(ARTICLE)
    window.paste_action.trigger()
    label_text(window, "40 people died", Qt.Key.Key_1)
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(ReportTarget, "ask", classmethod(lambda cls, parent, title: target))
    with qtbot.waitSignal(window.reports.done, timeout=10_000):
        window.reports.export_action.trigger()
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    assert "Toll" in text and "40 people died" in text
    printed = tmp_path / "printed.pdf"

    def to_file(cls, parent, printer):
        printer.setOutputFormat(printer.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(PrintSetup, "ask", classmethod(to_file))
    with qtbot.waitSignal(window.reports.done, timeout=10_000):
        window.reports.print_action.trigger()
    assert (
        "Toll"
        in subprocess.run(["pdftotext", str(printed), "-"], capture_output=True, text=True).stdout
    )

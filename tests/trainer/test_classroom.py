"""A classroom cycle through the windows: prepare, hand out, annotate, collect, compare, present."""

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from gui.app import make_window, start_session
from gui.article_view.layers import FINDINGS
from gui.trainer.actions import ExerciseTarget, ReturnedFiles
from gui.trainer.comparison import LayerChoice, Scoreboard, score_row
from gui.trainer.exercise_dialog import CHECKLISTS, ExerciseDialog, TraineeName
from gui.widgets.messages import ErrorMessage, InfoMessage
from tests.fakes import install_fake_pipeline

ARTICLE = "Toll\n\nPolice said 40 people died. Activists said 60 died on Monday.\n"


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
        window.session.wait_for_background()
        if window.session.library:
            window.session.close_library()


def label_text(window, text, key):
    body = window.session.current.body
    start = body.index(text)
    window.pane.view.select_span(start, start + len(text))
    window.pane.view.setFocus()
    from PySide6.QtTest import QTest
    from pytestqt.qtbot import QtBot  # noqa: F401  (qtbot is a fixture; keyClick is static)

    QTest.keyClick(window.pane.view, key)


def test_prepare_hand_out_collect_compare(open_window, tmp_path, monkeypatch, messages):
    trainer = open_window(tmp_path / "trainer.sqlite", "trainer")
    QGuiApplication.clipboard().setText(ARTICLE)
    trainer.paste_action.trigger()
    label_text(trainer, "40 people died", Qt.Key.Key_1)
    label_text(trainer, "60 died on Monday", Qt.Key.Key_1)
    exercise = tmp_path / "week3.sourcelight"

    def fill(cls, parent, articles, chosen, name):
        dialog = ExerciseDialog(articles, chosen)
        dialog.title.setText("Week 3")
        dialog.preset.setCurrentText("SIFT")
        dialog.hide_findings.setChecked(True)
        return dialog.chosen_ids(), dialog.options(name)

    monkeypatch.setattr(ExerciseDialog, "ask", classmethod(fill))
    monkeypatch.setattr(ExerciseTarget, "ask", classmethod(lambda cls, parent, title: exercise))
    trainer.trainer.new_action.trigger()
    assert exercise.is_file() and "Exercise ready" in messages[-1][0]

    copies = {name: tmp_path / f"{name}.sourcelight" for name in ("Ana", "Ben")}
    for name, copy in copies.items():
        shutil.copy(exercise, copy)
        monkeypatch.setattr(
            TraineeName, "ask", classmethod(lambda cls, parent, title, s, n=name: n)
        )
        trainee = open_window(copy, "someone")
        assert trainee.session.annotator == name
        assert "Exercise: Week 3" in trainee.pane.banner.text()
        assert FINDINGS in trainee.layers.hidden
        assert trainee.checklist_dock.isVisibleTo(trainee)
        first_question = CHECKLISTS["SIFT"][0]
        trainee.trainer.checklist.answers[first_question].setPlainText(f"{name}'s answer")
        trainee.trainer.checklist.flush()
        trainee.session.open_article(trainee.session.summaries()[0].id)
        label_text(trainee, "40 people died", Qt.Key.Key_1)
        if name == "Ben":
            label_text(trainee, "Activists said", Qt.Key.Key_2)
        trainee.session.close_library()

    monkeypatch.setattr(
        ReturnedFiles, "ask", classmethod(lambda cls, parent: list(copies.values()))
    )
    trainer.trainer.import_action.trigger()
    assert "as layer “Ana”" in messages[-1][1] and "as layer “Ben”" in messages[-1][1]
    trainer.trainer.import_returned([copies["Ana"]])
    assert "already imported" in messages[-1][1]
    assert trainer.layers.names() == ["trainer", "Ana", "Ben"]

    board = trainer.comparison.scoreboard("trainer")
    rows = {row[0]: row for row in map(score_row, board)}
    # Ana found 1 of the 2 key annotations and nothing else: P 1, R 0.5, F1 2/3.
    assert rows["Ana"][2] == "0.67" and rows["Ana"][3:6] == ["1", "1", "0"]
    # Ben: 1 found, 1 missed, 1 extra (another label): P 0.5, R 0.5, F1 0.5.
    assert rows["Ben"][2] == "0.50" and rows["Ben"][3:6] == ["1", "1", "1"]
    monkeypatch.setattr(
        LayerChoice, "ask", classmethod(lambda cls, parent, names: ("trainer", "Ben"))
    )
    trainer.comparison.action.trigger()
    kinds = sorted(h.style for h in trainer.pane.view.annotation_layer.index)
    assert kinds == ["cmp:extra", "cmp:match", "cmp:miss"]
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


@pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)
def test_report_exports_as_pdf_and_prints(open_window, tmp_path, monkeypatch, messages):
    import subprocess

    from gui.reports.actions import PrintSetup, ReportTarget

    window = open_window(tmp_path / "lib.sqlite", "trainer")
    QGuiApplication.clipboard().setText(ARTICLE)
    window.paste_action.trigger()
    label_text(window, "40 people died", Qt.Key.Key_1)
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(ReportTarget, "ask", classmethod(lambda cls, parent, title: target))
    window.reports.export_action.trigger()
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    assert "Toll" in text and "40 people died" in text
    printed = tmp_path / "printed.pdf"

    def to_file(cls, parent, printer):
        printer.setOutputFormat(printer.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(PrintSetup, "ask", classmethod(to_file))
    window.reports.print_action.trigger()
    assert (
        "Toll"
        in subprocess.run(["pdftotext", str(printed), "-"], capture_output=True, text=True).stdout
    )

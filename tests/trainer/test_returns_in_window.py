"""Returned work in the trainer's window: one undo step, and the labels it brings are known."""

import pytest

from gui.app import make_window, start_session
from gui.article_view.reader import label_key
from gui.core.anchoring import anchor_for
from gui.core.annotations.commands import AddAnnotation, SaveLabel
from gui.core.annotations.model import Annotation, Label
from gui.core.storage import ArticleStore, open_library
from gui.core.storage.commands_store import carry_out
from gui.core.trainer.exercises import ExerciseOptions, trainee_command
from gui.core.trainer.packing import create_exercise
from gui.widgets.messages import ErrorMessage, InfoMessage
from tests.fakes import install_fake_pipeline, make_text

ARTICLE = "Toll\n\nPolice said 40 people died. Activists said 60 died on Monday.\n"
NEW_LABEL = Label(0, "Casualty figure", "#117733", "", "A number of dead or injured.", 9)


@pytest.fixture
def trainer(qtbot, qapp, monkeypatch, tmp_path):
    install_fake_pipeline(monkeypatch)
    said = []
    for box in (ErrorMessage, InfoMessage):
        monkeypatch.setattr(box, "ask", classmethod(lambda cls, parent, *a: said.append(a)))
    window = make_window(qapp)
    qtbot.addWidget(window)
    window.session.annotator = "trainer"
    start_session(window, tmp_path / "trainer.sqlite", [])
    window.session.import_text(make_text(ARTICLE, "Toll"))
    window.said = said
    yield window
    window.trainer.collecting.wait()
    window.session.wait_for_background()
    window.session.close_library()


def returned_file(window, tmp_path):
    """An exercise made from the trainer's library, annotated by Ana with a label of her own."""
    path = tmp_path / "ana.sourcelight"
    article_id = window.session.current.id
    create_exercise(window.session.library, [article_id], path, ExerciseOptions("Week 3"))
    trainee = open_library(path)
    try:
        carry_out(trainee, trainee_command(trainee, "Ana"))
        label_id = carry_out(trainee, SaveLabel(NEW_LABEL)).inverse.label_id
        body = ArticleStore(trainee).get(article_id).body
        start = body.index("60 died")
        anchor = anchor_for(body, start, start + len("60 died"))
        annotation = Annotation(0, article_id, label_id, anchor, "", "Ana", "", "")
        carry_out(trainee, AddAnnotation(annotation))
    finally:
        trainee.close()
    return path


def picker_names(window):
    picker = window.annotate.label_picker
    return [picker.itemText(i).split("\t")[0] for i in range(picker.count())]


def filter_names(window):
    labels = window.annotations_panel.labels
    return [labels.itemText(i) for i in range(labels.count())]


def collect(qtbot, window, paths):
    """Import returned files and wait: they are read off the GUI thread."""
    with qtbot.waitSignal(window.trainer.collecting.finished, timeout=20_000):
        window.trainer.import_returned(paths)


def test_a_label_a_return_brings_is_known_everywhere_at_once(trainer, tmp_path, qtbot):
    collect(qtbot, trainer, [returned_file(trainer, tmp_path)])
    assert "as layer “Ana”" in trainer.said[-1][1]
    new = next(label for label in trainer.session.labels() if label.name == NEW_LABEL.name)
    assert NEW_LABEL.name in picker_names(trainer)
    assert NEW_LABEL.name in filter_names(trainer)
    assert trainer.pane.view.label_style(label_key(new.id)).colour == NEW_LABEL.colour
    assert [a.annotator for a in trainer.pane.view.annotation_layer_items()] == ["Ana"]


def test_a_return_is_one_undo_step_that_takes_its_label_away_too(trainer, tmp_path, qtbot):
    collect(qtbot, trainer, [returned_file(trainer, tmp_path)])
    undo = trainer.annotate.undo_action
    assert undo.isEnabled() and undo.text().replace("&", "") == "Undo Import Ana's exercise"
    undo.trigger()
    assert trainer.session.annotations() == []
    assert NEW_LABEL.name not in picker_names(trainer)
    assert NEW_LABEL.name not in filter_names(trainer)
    trainer.annotate.redo_action.trigger()
    assert [a.annotator for a in trainer.session.annotations()] == ["Ana"]
    assert NEW_LABEL.name in picker_names(trainer)


def test_the_returns_view_shows_the_work_and_exports_the_class_report(
    trainer, tmp_path, qtbot, monkeypatch
):
    from gui.core.trainer.results import all_results
    from gui.trainer.returns_dialog import ClassReportTarget, ReturnsView

    collect(qtbot, trainer, [returned_file(trainer, tmp_path)])
    view = ReturnsView(all_results(trainer.session.library))
    qtbot.addWidget(view)
    assert view.exercises.currentText().startswith("Week 3 — ") and view.returns.rowCount() == 1
    assert view.returns.item(0, 0).text() == "Ana" and view.returns.item(0, 5).text() == "–"
    assert "no answer key" in view.key_line.text()
    target = tmp_path / "class.html"
    monkeypatch.setattr(ClassReportTarget, "ask", classmethod(lambda cls, parent, title: target))
    view.export_button.click()
    assert "Trainee: Ana" in target.read_text(encoding="utf-8")


def test_the_answer_sheet_is_exported_from_the_file_menu(trainer, tmp_path, monkeypatch):
    from gui.trainer.exercise_dialog import AnswerSheetTarget

    session = trainer.session
    body = session.current.body
    start = body.index("60 died")
    anchor = anchor_for(body, start, start + len("60 died"))
    label = session.labels()[0]
    key = Annotation(
        0, session.current.id, label.id, anchor, "Count the sources", "trainer", "", ""
    )
    assert session.execute(AddAnnotation(key, label.name))
    options = ExerciseOptions("Week 4", key_layer="trainer")
    create_exercise(session.library, [session.current.id], tmp_path / "w4.sourcelight", options)
    target = tmp_path / "answers.html"
    monkeypatch.setattr(AnswerSheetTarget, "ask", classmethod(lambda cls, parent, title: target))
    trainer.trainer.answer_sheet_action.trigger()
    page = target.read_text(encoding="utf-8")
    assert "Answer sheet" in page and "Count the sources" in page and "60 died" in page

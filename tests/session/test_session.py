"""The session is the one writer: each change is announced once, undo and redo too."""

import pytest

from gui.core.annotations.commands import SaveLabel
from gui.core.annotations.model import Label
from gui.core.articles import Metadata
from gui.core.changes import Change
from gui.core.library.commands import UpdateMetadata
from gui.core.storage import open_library
from gui.session.session import Session
from tests.fakes import install_fake_pipeline, make_text


@pytest.fixture
def session(qtbot, monkeypatch):
    install_fake_pipeline(monkeypatch)
    session = Session()
    session.set_library(open_library(None))
    yield session
    session.wait_for_background()
    session.close_library()


def announcements(session):
    heard = []
    session.changed.connect(heard.append)
    return heard


def test_a_change_is_announced_once_with_what_it_touched(session):
    heard = announcements(session)
    session.execute(SaveLabel(Label(0, "Rumour", "#123456", "", "", 9)))
    assert heard == [Change.LABELS]
    session.undo_stack.undo()
    session.undo_stack.redo()
    assert heard == [Change.LABELS] * 3


def test_an_import_is_one_step_and_the_open_article_follows_its_details(session):
    report = session.import_text(make_text("Body one.\n", "One"))
    article_id = report.added[0][0]
    assert session.undo_stack.count() == 1
    session.open_article(article_id)
    heard = announcements(session)
    session.execute(UpdateMetadata(article_id, Metadata(title="Renamed")))
    assert heard == [Change.METADATA] and session.current.metadata.title == "Renamed"
    opened = []
    session.article_opened.connect(opened.append)
    session.undo_stack.undo()  # the title back
    session.undo_stack.undo()  # the import: the open article goes
    assert session.current is None and opened == [None]
    assert heard[-1] & Change.ARTICLES


def test_a_failed_change_says_why_and_leaves_no_step(session, qtbot):
    errors = []
    session.error.connect(lambda title, text: errors.append((title, text)))
    assert session.execute(UpdateMetadata(999, Metadata(title="x"))) is None
    assert errors and "no longer in the library" in errors[0][1]
    assert session.undo_stack.count() == 0


def test_a_read_only_library_takes_no_command(session):
    session.library.read_only = True
    errors = []
    session.error.connect(lambda title, text: errors.append(title))
    assert session.execute(SaveLabel(Label(0, "Rumour", "#123456", "", "", 9))) is None
    assert errors == ["Read-only library"]


@pytest.mark.parametrize(
    ("row", "entities", "sourcing"),
    [
        (None, True, True),
        ({"hide_findings": True}, False, False),
        ({"hide_findings": True, "keep_entities": True}, True, False),
        ({"hide_findings": "yes, please"}, False, False),  # unreadable: hide everything
    ],
    ids=["not an exercise", "hidden", "entities kept", "damaged row"],
)
def test_an_exercise_that_hides_the_findings_is_never_analysed(
    qtbot, monkeypatch, row, entities, sourcing
):
    from gui.core.storage.exercise_store import EXERCISE_SETTING, ExerciseStore
    from gui.core.trainer.exercises import ExerciseInfo

    fake = install_fake_pipeline(monkeypatch)
    library = open_library(None)
    if row is not None:
        info = ExerciseInfo("e", "T", "", (), False, "trainer", "2024-05-01").to_json()
        ExerciseStore(library).put_setting(EXERCISE_SETTING, {**info, **row})
    session = Session()
    session.set_library(library)
    shown = session.findings_shown
    assert (shown.entities, shown.sourcing) == (entities, sourcing)
    session.open_article(session.import_text(make_text("Reuters said so.\n", "R")).added[0][0])
    qtbot.waitUntil(lambda: session.entity_service.raw_entities(session.current.id) is not None)
    found = session.entity_service.raw_entities(session.current.id)[1]
    assert bool(found) == entities and (fake.calls > 0) == entities
    session.wait_for_background()
    session.close_library()

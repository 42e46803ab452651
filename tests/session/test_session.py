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

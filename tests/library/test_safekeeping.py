"""The window's side of a library's safety: checked and backed up in the background, a damaged
one shown read-only with a banner, File > Restore Backup…."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from gui.app import make_window
from gui.core.storage import ArticleStore, back_up, backups, open_library
from gui.library.restore_dialog import ConfirmRestore, RestoreBackupDialog
from gui.widgets.messages import ErrorMessage, InfoMessage
from tests.core.storage.damage import scribble, scribble_over, snapshot, sound_library
from tests.core.storage.factories import imported
from tests.fakes import install_fake_pipeline


@pytest.fixture
def messages(monkeypatch):
    shown: list[tuple[str, ...]] = []
    for box in (ErrorMessage, InfoMessage):
        monkeypatch.setattr(box, "ask", classmethod(lambda cls, parent, *args: shown.append(args)))
    return shown


@pytest.fixture
def window(qtbot, qapp, monkeypatch, messages):
    install_fake_pipeline(monkeypatch)
    window = make_window(qapp)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.session.wait_for_background()
    if window.session.library:
        window.session.close_library()


def opened(window, path: Path) -> None:
    """Open the library in the window and let its check and backup finish."""
    assert window.session.open_library(path)
    assert window.session.wait_for_background()


def test_a_library_that_changed_is_backed_up_once(window, tmp_path, qtbot):
    path = sound_library(tmp_path / "library.sqlite", articles=5)
    opened(window, path)
    qtbot.waitUntil(lambda: len(backups(path)) == 1)  # the result reaches the GUI thread
    first = backups(path)
    opened(window, path)
    assert backups(path) == first  # nothing changed since
    window.session.rename(1, "Renamed")
    opened(window, path)
    assert len(backups(path)) == 2


def test_a_damaged_library_is_shown_read_only_with_a_banner(window, tmp_path, qtbot, messages):
    path = sound_library(tmp_path / "library.sqlite", articles=20)
    opened(window, path)
    good = {b.path: snapshot(b.path) for b in backups(path)}
    scribble_over(path, "articles", seed=3)  # one article's text; the library still reads
    before = snapshot(path)
    for _ in range(3):  # three opens: the failure of the issue replaced every backup
        window.session.open_library(path)
        window.session.wait_for_background()
        qtbot.waitUntil(lambda: window.session.read_only)
    library = window.session.library
    assert library.damage and "damaged" in library.damage
    banner = window.pane.banner
    assert banner.isVisible() and "Restore Backup" in banner.text() and str(path) in banner.text()
    assert not window.import_action.isEnabled()
    assert window.library_panel.model.rowCount() == 20  # still readable
    window.session.rename(1, "Not saved")
    assert messages[-1][0] == "Damaged library"
    assert snapshot(path) == before
    assert {b.path: snapshot(b.path) for b in backups(path)} == good


def test_a_write_before_the_verdict_waits_and_is_refused(window, tmp_path, messages):
    path = sound_library(tmp_path / "library.sqlite", articles=20)
    scribble(path, seed=2)
    before = snapshot(path)
    window.session.open_library(path)
    window.session.rename(1, "Too early")  # the check may still run: this write waits for it
    window.session.wait_for_background()
    assert any("damaged" in text for _title, text, *_ in messages)
    assert snapshot(path) == before


def test_restore_backup_puts_the_copy_back_and_says_where_the_old_one_is(
    window, tmp_path, monkeypatch, messages, qtbot
):
    path = sound_library(tmp_path / "library.sqlite", articles=3)
    opened(window, path)
    qtbot.waitUntil(lambda: len(backups(path)) == 1)
    backup = backups(path)[0].path
    window.session.rename(1, "Changed after the backup")
    monkeypatch.setattr(
        RestoreBackupDialog, "ask", classmethod(lambda cls, parent, library, found: found[0].path)
    )
    monkeypatch.setattr(ConfirmRestore, "ask", classmethod(lambda cls, *args: True))
    with qtbot.waitSignal(window.session.restore_finished, timeout=20_000) as restored:
        window.library_actions.restore_action.trigger()
    assert restored.args[0].source == backup
    assert window.session.articles.get(1).metadata.title == "Article 0"
    title, text = messages[-1][:2]
    assert title == "Backup restored" and "Restore Backup… undoes this" in text
    kept = restored.args[0].kept
    library = open_library(kept, read_only=True)
    assert ArticleStore(library).get(1).metadata.title == "Changed after the backup"
    library.close()


def test_restore_is_not_done_without_a_yes(window, tmp_path, monkeypatch):
    path = sound_library(tmp_path / "library.sqlite", articles=3)
    opened(window, path)
    window.session.rename(1, "Kept")
    monkeypatch.setattr(
        RestoreBackupDialog, "ask", classmethod(lambda cls, parent, library, found: found[0].path)
    )
    monkeypatch.setattr(ConfirmRestore, "ask", classmethod(lambda cls, *args: False))
    window.library_actions.restore_action.trigger()
    window.session.wait_for_background()
    assert window.session.articles.get(1).metadata.title == "Kept"


def test_the_dialog_lists_the_backups_newest_first(qtbot, tmp_path):
    path = sound_library(tmp_path / "library.sqlite", articles=2)
    back_up(path, now=datetime(2026, 3, 1, 12, tzinfo=UTC))
    library = open_library(path)
    ArticleStore(library).add(imported("New one."))
    library.close()
    back_up(path, now=datetime(2026, 3, 2, 12, tzinfo=UTC))
    dialog = RestoreBackupDialog(path, backups(path))
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    assert "2 March 2026" in dialog.list.item(0).text()
    dialog.accept()
    assert dialog.chosen == backups(path)[0].path

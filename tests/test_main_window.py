"""The window's flows: start-up on the sample, import, paste, drop, duplicates, bad libraries."""

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication

from gui.app import make_window, open_first_article, start_session
from gui.core.storage.article_list import ArticleList
from gui.core.storage.settings_store import OutletStore
from gui.entities.outlets_dialog import OutletsDialog, parse_names
from gui.library.files import ImportFiles
from gui.library.library_model import PAGE
from gui.library.metadata_dialog import MetadataDialog
from gui.session.background import Worker
from gui.widgets.messages import ConfirmDelete, ErrorMessage, OpenExisting
from tests.fakes import install_fake_pipeline

ARTICLE = "Talks in Baghdad\n\nAshton Carter met officials in Baghdad, Reuters reported.\n"


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(
        ErrorMessage, "ask", classmethod(lambda cls, parent, *args: shown.append(args))
    )
    return shown


@pytest.fixture
def window(qtbot, qapp, monkeypatch, errors):
    install_fake_pipeline(monkeypatch)
    window = make_window(qapp)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.session.wait_for_background()
    if window.session.library:
        window.session.close_library()


def wait_for_entities(qtbot, window):
    qtbot.waitUntil(lambda: len(window.pane.view.entities()) > 0, timeout=10_000)


def test_first_start_creates_the_default_library_with_the_sample(window, qtbot, errors):
    start_session(window, None, [])
    library = window.session.library
    assert library.path.is_file() and library.created
    assert "Sourcelight" in str(
        library.path
    )  # the platform's data folder, made private by conftest
    assert window.session.current is not None
    assert window.windowTitle() == f"{window.session.current.metadata.title} — Sourcelight"
    wait_for_entities(qtbot, window)
    assert window.library_panel.model.rowCount() >= 1
    assert errors == []


def test_importing_files_opens_the_first_and_shows_its_entities(
    window, qtbot, tmp_path, monkeypatch
):
    first, second = tmp_path / "a.txt", tmp_path / "b.md"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text("# Second\n\nNothing to see in Geneva.\n", encoding="utf-8")
    monkeypatch.setattr(ImportFiles, "ask", classmethod(lambda cls, parent: [first, second]))
    start_session(window, tmp_path / "lib.sqlite", [])
    with qtbot.waitSignal(window.session.import_finished, timeout=10_000) as finished:
        window.import_action.trigger()
    assert len(finished.args[0].added) == 2
    wait_for_entities(qtbot, window)
    labels = {e.text: e.label for e in window.pane.view.entities()}
    assert labels["Ashton Carter"] == "PERSON" and labels["Reuters"] == "OUTLET"
    assert "Talks in Baghdad" in window.windowTitle()
    assert window.library_panel.model.rowCount() == 2
    assert "2 imported" in window.status_label.text()


def test_entities_are_reused_from_the_library(window, qtbot, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    start_session(window, tmp_path / "lib.sqlite", [path])
    wait_for_entities(qtbot, window)
    pipeline = type(window.session.entity_service.pipeline._pipeline)
    calls = pipeline.calls
    article_id = window.session.current.id
    window.session.open_article(article_id)
    # painted straight from the library (the title's "Baghdad" is metadata, not text)
    assert len(window.pane.view.entity_layer.index) == 3
    qtbot.waitUntil(lambda: len(window.pane.view.entities()) == 3)  # details follow
    assert pipeline.calls == calls


def test_a_duplicate_import_offers_the_existing_article(window, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    start_session(window, tmp_path / "lib.sqlite", [path])
    qtbot.waitUntil(lambda: window.session.current is not None, timeout=10_000)
    original = window.session.current.id
    window.session.open_article(original)
    asked = []
    monkeypatch.setattr(
        OpenExisting, "ask", classmethod(lambda cls, parent, title: asked.append(title) or True)
    )
    copy = tmp_path / "copy.txt"
    copy.write_bytes(path.read_bytes())
    with qtbot.waitSignal(window.session.import_finished, timeout=10_000):
        window.import_paths([copy])
    assert asked == ["Talks in Baghdad"]
    assert window.session.current.id == original
    assert window.session.articles.count() == 1


def test_bad_files_are_named_and_good_ones_still_imported(window, qtbot, tmp_path, errors):
    good, empty, binary = tmp_path / "good.txt", tmp_path / "empty.txt", tmp_path / "blob.pdf"
    good.write_text(ARTICLE, encoding="utf-8")
    empty.write_bytes(b"")
    binary.write_bytes(b"\x00\x01garbage" * 50)
    start_session(window, tmp_path / "lib.sqlite", [])
    with qtbot.waitSignal(window.session.import_finished, timeout=10_000) as finished:
        window.import_paths([good, empty, binary])
    report = finished.args[0]
    assert len(report.added) == 1 and len(report.failures) == 2
    _title, text, details = errors[-1]
    assert "1 imported, 2 failed" in text
    # The reasons stand in the message itself, not behind Show Details.
    assert "empty.txt: the file is empty" in text and "blob.pdf: not a valid PDF" in text
    assert details == ""  # two reasons need no Show Details


def test_pasting_text_adds_an_article(window, qtbot, tmp_path, errors):
    start_session(window, tmp_path / "lib.sqlite", [])
    QGuiApplication.clipboard().setText("Pasted headline\n\nCarter spoke in Baghdad.")
    window.paste_action.trigger()
    assert window.session.current.metadata.title == "Pasted headline"
    QGuiApplication.clipboard().setText("   ")
    window.paste_action.trigger()
    assert errors and "Nothing to add" in errors[-1][0]


def test_dropping_files_imports_them(window, qtbot, tmp_path):
    path = tmp_path / "dropped.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    start_session(window, tmp_path / "lib.sqlite", [])
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPoint(10, 10).toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.session.import_finished, timeout=10_000):
        window.dropEvent(event)
    assert window.session.articles.count() == 1


def test_editing_details_saves_them_and_updates_title(window, qtbot, tmp_path, monkeypatch):
    start_session(window, tmp_path / "lib.sqlite", [])
    QGuiApplication.clipboard().setText(ARTICLE)
    window.paste_action.trigger()
    article = window.session.current
    edited = article.metadata.__class__(title="Edited", outlet="Reuters", credits=("AP Photo/X",))
    monkeypatch.setattr(MetadataDialog, "ask", classmethod(lambda cls, parent, metadata: edited))
    window.details_action.trigger()
    assert window.session.articles.get(article.id).metadata == edited
    assert window.windowTitle() == "Edited — Sourcelight"
    assert window.pane.header.credits.text() == "Credits: AP Photo/X"


def test_deleting_asks_first(window, qtbot, tmp_path, monkeypatch):
    start_session(window, tmp_path / "lib.sqlite", [])
    QGuiApplication.clipboard().setText(ARTICLE)
    window.paste_action.trigger()
    article_id = window.session.current.id
    monkeypatch.setattr(ConfirmDelete, "ask", classmethod(lambda cls, parent, titles: False))
    window.delete_articles([article_id])
    assert window.session.articles.count() == 1
    monkeypatch.setattr(ConfirmDelete, "ask", classmethod(lambda cls, parent, titles: True))
    window.delete_articles([article_id])
    assert window.session.articles.count() == 0
    assert window.session.current is None and window.windowTitle() == "Sourcelight"


def test_a_corrupt_library_is_refused_with_a_message_and_left_alone(window, tmp_path, errors):
    path = tmp_path / "broken.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    before = path.read_bytes()
    start_session(window, path, [])
    assert window.session.library is None
    assert errors and "broken.sqlite" in errors[-1][1]
    assert path.read_bytes() == before


def test_a_read_only_library_opens_with_a_banner_and_no_edits(window, tmp_path, errors):
    path = tmp_path / "lib.sqlite"
    start_session(window, path, [])
    QGuiApplication.clipboard().setText(ARTICLE)
    window.paste_action.trigger()
    window.session.close_library()
    path.chmod(0o444)
    start_session(window, path, [])
    assert window.session.read_only
    assert "Read-only library" in window.pane.banner.text() and window.pane.banner.isVisible()
    assert not window.paste_action.isEnabled() and not window.details_action.isEnabled()
    assert window.session.current is not None  # reading still works


def test_missing_language_model_is_said_once(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(
        "gui.session.entity_service.nlp.pipeline_id", lambda outlets, model=None: None
    )
    start_session(window, tmp_path / "lib.sqlite", [])
    said = []
    window.session.pipeline_missing.connect(said.append)
    for text in (ARTICLE, "Another article\n\nMore text."):
        QGuiApplication.clipboard().setText(text)
        window.paste_action.trigger()
    assert len(said) == 1 and "pip install" in said[0]
    assert "pip install" in window.pane.banner.text()
    assert window.pane.view.body()  # the text is shown all the same


def test_zoom_shortcuts(window, qtbot):
    size = window.pane.view.font().pointSizeF()
    window.zoom_in_action.trigger()
    assert window.pane.view.font().pointSizeF() == size + 1
    window.zoom_reset_action.trigger()
    assert window.pane.view.font().pointSizeF() == size


def test_open_first_article_prefers_the_last_one_read(window, tmp_path):
    start_session(window, tmp_path / "lib.sqlite", [])
    for text in (ARTICLE, "Second\n\nOther text."):
        QGuiApplication.clipboard().setText(text)
        window.paste_action.trigger()
    ids = [s.id for s in window.session.summaries()]
    window.session.open_article(ids[-1])
    window.session.current = None
    open_first_article(window)
    assert window.session.current.id == ids[-1]
    assert isinstance(window.session.library.path, Path)


def test_editing_the_outlet_list_is_kept_and_reanalyses(window, qtbot, tmp_path, monkeypatch):

    assert parse_names(" Reuters \n\nAP\nReuters\n  Al  Jazeera ") == [
        "Reuters",
        "AP",
        "Al Jazeera",
    ]
    monkeypatch.setattr(
        "gui.session.entity_service.nlp.pipeline_id",
        lambda outlets, model=None: f"fake-{len(outlets)}",
    )
    start_session(window, tmp_path / "lib.sqlite", [])
    QGuiApplication.clipboard().setText(ARTICLE)
    window.paste_action.trigger()
    wait_for_entities(qtbot, window)
    calls = type(window.session.entity_service.pipeline._pipeline).calls
    monkeypatch.setattr(OutletsDialog, "ask", classmethod(lambda cls, parent, outlets: ["Haaretz"]))
    window.outlets_action.trigger()
    qtbot.waitUntil(
        lambda: type(window.session.entity_service.pipeline._pipeline).calls == calls + 1,
        timeout=10_000,
    )
    assert OutletStore(window.session.library).outlets() == ["Haaretz"]


def test_clicking_an_entity_lists_its_group_and_copy_works(window, qtbot, tmp_path):
    start_session(window, tmp_path / "lib.sqlite", [])
    QGuiApplication.clipboard().setText(ARTICLE + "\nCarter later left Baghdad.\n")
    window.paste_action.trigger()
    wait_for_entities(qtbot, window)
    view = window.pane.view
    carter = next(e for e in view.entities() if e.text == "Carter")
    rect = view.highlighter.rects_for(carter.start, carter.end)[0]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    panel = window.entities_panel
    qtbot.waitUntil(lambda: panel.mentions.rowCount() == 2)
    assert {panel.mentions.mention(r).text for r in range(2)} == {"Ashton Carter", "Carter"}
    view.select_span(carter.start, carter.end)
    window.copy_action.trigger()
    assert QGuiApplication.clipboard().text() == "Carter"


def test_the_last_article_opens_after_the_list_has_had_a_pass_of_the_event_loop(window, qtbot):
    """A call due at once, asked for right after the library opened (a stand-in for the
    user's input and the window's timers), runs before the article opens."""
    from PySide6.QtCore import QTimer

    start_session(window, None, [])  # a new default library, filled with the samples
    path = window.session.library.path
    window.session.close_library()
    order = []
    window.session.article_opened.connect(lambda a: a is not None and order.append("article"))
    start_session(window, path, [], later=QTimer.singleShot)
    assert window.library_panel.model.rowCount() >= 1 and window.session.current is None
    QTimer.singleShot(0, lambda: order.append("input"))
    qtbot.waitUntil(lambda: window.session.current is not None, timeout=5_000)
    assert order[:2] == ["input", "article"]


def test_building_the_window_learns_the_installed_pipelines_on_a_thread(qapp, monkeypatch):
    """pipeline_id's first call reads importlib.metadata (25-30 ms); the window asks for it
    as the library opens, so it is read while the window is built, off the GUI thread."""
    import threading
    from functools import lru_cache

    from gui.core.entities import models

    models.installed_pipelines.cache_clear()
    seen = []
    real = models.installed_pipelines.__wrapped__

    def recorded():
        seen.append(threading.current_thread().name)
        return real()

    monkeypatch.setattr(models, "installed_pipelines", lru_cache(maxsize=1)(recorded))
    window = make_window(qapp)
    for thread in threading.enumerate():
        if thread.name == "learn-installed":
            thread.join(10)
    window.close()
    window.deleteLater()
    assert "learn-installed" in seen


def test_the_jobs_quitting_stops_include_the_analysis_of_the_article(window):
    workers = window.findChildren(Worker)  # what finish_background stops when the app quits
    assert any(w.parent() is window.session.entity_service for w in workers)
    assert any(w.parent() is window.session for w in workers)  # reads and writes of files


def test_a_row_not_in_memory_is_found_on_a_worker_with_its_page(
    window, qtbot, tmp_path, monkeypatch
):
    start_session(window, tmp_path / "lib.sqlite", [])
    session, panel = window.session, window.library_panel
    (tmp_path / "new.txt").write_text("Talks in Geneva.", encoding="utf-8")
    with qtbot.waitSignal(session.import_finished, timeout=10_000):
        window.import_paths([tmp_path / "new.txt"])
    with session.library.transaction() as db:  # older articles, listed after it
        db.conn.executemany(
            "INSERT INTO articles (title, published, source, format, content_hash, imported_at,"
            " body) VALUES (?, '2001-01-01', 'gen', 'txt', ?, '2001-01-01T00:00:00+00:00', ?)",
            [(f"Old {n:03d}", f"h{n}", f"Old story {n}.") for n in range(3 * PAGE)],
        )
    panel.model.refresh()
    qtbot.waitUntil(lambda: panel.selected_ids() == [session.current.id])
    last = panel.model.rowCount() - 1
    other = ArticleList(session.library, None).page(panel.model.order, last, 1)[0].id
    assert panel.model.known_row(other) is None  # its page is not read yet
    threads: list[int] = []
    real = ArticleList.locate

    def locate(self, article_id, *args):
        threads.append(threading.get_ident())
        return real(self, article_id, *args)

    monkeypatch.setattr(ArticleList, "locate", locate)
    session.open_article(other)
    qtbot.waitUntil(lambda: panel.selected_ids() == [other])
    assert threads and threading.get_ident() not in threads
    assert panel.model.known_row(other) == last  # its page came with it
    # A row found while the list was read anew is looked up again rather than trusted.
    ticket = panel.model.ticket()
    located = real(ArticleList(session.library, None), other, ticket.order, PAGE)
    panel.model.refresh()
    assert not panel.model.take_located(ticket, located)


def test_the_opened_articles_row_is_selected_once_its_text_has_shown(window, qtbot, tmp_path):
    start_session(window, tmp_path / "lib.sqlite", [])
    session, panel = window.session, window.library_panel
    files = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for path, body in zip(files, ("Talks in Geneva.", "Rain in Lisbon."), strict=True):
        path.write_text(body, encoding="utf-8")
    with qtbot.waitSignal(session.import_finished, timeout=10_000):
        window.import_paths(files)
    ids = [row[0] for row in session.library.db.execute("SELECT id FROM articles")]
    qtbot.waitUntil(lambda: panel.selected_ids() == [session.current.id])
    other = next(i for i in ids if i != session.current.id)
    import sys

    sys.path.insert(0, "/tmp")
    import dbg_test  # noqa

    session.open_article(other)
    assert window.pane.view.toPlainText().startswith(session.current.body[:10])
    assert panel.selected_ids() != [other]  # the row is looked up on a later pass
    qtbot.waitUntil(lambda: panel.selected_ids() == [other])

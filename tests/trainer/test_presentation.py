"""Presentation mode spotlights one item at a time, in one lens, with a caption for the room."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from gui.app import make_window, start_session
from gui.core.colours import contrast, rgb
from gui.trainer.presentation import PRESENTER_KEYS
from gui.widgets.messages import ErrorMessage
from tests.fakes import install_fake_pipeline
from tests.pixels import background

ARTICLE = "Talks\n\nCarter met officials in Baghdad, Reuters reported on Monday.\n"


@pytest.fixture
def window(qtbot, qapp, monkeypatch, tmp_path):
    install_fake_pipeline(monkeypatch)
    monkeypatch.setattr(ErrorMessage, "ask", classmethod(lambda cls, parent, *a: None))
    window = make_window(qapp)
    qtbot.addWidget(window)
    window.show()
    start_session(window, tmp_path / "lib.sqlite", [])
    QGuiApplication.clipboard().setText(ARTICLE)
    window.paste_action.trigger()
    qtbot.waitUntil(lambda: len(window.pane.view.entities()) == 3, timeout=10_000)
    yield window
    if window.presenter.active:
        window.presenter.set_presenting(False)
    window.session.wait_for_background()
    window.session.close_library()


def test_the_all_lens_gives_way_to_one_lens_at_a_time(window, qtbot):
    window.sourcing.set_lens("All")
    window.presenter.action.trigger()
    view = window.pane.view
    assert view.lens == "Entities"
    seen = []
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_L)
        seen.append(view.lens)
    assert seen == ["Sourcing", "Hedges", "Entities", "Sourcing"]
    assert "Sourcing lens" in window.presenter.caption.text()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.lens == "All" and window.sourcing.lens_actions["All"].isChecked()


def test_n_spotlights_the_next_finding_and_dims_the_rest(window, qtbot):
    view = window.pane.view
    window.presenter.action.trigger()
    qtbot.wait(10)
    baghdad = ARTICLE.index("Baghdad")
    rect = (
        view.highlighter.rects_for(baghdad, baghdad + 7)[0].toAlignedRect().adjusted(2, 2, -2, -6)
    )
    paper = rgb(view.palette().color(view.palette().ColorRole.Base).name())
    before = background(view.viewport(), rect)
    qtbot.keyClick(view, Qt.Key.Key_N)
    start, end = view.highlighter.spotlight
    assert ARTICLE[start:end] == "Carter"
    caption = window.presenter.caption.text()
    assert "Carter" in caption and "People" in caption and "1 of 3" in caption
    view.viewport().repaint()
    dimmed = background(view.viewport(), rect)
    assert contrast(dimmed, paper) < contrast(before, paper)  # Baghdad's tint is veiled
    carter = view.highlighter.rects_for(start, end)[0].toAlignedRect().adjusted(2, 2, -2, -6)
    assert contrast(background(view.viewport(), carter), paper) > contrast(dimmed, paper)
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert ARTICLE[slice(*view.highlighter.spotlight)] == "Baghdad"
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.highlighter.spotlight is None


def test_the_caption_reads_from_the_back_of_a_room(window, qtbot):
    window.presenter.action.trigger()
    caption = window.presenter.caption
    caption.ensurePolished()
    normal = window.pane.view.font().pointSizeF()
    assert caption.isVisible() and caption.font().pointSizeF() >= 28
    assert caption.font().pointSizeF() > 2 * QGuiApplication.font().pointSizeF()
    assert normal > 13  # the text itself is larger too
    assert caption.accessibleName().startswith("Entities lens")


def test_the_keys_of_presentation_mode_are_listed_from_what_it_answers():
    keys = dict(PRESENTER_KEYS)
    assert keys["N, Space, Right"].startswith("Spotlight the next")
    assert "L" in keys and "R" in keys and "Esc, F11" in keys


def test_the_parts_of_one_quote_are_one_item_and_two_alike_quotes_are_two():
    from gui.core.span_index import Highlight
    from gui.trainer.presentation import _join_parts

    body = "“It burned,” police said.\n\n“It burned,” police said."
    tip = "<b>Direct quote</b> — police"
    second = body.index("“", 1)
    parts = [
        (Highlight(1, 10, "content"), tip),
        (Highlight(13, 19, "anonymous"), tip),
        (Highlight(20, 24, "cue"), tip),
        (Highlight(second + 1, second + 10, "content"), tip),
    ]
    items = _join_parts(body, parts)
    assert [(i.start, i.end) for i in items] == [(1, 24), (second + 1, second + 10)]

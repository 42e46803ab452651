"""The reader's entity menus show type names and entity texts as written, ampersands and all."""

import pytest

from gui.actions import plain_text
from gui.core.entities.pipeline import ENTITY_TYPE_NAMES, Entity
from gui.widgets.messages import ErrorMessage
from tests.fakes import install_fake_pipeline
from tests.window_helpers import article_window

ARTICLE = "Deal\n\nAT&T agreed with Reuters in Baghdad on Monday.\n"


@pytest.fixture
def window(qtbot, qapp, monkeypatch, tmp_path):
    install_fake_pipeline(monkeypatch)
    monkeypatch.setattr(ErrorMessage, "ask", classmethod(lambda cls, parent, *a: None))
    with article_window(qtbot, qapp, tmp_path, ARTICLE) as window:
        yield window


def submenu(menu, title):
    return next(a.menu() for a in menu.actions() if a.menu() and title in plain_text(a.text()))


def test_change_type_to_lists_every_type_by_its_full_name(window):
    offset = ARTICLE.index("Reuters")
    menu = window.annotate.context_menu(offset)
    types = submenu(submenu(menu, "Entity “Reuters”"), "Change Type To")
    shown = [plain_text(action.text()) for action in types.actions()]
    wanted = [name for key, name in ENTITY_TYPE_NAMES.items() if key != "OUTLET"]
    assert shown == wanted
    assert "Nationalities & groups" in shown and "Dates & times" in shown


def test_an_entity_named_with_an_ampersand_keeps_it_in_its_menu(window):
    view = window.pane.view
    start = ARTICLE.index("AT&T")
    view.set_entities([*view.entities(), Entity(start, start + 4, "ORG", "AT&T", "AT&T")])
    view.select_span(start, start + 4)
    menu = window.annotate.context_menu(start)
    assert submenu(menu, "Entity “AT&T”")
    mark = submenu(menu, "Mark Selection as Entity")
    assert [plain_text(a.text()) for a in mark.actions()] == list(ENTITY_TYPE_NAMES.values())

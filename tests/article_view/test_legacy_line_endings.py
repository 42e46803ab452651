"""A body stored with CR LF before importers normalised it: highlights and selections still fit."""

from gui.article_view.reader import ArticleView
from gui.core.entities.pipeline import Entity

BODY = "Talks\r\n\r\nOfficials said that Joe Biden visited Berlin on Monday.\r\nMore follows.\r\n"


def test_selection_and_highlights_land_on_the_words_of_a_crlf_body(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_body(BODY)
    start = BODY.index("Joe Biden visited Berlin")
    end = start + len("Joe Biden visited Berlin")
    view.select_span(start, end)
    assert view.textCursor().selectedText() == "Joe Biden visited Berlin"
    assert view.selected_span() == (start, end)
    berlin = BODY.index("Berlin")
    view.set_entities([Entity(berlin, berlin + 6, "PLACE", "Berlin", "Berlin")])
    cursor = view.cursorForPosition(view.cursorRect().center())  # a real position, for the API
    position = view.highlighter.utf16.to_utf16(berlin)
    cursor.setPosition(position)
    cursor.setPosition(position + 6, cursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "Berlin"
    after = BODY.index("More")
    view.select_span(after, after + 4)
    assert view.textCursor().selectedText() == "More"

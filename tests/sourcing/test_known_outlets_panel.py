"""The article's Sources panel calls a source the sourcing typed a person a news outlet when the
library knows it as one (the outlet of one of its articles), as the library-wide list does."""

import pytest

from gui.app import make_window, start_session
from gui.core.articles import ImportedText, Metadata
from gui.core.library.commands import AddArticles
from gui.core.sourcing.model import Attribution, Findings, Source, SpanText
from gui.core.storage import apply, open_library
from gui.core.storage.sourcing_store import findings_text
from gui.widgets.messages import ErrorMessage
from tests.fakes import install_fake_pipeline

ARTICLE = (
    "Fire at the port\n\nThe fire is out, the Baltic Wire said. We saw smoke, Elin Stahl said.\n"
)


def said(text: str, speaker: str, kind: str) -> Attribution:
    start, at = ARTICLE.index(text), ARTICLE.index(speaker)
    return Attribution(
        start,
        "indirect",
        None,
        Source(SpanText(at, at + len(speaker), speaker), kind),
        SpanText(start, start + len(text), text),
    )


FOUND = Findings(
    attributions=(
        said("The fire is out", "the Baltic Wire", "person"),  # the finders did not know it
        said("We saw smoke", "Elin Stahl", "person"),
    )
)


def text(body: str, outlet: str) -> ImportedText:
    return ImportedText(
        body=body,
        metadata=Metadata(title=body[:10], outlet=outlet),
        source=f"{outlet}.txt",
        format="txt",
    )


@pytest.fixture
def window(qtbot, qapp, monkeypatch, tmp_path):
    install_fake_pipeline(monkeypatch)
    monkeypatch.setattr(
        "gui.session.sourcing_service.analyse",
        lambda holder, article, outlets, entities, lexicons, progress: (
            FOUND,
            findings_text(FOUND),
        ),
    )
    shown = []
    monkeypatch.setattr(ErrorMessage, "ask", classmethod(lambda cls, parent, *a: shown.append(a)))
    path = tmp_path / "lib.sqlite"
    library = open_library(path)
    apply(library, AddArticles((text("Wire copy.\n", "Baltic Wire"), text(ARTICLE, "Herald"))))
    library.close()
    window = make_window(qapp)
    qtbot.addWidget(window)
    window.show()
    start_session(window, path, [])
    qtbot.waitUntil(lambda: window.session.library is not None, timeout=10_000)
    yield window
    assert shown == []
    window.session.wait_for_background()
    window.session.close_library()


def test_a_source_typed_a_person_that_is_an_outlet_of_the_library_is_a_news_outlet(qtbot, window):
    window.session.open_article(2)
    model = window.sources_panel.model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10_000)
    types = {model.index(r, 0).data(): model.index(r, 1).data() for r in range(2)}
    assert types == {"the Baltic Wire": "News outlet", "Elin Stahl": "Named person"}


def test_the_findings_service_says_the_same_to_the_command_line_and_the_reports(tmp_path):
    """ArticleFindings.summary (what the CLI and the reports read) types it as the panel does."""
    from gui.core import findings as article_findings
    from gui.core.storage.articles_store import ArticleStore

    library = open_library(tmp_path / "lib.sqlite")
    apply(library, AddArticles((text("Wire copy.\n", "Baltic Wire"), text(ARTICLE, "Herald"))))
    article = ArticleStore(library).get(2)
    shown = article_findings.compose(library, article, (), FOUND, "fake")
    types = {row.name: row.type for row in shown.summary.sources}
    assert types == {"the Baltic Wire": "outlet", "Elin Stahl": "person"}
    assert article_findings.summary_of(library, FOUND, ()).sources == shown.summary.sources
    library.close()


def test_the_known_outlets_are_read_again_once_the_library_changed(tmp_path):
    """Kept between articles' findings, but never stale: a change by this connection or by
    another program's is seen."""
    import sqlite3

    from gui.core import findings as article_findings

    path = tmp_path / "lib.sqlite"
    library = open_library(path)
    apply(library, AddArticles((text("Wire copy.\n", "Baltic Wire"),)))
    first = article_findings.known_outlets(library)
    assert first == {"baltic wire"}
    assert article_findings.known_outlets(library) is first  # nothing changed: not read again
    apply(library, AddArticles((text("Herald copy.\n", "Herald"),)))
    assert article_findings.known_outlets(library) == {"baltic wire", "herald"}
    other = sqlite3.connect(path)
    other.execute("UPDATE articles SET outlet = 'Northshore Courier' WHERE outlet = 'Herald'")
    other.commit()
    other.close()
    assert article_findings.known_outlets(library) == {"baltic wire", "northshore courier"}
    library.close()

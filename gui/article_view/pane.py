"""The article pane: banner, header card, legend, the text itself and the find bar."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.article_view.find_bar import FindBar
from gui.article_view.header import ArticleHeader
from gui.article_view.legend import Legend
from gui.article_view.reader import ArticleView
from gui.core.articles import Article
from gui.widgets.accessible import describe


class Banner(QLabel):
    """A message across the top of the pane (read-only library, missing language model)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setWordWrap(True)
        # Its name is the message itself, as a label's is; the description says what it is.
        self.setAccessibleDescription("A message about the library or the article open")
        self.hide()

    def say(self, text: str) -> None:
        """Show a message; an empty one hides the banner."""
        self.setText(text)
        self.setVisible(bool(text))


class ArticlePane(QWidget):
    """Everything shown of one article, composed; it computes nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        describe(self, "Article", "The article open: its details, legend and text")
        self.banner = Banner(self)
        self.header = ArticleHeader(self)
        self.legend = Legend(self)
        self.view = ArticleView(self)
        self.find_bar = FindBar(self.view, self)
        self.placeholder = QLabel(
            "No article open.\n\nImport one with File ▸ Import Files… "
            f"({QKeySequence(QKeySequence.StandardKey.Open).toString()}), drop files here,\n"
            "or paste text as a new article (Ctrl+Shift+V).",
            objectName="placeholder",
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for widget in (self.banner, self.header, self.legend, self.view, self.placeholder):
            layout.addWidget(widget)
        layout.addWidget(self.find_bar)
        self.legend.hidden_changed.connect(self.view.set_hidden_types)
        self.show_article(None)

    def chrome(self) -> list[QWidget]:
        """What presentation mode hides around the text."""
        return [self.banner, self.header, self.legend, self.find_bar]

    def show_article(self, article: Article | None) -> None:
        """Show an article's text and metadata at once; entities follow later."""
        has_article = article is not None
        for widget in (self.header, self.legend, self.view):
            widget.setVisible(has_article)
        self.placeholder.setVisible(not has_article)
        if self.find_bar.isVisible():
            self.find_bar.close_bar()
        if article is None:
            self.view.set_body("")
            return
        self.header.set_metadata(article.metadata, article.source)
        self.view.set_body(article.body)
        self.legend.set_labels([])

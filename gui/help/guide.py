"""The user guide, bundled with the program and shown in a window of its own: no network."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from gui.core.resources import resource
from gui.widgets.accessible import describe

GUIDE = ("help", "guide.md")


def guide_text() -> str:
    """The guide's Markdown, as bundled."""
    return resource(*GUIDE).read_text(encoding="utf-8")


class GuideWindow(QDialog):
    """The guide beside the main window, for reading while working (it does not block)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sourcelight User Guide")
        self.resize(760, 820)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)  # offline: nothing is fetched from anywhere
        self.browser.setMarkdown(guide_text())
        describe(self.browser, "User guide", "How to read, annotate, assess sources and teach")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None) -> GuideWindow:
        """Show the guide (the same window again if it is open) and return it."""
        window = parent.findChild(GuideWindow) if parent else None
        window = window or cls(parent)
        window.show()
        window.raise_()
        window.activateWindow()
        return window

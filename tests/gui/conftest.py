"""Fixtures for widget tests: an isolated QSettings, a session on a fresh library, a window."""

import pytest
from PySide6.QtCore import QSettings

from gui.core.articles import ImportedText, Metadata


@pytest.fixture(autouse=True)
def isolated_settings(qapp, tmp_path):
    """Each test gets empty window settings in its own folder."""
    qapp.setOrganizationName("SourcelightTests")
    qapp.setApplicationName("SourcelightTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))
    QSettings().clear()
    yield


def make_text(body: str, title: str = "", source: str = "test.txt") -> ImportedText:
    """An imported text as an importer would hand it over."""
    return ImportedText(body=body, metadata=Metadata(title=title), source=source, format="txt")

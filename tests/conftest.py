"""Test settings shared by the whole suite: headless Qt, and no real user data touched."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TESTS = Path(__file__).resolve().parent
QT_FREE_FOLDERS = frozenset({"core", "cli", "bench"})  # mirror gui.core and gui.cli: no Qt


@pytest.fixture(autouse=True)
def private_user_folders(tmp_path_factory, monkeypatch):
    """Point the platform's data and config folders at a temporary place for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    return home


@pytest.fixture(autouse=True)
def isolated_settings(request, tmp_path):
    """Widget tests get empty window settings in their own folder; Qt-free tests never load Qt."""
    if Path(request.node.path).resolve().relative_to(TESTS).parts[0] in QT_FREE_FOLDERS:
        yield
        return
    from PySide6.QtCore import QSettings

    qapp = request.getfixturevalue("qapp")
    qapp.setOrganizationName("SourcelightTests")
    qapp.setApplicationName("SourcelightTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))
    QSettings().clear()
    yield

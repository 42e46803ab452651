"""install-desktop: the menu entry, icon and MIME type, in the user's XDG data folder only."""

from __future__ import annotations

import configparser
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from gui.cli import desktop
from tests.cli.helpers import ROOT, run_cli


@pytest.fixture
def data_home(tmp_path, monkeypatch) -> Path:
    """A private XDG data folder, and no cache tools run."""
    home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    monkeypatch.setattr(desktop, "refresh_caches", lambda files: None)
    return home


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_it_writes_entry_icon_and_mime_type_under_xdg_data_home(capsys, data_home, monkeypatch):
    monkeypatch.setattr(sys, "argv", [str(ROOT / "main.py")])
    code, out, _ = run_cli(capsys, "install-desktop")
    assert code == 0
    entry = _entry(data_home / "applications" / "sourcelight.desktop")
    assert entry["Type"] == "Application"
    assert entry["Exec"] == f"{sys.executable} {ROOT / 'main.py'} %f"
    assert entry["Icon"] == "sourcelight"
    assert entry["MimeType"] == "application/x-sourcelight;"
    icon = data_home / "icons" / "hicolor" / "scalable" / "apps" / "sourcelight.svg"
    assert icon.read_bytes() == (ROOT / "resources" / "icons" / "sourcelight.svg").read_bytes()
    mime = ElementTree.parse(data_home / "mime" / "packages" / "sourcelight.xml").getroot()
    ns = "{http://www.freedesktop.org/standards/shared-mime-info}"
    (kind,) = mime.iter(f"{ns}mime-type")
    assert kind.get("type") == desktop.MIME_TYPE
    assert [g.get("pattern") for g in kind.iter(f"{ns}glob")] == ["*.sourcelight"]
    assert out.count("wrote ") == 3


def test_remove_takes_away_what_it_wrote(capsys, data_home, monkeypatch):
    monkeypatch.setattr(sys, "argv", [str(ROOT / "main.py")])
    run_cli(capsys, "install-desktop")
    code, out, _ = run_cli(capsys, "install-desktop", "--remove")
    assert code == 0
    assert out.count("removed ") == 3
    assert not list(data_home.rglob("*sourcelight*"))


def test_an_installed_script_is_named_by_its_path_unresolved(tmp_path, monkeypatch):
    bin_dir = tmp_path / "my apps" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "sourcelight").write_text("#!/bin/sh\n")
    monkeypatch.setattr(sys, "argv", [str(bin_dir / "sourcelight")])
    assert desktop.launcher() == [str(bin_dir / "sourcelight")]


def test_exec_arguments_are_quoted_and_escaped_as_the_specification_says():
    line = desktop.exec_line(["/opt/my apps/sourcelight", 'a"b', "c$d", "100%", "back\\slash"])
    assert line == ('"/opt/my apps/sourcelight" "a\\\\"b" "c\\\\$d" 100%% "back\\\\\\\\slash"')


def test_a_relative_xdg_data_home_is_ignored_as_the_specification_says(monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", "relative/path")
    assert desktop.data_home() == Path.home() / ".local" / "share"


def test_the_cache_tools_run_when_installed(tmp_path, monkeypatch):
    data_home = tmp_path / "data"
    ran = []
    monkeypatch.setattr(desktop.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(desktop, "_run", ran.append)
    files = desktop.DesktopFiles.under(data_home)
    desktop.install(files, ["sourcelight"])
    desktop.refresh_caches(files)
    assert [tool[0] for tool in ran] == [
        "update-mime-database",
        "update-desktop-database",
        "xdg-mime",
    ]
    assert ran[0][1] == str(data_home / "mime")

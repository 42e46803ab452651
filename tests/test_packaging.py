"""The wheel carries everything the program reads, and an installed copy finds it.

The wheel is built from a copy of the files a source distribution holds, so what a checkout
happens to have lying around (build/, *.egg-info) cannot hide a missing file.
"""

from __future__ import annotations

import email
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
SOURCE_FILES = ("gui", "resources", "pyproject.toml", "README.md", "LICENSE")
NOT_SHIPPED = {"screenshot.png"}  # the README's picture; the program never reads it


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel pip builds from a clean copy of the source tree."""
    tree = tmp_path_factory.mktemp("source")
    for name in SOURCE_FILES:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy2
        copy(ROOT / name, tree / name)
    out = tmp_path_factory.mktemp("dist")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), "."]
    if _has_new_setuptools():  # else pip builds in isolation, with setuptools from the index
        command.insert(-1, "--no-build-isolation")
    done = subprocess.run(command, cwd=tree, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    (built,) = out.glob("sourcelight-*.whl")
    return built


def _has_new_setuptools() -> bool:
    """True when this environment can build the project offline (setuptools 77 or newer)."""
    try:
        return Version(metadata.version("setuptools")) >= Version("77")
    except metadata.PackageNotFoundError:
        return False


def _names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_the_wheel_holds_every_resource_file_the_program_reads(wheel):
    shipped = [
        path
        for path in (ROOT / "resources").rglob("*")
        if path.is_file() and path.name not in NOT_SHIPPED and "__pycache__" not in path.parts
    ]
    assert len(shipped) >= 10  # lexicons, samples, styles, icons, desktop files
    with zipfile.ZipFile(wheel) as archive:
        for path in shipped:
            name = "gui/resources/" + path.relative_to(ROOT / "resources").as_posix()
            assert archive.read(name) == path.read_bytes(), name
        assert not [n for n in archive.namelist() if n.endswith("screenshot.png")]


def test_the_wheel_holds_every_module_of_gui(wheel):
    names = _names(wheel)
    missing = [
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "gui").rglob("*.py")
        if path.relative_to(ROOT).as_posix() not in names
    ]
    assert not missing, f"add their packages to [tool.setuptools] packages: {missing}"


def test_the_wheel_declares_the_licence_the_script_and_plain_dependencies(wheel):
    with zipfile.ZipFile(wheel) as archive:
        info = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        meta = email.message_from_bytes(archive.read(info))
        points = archive.read(info.replace("METADATA", "entry_points.txt")).decode()
    assert meta["License-Expression"] == "MIT"
    assert "sourcelight = gui.app:main" in points
    requirements = [Requirement(r) for r in meta.get_all("Requires-Dist")]
    runtime = [r for r in requirements if "extra" not in str(r.marker or "")]
    # An extra of a package that renamed it makes pip warn on every install (lxml[html_clean]).
    assert [str(r) for r in runtime if r.extras] == []
    assert "lxml-html-clean" in {r.name.lower().replace("_", "-") for r in runtime}


def test_the_build_needs_a_setuptools_that_reads_the_licence_string():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (requirement,) = [Requirement(r) for r in config["build-system"]["requires"]]
    assert requirement.name == "setuptools"
    assert not requirement.specifier.contains("76.1")
    assert requirement.specifier.contains("77.0.3")


def test_an_installed_wheel_finds_its_resources_away_from_the_checkout(wheel, tmp_path):
    site = tmp_path / "site"
    install = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site)]
    done = subprocess.run([*install, str(wheel)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    probe = (
        "import gui, gui.core.resources as r\n"
        "from gui.core.sourcing.lexicons import default_lexicons\n"
        "from gui.core.entities.outlets import default_outlets\n"
        "assert default_lexicons() and len(default_outlets()) > 50\n"
        "print(gui.__file__); print(r.RESOURCES)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    ran = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert ran.returncode == 0, ran.stderr
    module, resources = ran.stdout.split()
    assert Path(module).is_relative_to(site)
    assert Path(resources) == site / "gui" / "resources"
    help_run = subprocess.run(
        [sys.executable, "-c", "from gui.app import main; raise SystemExit(main(['--help']))"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert help_run.returncode == 0, help_run.stderr
    assert "install-desktop" in help_run.stdout


def test_the_readme_starts_with_the_two_commands_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [line for line in readme.splitlines() if line.startswith("python3 -m venv")]
    assert commands[:2] == [
        "python3 -m venv --upgrade-deps .venv && .venv/bin/pip install -e . && "
        ".venv/bin/python main.py",
        "python3 -m venv --upgrade-deps .venv && .venv/bin/pip install -e '.[test]' && "
        ".venv/bin/python -m pytest",
    ]
    assert readme.index(commands[1]) < readme.index("## What it is")


def test_the_readme_names_the_debian_packages_ci_installs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| Debian"))
    named = set(row.split("`sudo apt install ")[1].split("`")[0].split())
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    block = script.split("QT_RUNTIME_PACKAGES=(")[1].split(")")[0]
    installed = {word for line in block.splitlines() for word in line.split("#")[0].split()}
    assert named == (installed - {"poppler-utils"}) | {"python3-venv"}
    fedora = next(line for line in readme.splitlines() if line.startswith("| Fedora"))
    assert "xcb-util-cursor" in fedora and "libxkbcommon-x11" in fedora

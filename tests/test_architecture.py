"""The tree keeps its shape: a Qt-free core, layers, no import loops, small modules, clean lint."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

IMPORT_ALL_CORE = """
import importlib, pkgutil, sys
import gui.core
for module in pkgutil.walk_packages(gui.core.__path__, "gui.core."):
    importlib.import_module(module.name)
loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("PySide6", "shiboken6"))
assert not loaded, loaded
print(len([m for m in sys.modules if m.startswith("gui.core")]))
"""


def test_every_core_module_imports_without_qt():
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL_CORE], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 8  # the walk really found the modules


def test_import_linter_contract_is_kept():
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 kept, 0 broken" in result.stdout


def test_ruff_finds_nothing_to_fix():
    ruff = Path(sys.executable).parent / "ruff"
    for command in (["check", "--quiet"], ["format", "--check", "--quiet"]):
        result = subprocess.run(
            [str(ruff), *command, "gui", "tests", "main.py"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr


SHELL = {"__init__.py", "app.py", "main_window.py", "actions.py", "settings.py"}
MAX_LINES = 400


def test_only_the_application_shell_sits_at_the_top_of_gui():
    assert {path.name for path in (ROOT / "gui").glob("*.py")} == SHELL


def test_every_feature_folder_of_gui_has_its_tests_beside_it():
    features = {p.name for p in (ROOT / "gui").iterdir() if (p / "__init__.py").is_file()}
    tests = {p.name for p in (ROOT / "tests").iterdir() if (p / "__init__.py").is_file()}
    assert features - {"widgets"} <= tests  # shared widgets are tested through their users


def test_no_module_is_longer_than_the_house_limit():
    long = {
        str(path.relative_to(ROOT)): lines
        for path in (ROOT / "gui").rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}

"""The tree keeps its shape: a Qt-free core, layers, no import loops, small modules, clean lint."""

import os
import subprocess
import sys
from pathlib import Path

import grimp

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


SHELL = {"__init__.py", "app.py", "main_window.py", "composition.py", "actions.py", "settings.py"}
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


FIRST_PAINT = """
import sys
from PySide6.QtWidgets import QApplication
from gui.app import make_window
app = QApplication([])
window = make_window(app)
window.show()
app.processEvents()
heavy = ("gui.cli.main", "gui.cli.commands", "spacy", "trafilatura", "docx", "pypdf",
         "gui.core.sourcing.analysis", "gui.core.interchange", "gui.core.reports")
print(sorted(name for name in sys.modules if name.startswith(heavy)))
"""


def test_the_first_paint_waits_for_no_command_line_or_feature_loaded_later():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT], cwd=ROOT, capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_no_module_imports_itself_through_a_loop():
    graph = grimp.build_graph("gui")
    loops = [sorted(group) for group in _strongly_connected(graph) if len(group) > 1]
    assert loops == []


def _strongly_connected(graph) -> list[set[str]]:
    """Tarjan's strongly connected components of the import graph (function imports too)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[set[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = {stack.pop()}
            while module not in group:
                group.add(stack.pop())
            found.append(group)

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found

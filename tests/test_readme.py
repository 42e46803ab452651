"""The README says what the code does: its figures and its keys follow the code they describe."""

import re
from pathlib import Path

from PySide6.QtGui import QKeySequence

from gui.sourcing.checks_panel import CHECK_KEYS
from gui.trainer.presentation import KEYS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def shortcut_row(keys: str) -> str:
    """The row of the README's shortcut table for these keys."""
    return next(line for line in README.splitlines() if line.startswith(f"| {keys} |"))


def test_the_accuracy_is_given_for_the_fixtures_there_are():
    golds = len(list((ROOT / "tests" / "fixtures" / "sourcing").glob("*.gold")))
    said = re.search(r"Accuracy of the sourcing rules on our (\d+) fixture articles", README)
    assert said and int(said.group(1)) == golds


def test_the_shortcut_table_has_every_key_of_presentation_mode_and_the_checks_panel():
    row = shortcut_row("F11")
    for keys, _command, _text in KEYS:
        name = QKeySequence(keys[0]).toString()
        assert re.search(rf"\b{re.escape(name)}\b", row), name
    assert shortcut_row(", ".join(key for key, _ in CHECK_KEYS))

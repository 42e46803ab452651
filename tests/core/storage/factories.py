"""Small builders for storage tests."""

from __future__ import annotations

from gui.core.articles import ImportedText, Metadata


def imported(body: str, title: str = "", **metadata: object) -> ImportedText:
    """An ImportedText as an importer would hand it over."""
    return ImportedText(body, Metadata(title=title, **metadata), "/tmp/a.txt", "txt")  # type: ignore[arg-type]


def big_body(words: int, seed: str = "") -> str:
    """A body of many distinct words, which neither compresses nor repeats across seeds."""
    return " ".join(f"word{seed}{n:07d}" for n in range(words))

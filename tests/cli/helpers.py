"""What the command-line tests share: texts, a fake pipeline, running a command in-process."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from gui.cli.main import main
from gui.core.entities.pipeline import Entity
from gui.core.sourcing.model import Findings
from gui.core.storage import Library, open_library
from tests.core.interchange_helpers import annotate, comparable

SOURCING_KEYS = ("attributions", "hedges", "numbers", "checks", "summary")

ROOT = Path(__file__).resolve().parents[2]

# Curly quotes and emoji (outside the BMP, one with a skin-tone modifier) before the entities,
# so that any offset counted in bytes or UTF-16 units lands in the wrong place.
TALKS = (
    "Ceasefire talks resume in Geneva\n\n"
    "By Maria Lopez\n\n"
    "\u201cWe are not leaving,\u201d Angela Merkel told reporters \U0001f642 in Berlin on "
    "Tuesday. Officials from the United Nations said 40 people attended. \U0001f44d\U0001f3fd "
    "Merkel later left.\n"
)
FLOODS = "Floods hit Lagos\n\nHeavy rain flooded parts of Lagos on Sunday, officials said.\n"


def write(folder: Path, name: str, text: str) -> Path:
    """Write text as UTF-8 with the line endings exactly as given."""
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return path


def mentions(text: str, *found: tuple[str, str, str]) -> list[Entity]:
    """Entities for the first occurrence of each (text, label, group) in text."""
    entities = []
    for surface, label, group in found:
        start = text.index(surface)
        entities.append(Entity(start, start + len(surface), label, surface, group))
    return sorted(entities)


@dataclass
class FakePipeline:
    """Stands in for the spaCy pipeline: fixed entities, and a count of the texts analysed."""

    entities: list[Entity] = field(default_factory=list)
    id: str = "fake-pipeline"
    texts: list[str] = field(default_factory=list)
    loads: int = 0
    findings: dict = field(default_factory=dict)  # what the sourcing analysis finds, as JSON
    sourced: list[tuple[str, object, list[Entity]]] = field(default_factory=list)

    def analyse(self, text: str, progress=None, cancelled=None) -> list[Entity]:
        self.texts.append(text)
        return list(self.entities)

    def sourcing(
        self, body: str, pipeline: object, entities, lexicons=None, progress=None, metadata=None
    ):
        """Stands in for the sourcing analysis, recording what it was given."""
        self.sourced.append((body, pipeline, list(entities)))
        return Findings.from_json(self.findings)


def run_cli(capsys: pytest.CaptureFixture, *argv: object) -> tuple[int, str, str]:
    """Run the command line in-process; return the exit code, stdout and stderr."""
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def annotated_library(capsys: pytest.CaptureFixture, library: Path, articles: Path) -> None:
    """Import floods.txt into the library file and annotate it twice (one without a note)."""
    run_cli(capsys, "--library", library, "import", articles / "floods.txt")
    with closing_library(library) as opened:
        annotate(opened, 1, "Heavy rain", "Claim", note='Rain, "heavy"\nsays who?')
        annotate(opened, 1, "officials said", "Source", annotator="")


@contextmanager
def closing_library(path: Path) -> Iterator[Library]:
    """The library file opened, and closed afterwards."""
    opened = open_library(path)
    try:
        yield opened
    finally:
        opened.close()


def annotations_of(path: Path, article_id: int = 1) -> list[tuple]:
    """The article's annotations in a library file, without ids."""
    with closing_library(path) as opened:
        return comparable(opened, article_id)

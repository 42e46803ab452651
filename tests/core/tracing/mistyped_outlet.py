"""Three articles we wrote where the sourcing types an outlet as a person, and a person whose
name is one word of that outlet's.

1 Kestrel Bay Herald: the harbour master, direct (the library knows the Herald as an outlet).
2 Northshore Courier: two statements of "the Kestrel Bay Herald", typed a person by the finders
  (the outlet list holds only the default outlets), and Berg direct.
3 Fennick Gazette: a person named Kestrel (key "kestrel", no outlet's), and the harbour master.
"""

from __future__ import annotations

from pathlib import Path

from gui.core.entities.pipeline import default_outlets, load_pipeline
from gui.core.importing.markdown import parse
from gui.core.storage import Library
from tests.core.tracing.library_helper import analysed_library

ARTICLES = (
    (
        "Kestrel Bay Herald",
        "2026-03-01",
        "The port of Kestrel Bay was shut on Monday after a fire on a tanker.\n\n"
        '"We will keep the harbour closed until every container has been checked,"'
        " harbour master Jonas Berg said.",
    ),
    (
        "Northshore Courier",
        "2026-03-02",
        "The port of Kestrel Bay stayed shut on Tuesday.\n\n"
        '"The harbour stays closed until every container has been checked,"'
        " the Kestrel Bay Herald reported.\n\n"
        "The port will reopen on Friday, the Kestrel Bay Herald said.\n\n"
        '"The tanker is towed away," harbour master Jonas Berg said.',
    ),
    (
        "Fennick Gazette",
        "2026-03-03",
        "Fennick watched the fire across the water.\n\n"
        '"Nobody on our side of the bay was hurt," Kestrel said.\n\n'
        '"The tanker is towed away," harbour master Jonas Berg said.',
    ),
)
# The Herald's edge: its two statements in the Courier, as the finders name the speaker.
HERALD_EDGE = ("Kestrel Bay Herald", "Northshore Courier", 2)
HERALD_STATEMENTS = [
    (2, "The harbour stays closed until every container has been checked"),
    (2, "The port will reopen on Friday"),
]


def mistyped_library(path: Path | None = None) -> Library:
    """The three articles analysed with the default outlet list only (in memory, or at path)."""
    outlets = list(default_outlets())
    texts = [
        parse(f"---\ntitle: Port\noutlet: {outlet}\ndate: {day}\n---\n\n{body}\n".encode(), "a.md")
        for outlet, day, body in ARTICLES
    ]
    return analysed_library(load_pipeline(outlets), texts, path, outlets)

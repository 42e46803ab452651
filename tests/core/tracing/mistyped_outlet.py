"""Four articles we wrote where the sourcing types an outlet as a person (a speaker, a relay),
and a person whose name is one word of that outlet's.

1 Kestrel Bay Herald: the harbour master, direct (the library knows the Herald as an outlet).
2 Northshore Courier: two statements of "the Kestrel Bay Herald", typed a person by the finders
  (the outlet list holds only the default outlets), and Berg direct.
3 Fennick Gazette: a person named Kestrel (key "kestrel", no outlet's), and the harbour master.
4 Lowmoor Times: the harbour master "quoted by the Kestrel Bay Herald": the Herald relays him,
  a relay the finders type a person.
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
    (
        "Lowmoor Times",
        "2026-03-04",
        "The port of Kestrel Bay will reopen on Friday.\n\n"
        "Harbour master Jonas Berg was quoted by the Kestrel Bay Herald as saying"
        " that the fire was out.",
    ),
)
# The Herald's edge: its two statements in the Courier, as the finders name the speaker.
HERALD_EDGE = ("Kestrel Bay Herald", "Northshore Courier", 2)
HERALD_STATEMENTS = [
    (2, "The harbour stays closed until every container has been checked"),
    (2, "The port will reopen on Friday"),
]
# The Herald as the harbour master's relay in the Times, as the finders name it.
RELAY_EDGE = ("Kestrel Bay Herald", "Lowmoor Times", 1)
RELAY_STATEMENTS = [(4, "the fire was out")]


def mistyped_library(path: Path | None = None) -> Library:
    """The four articles analysed with the default outlet list only (in memory, or at path)."""
    outlets = list(default_outlets())
    texts = [
        parse(f"---\ntitle: Port\noutlet: {outlet}\ndate: {day}\n---\n\n{body}\n".encode(), "a.md")
        for outlet, day, body in ARTICLES
    ]
    return analysed_library(load_pipeline(outlets), texts, path, outlets)

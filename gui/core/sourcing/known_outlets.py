"""An outlet the sourcing did not recognise is still an outlet, when the library knows it as one.

The finders type a source by its words and entities: "the Baltic Wire" quoted like a person
becomes a person, an outlet named like a ministry an institution. The library knows better:
a key that is the outlet of one of its articles, or that a relay chain passes through as an
outlet, names an outlet (LibraryRowsStore.outlet_keys), however one article typed it. The
library-wide Sources list decides so when it merges sources; these say the same of one
article's sources and of the links of a relay chain.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from gui.core.sourcing.keys import name_key
from gui.core.sourcing.source_rows import SourceRow

MISTAKEN = frozenset({"person", "institution"})  # what an unrecognised outlet is called


def source_type(kind: str, name: str, outlets: Collection[str]) -> str:
    """kind, or "outlet" when a person or institution of this name is an outlet the library knows.

    outlets: keys known to name outlets (name_key of the names).
    """
    if kind in MISTAKEN and outlets and name_key(name) in outlets:
        return "outlet"
    return kind


def with_known_outlets(rows: Sequence[SourceRow], outlets: Collection[str]) -> list[SourceRow]:
    """An article's source rows, those the library knows to be outlets typed so."""
    found = []
    for row in rows:
        kind = source_type(row.type, row.name, outlets)
        found.append(row if kind == row.type else replace(row, type=kind))
    return found

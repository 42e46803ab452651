"""The tracing fixtures: six articles we wrote about one tanker fire, over four days, four outlets.

01 Herald day 1: the mayor's quote first, 12 injured, an anonymous port official.
02 Wire day 1: relays the Herald (the quote, 14 injured, the captain); the harbour master first.
03 Herald day 2: relays the Wire (the harbour master); the official again; the captain direct.
04 Courier day 3: the quote drifts ("shut", "single", "is checked"); about 20 injured.
05 Wire day 4: the quote shortened; 21 injured.
06 Gazette day 3: a decoy, another speaker's statement with many of the same words.
"""

from __future__ import annotations

from pathlib import Path

from gui.core.articles import Article
from gui.core.entities.pipeline import default_outlets
from gui.core.importing.markdown import parse

FOLDER = Path(__file__).resolve().parents[2] / "fixtures" / "tracing"
OUTLETS = ("Kestrel Bay Herald", "Baltic Wire", "Northshore Courier", "Fennick Gazette")


def library_outlets() -> list[str]:
    """The outlet list of the fixtures' library: the default one and the fixtures' outlets."""
    return [*default_outlets(), *OUTLETS]


def fixture_files() -> list[Path]:
    """The fixture articles in their order (their ids are 1..6 in this order)."""
    return sorted(FOLDER.glob("*.md"))


def fixture_articles() -> list[Article]:
    """The fixture articles as a library would keep them, ids 1..6."""
    found = []
    for number, path in enumerate(fixture_files(), start=1):
        text = parse(path.read_bytes(), path.name)
        found.append(Article(number, text.body, text.metadata, path.name, "md", str(number), ""))
    return found

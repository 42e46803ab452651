"""Quote integrity: square-bracket insertions and ellipses inside quoted words.

Brackets and ellipses inside a quote mean that someone between the speaker and the reader
changed the words: "[nearly 12 miles]" was added, "..." left something out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from gui.core.sourcing.model import Attribution, IntegrityFlag

_INSERTION = re.compile(r"\[[^\[\]\n]{0,200}\]")
_ELLIPSIS = re.compile(r"\u2026|\.(?:\s?\.){2,}")
QUOTED_KINDS = frozenset({"direct", "mixed", "partial", "floating"})


def find_integrity(body: str, attributions: Sequence[Attribution]) -> list[IntegrityFlag]:
    """Insertions and ellipses inside the quoted content of attributions, by position."""
    flags: dict[tuple[int, int], IntegrityFlag] = {}
    for attribution in attributions:
        if not _quoted(attribution):
            continue
        for flag in _flags(body, attribution.content.start, attribution.content.end):
            flags.setdefault((flag.start, flag.end), flag)
    return [flags[key] for key in sorted(flags)]


def _quoted(attribution: Attribution) -> bool:
    """True when the attribution's content is somebody's exact words."""
    return attribution.quote_marks or attribution.kind in QUOTED_KINDS


def _flags(body: str, start: int, end: int) -> Iterator[IntegrityFlag]:
    """The flags inside body[start:end]."""
    for pattern, kind in ((_INSERTION, "insertion"), (_ELLIPSIS, "ellipsis")):
        for match in pattern.finditer(body, start, end):
            yield IntegrityFlag(match.start(), match.end(), match.group(), kind)

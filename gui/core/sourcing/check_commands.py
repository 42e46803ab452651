"""What the user decides about a check (confirmed or dismissed), and the commands that say so.

A decision is kept under the check's key (kind, text and start of its first span), so that a
new analysis of the same text finds it again. Like every command, gui.core.storage's
commands_store carries these out in one transaction and returns their inverse.
"""

from __future__ import annotations

from dataclasses import dataclass

from gui.core.changes import Change

CHECK_STATUSES: tuple[str, ...] = ("confirmed", "dismissed")
_EXCERPT_CHARS = 30


def _check_status(status: str) -> None:
    """ValueError unless status is a known decision."""
    if status not in CHECK_STATUSES:
        raise ValueError(f"unknown check decision {status!r}")


def _excerpt(key: str) -> str:
    """The text of a check key, shortened, for undo descriptions."""
    text = key.partition("|")[2].rpartition("@")[0] or key
    flat = " ".join(text.split())
    return flat if len(flat) <= _EXCERPT_CHARS else flat[: _EXCERPT_CHARS - 1].rstrip() + "…"


@dataclass(frozen=True)
class CheckDecision:
    """The user's verdict on one check of an article."""

    article_id: int
    check_key: str
    kind: str
    status: str
    note: str = ""
    annotator: str = ""
    modified: str = ""  # ISO 8601, UTC

    def __post_init__(self) -> None:
        _check_status(self.status)


@dataclass(frozen=True)
class SetCheckDecision:
    """Confirm or dismiss a check; modified "" stamps the current time."""

    touches = Change.CHECKS

    article_id: int
    check_key: str
    kind: str
    status: str
    note: str = ""
    annotator: str = ""
    modified: str = ""

    def __post_init__(self) -> None:
        _check_status(self.status)

    @property
    def description(self) -> str:
        """What the undo menu calls it, e.g. "Confirm check '[nearly 12 miles]'"."""
        verb = "Confirm" if self.status == "confirmed" else "Dismiss"
        return f"{verb} check '{_excerpt(self.check_key)}'"

    @staticmethod
    def of(decision: CheckDecision) -> SetCheckDecision:
        """The command that puts a decision back exactly as it is."""
        d = decision
        return SetCheckDecision(
            d.article_id, d.check_key, d.kind, d.status, d.note, d.annotator, d.modified
        )


@dataclass(frozen=True)
class ClearCheckDecision:
    """Forget the user's verdict on a check: it is open again."""

    touches = Change.CHECKS

    article_id: int
    check_key: str

    @property
    def description(self) -> str:
        """What the undo menu calls it."""
        return f"Reopen check '{_excerpt(self.check_key)}'"


CheckCommand = SetCheckDecision | ClearCheckDecision

"""What a command touches, batches of commands, and what carrying one out did.

Every change to a library is a command: a frozen dataclass with a `description` (what the undo
menu calls it) and a `touches` class attribute naming the kinds of record it changes. After a
command runs, the session announces its `Change` flags once and each part of the window
refreshes itself from them, so nothing has to know which part shows what.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Flag, auto
from functools import reduce
from operator import or_
from typing import Any, Protocol


class Change(Flag):
    """The kinds of record a command can touch."""

    NONE = 0
    ARTICLES = auto()  # articles added or removed: the library list
    METADATA = auto()  # an article's title, outlet, dates, credits
    TEXT = auto()  # an article's body (its annotations are re-anchored with it)
    ANNOTATIONS = auto()
    LABELS = auto()  # the codebook
    ENTITY_RULES = auto()  # entity corrections, for every article
    OUTLETS = auto()  # the library's list of news outlets
    LEXICONS = auto()  # the library's own sourcing lexicon entries
    QUOTES = auto()  # corrections of quotes and speakers
    CLAIMS = auto()  # verdicts, grades and relations of numeric claims
    CHECKS = auto()  # the user's verdicts on the lens's checks (confirmed, dismissed)
    EXERCISES = auto()  # exercises, returned work, a trainee's name and answers
    ANALYSIS = auto()  # stored entities and findings (derived data, never an undo step)
    PIPELINE = auto()  # the library's choice of spaCy pipeline
    SOURCES = auto()  # a trainer's grades and notes on sources, for the whole library


EVERYTHING = reduce(or_, Change, Change.NONE)


class Command(Protocol):
    """A change to a library, as data: what it is called and what it touches."""

    @property
    def description(self) -> str:
        """What the undo menu calls it."""
        ...


@dataclass(frozen=True)
class Batch:
    """Several commands as one user action (one transaction, one undo step)."""

    description: str
    commands: tuple[Any, ...]

    @property
    def touches(self) -> Change:
        """Whatever any of its commands touches."""
        return touched(self.commands)


def touched(commands: Iterable[Any]) -> Change:
    """The union of what the commands touch."""
    return reduce(or_, (command.touches for command in commands), Change.NONE)


def is_empty(command: Any) -> bool:
    """True for a batch that holds nothing, at any depth: carrying it out changes nothing."""
    return isinstance(command, Batch) and all(is_empty(part) for part in command.commands)


@dataclass(frozen=True)
class Done:
    """A handler's result when it has something to say besides its inverse (e.g. an import)."""

    inverse: Any
    report: Any


@dataclass(frozen=True)
class Applied:
    """What carrying out a command did: its inverse, what it touched, and its reports."""

    command: Any
    inverse: Any
    reports: tuple[Any, ...] = ()

    @property
    def changes(self) -> Change:
        """What the command touched (nothing, when it turned out to change nothing)."""
        return Change.NONE if self.empty else self.command.touches

    @property
    def empty(self) -> bool:
        """True when nothing changed, so there is nothing to undo."""
        return is_empty(self.inverse)

    @property
    def report(self) -> Any:
        """The first report, or None (most commands have one or none)."""
        return self.reports[0] if self.reports else None

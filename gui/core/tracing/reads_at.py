"""The library-wide reads of a library file, for a worker thread: plain data in and out.

read_at opens the file read-only, through a connection of its own, runs one of the
findings service's reads (queries.library_sources, source_articles, group_figures,
edge_statements, panel_lists ...) on it and closes it again, so that the GUI thread's
connection is never used off its thread and a slow read never holds the window up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from gui.core.storage.database import Library, open_library
from gui.core.tracing import queries
from gui.core.tracing.claims import ClaimGroup, EventGroup
from gui.core.tracing.outlet_graph import GraphLayout, graph_layout
from gui.core.tracing.queries import LibraryLists

Progress = Callable[[int, int], None]
T = TypeVar("T")


def read_at(
    path: Path,
    read: Callable[..., T],
    *args: Any,
    progress: Progress | None = None,
) -> T:
    """read(library, *args) on the library file at path, opened read-only for this read alone.

    progress is taken (the worker hands one to every job) and not used: these reads are
    one query each, too short to report on.
    """
    library: Library = open_library(path, read_only=True)
    try:
        return read(library, *args)
    finally:
        library.close()


@dataclass(frozen=True)
class PanelLists:
    """The library-wide lists, with the relay graph of their edges laid out."""

    lists: LibraryLists
    layout: GraphLayout


def panel_lists(library: Library) -> PanelLists:
    """The lists Across the Library shows, and where its graph puts the busiest outlets."""
    lists = queries.library_lists(library)
    return PanelLists(lists, graph_layout(lists.edges))


@dataclass(frozen=True)
class GroupRead:
    """The figures of one claim group, with their timeline made (EventGroup.series)."""

    group: EventGroup
    series: dict[str, list[tuple[str, float]]]


def group_read(library: Library, group: ClaimGroup) -> GroupRead:
    """The group's figures (queries.group_figures) and the points of its timeline."""
    found = queries.group_figures(library, group)
    return GroupRead(found, found.series())

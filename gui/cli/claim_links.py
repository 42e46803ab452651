"""relate-claims: a person says how two figures relate, of one article or of two.

Like grade-source, a command that writes what a person decided (the window's Across the
Library > Claims does the same), through the same command and handler. A figure is named
ARTICLE:TEXT ("4:about 20"), or ARTICLE:TEXT@START when the article gives the same figure
twice (`claims --json` prints each figure's key).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from gui.cli import common
from gui.cli.errors import CommandError
from gui.core.sourcing.commands import RELATIONS
from gui.core.storage import Library
from gui.core.storage.claim_links_store import ClaimLinkStore
from gui.core.storage.commands_store import carry_out
from gui.core.tracing.claim_links import Figure, named_figures, ordered, relation_change

_WORDS = {
    "corroborates": "corroborates",
    "different_scope": "is of different scope from",
    "contradicts": "contradicts",
}


def add_parser(commands: argparse._SubParsersAction, add_command: Callable[..., Any]) -> None:
    """Add relate-claims through gui.cli.main's add_command."""
    relate = add_command(
        commands,
        "relate-claims",
        "say how two figures relate (corroborates, different scope, contradicts)",
        "Relate two figures, of one article or of two: corroborates, different_scope or\n"
        "contradicts (only a person says so; the app never does). A figure is\n"
        "ARTICLE:TEXT, e.g. 4:'about 20', or ARTICLE:TEXT@START when the article has it\n"
        "twice (`claims --json` prints each figure's key). --relation none takes it away.",
    )
    relate.add_argument("--figure", required=True, metavar="ARTICLE:TEXT", help="one figure")
    relate.add_argument("--to", required=True, metavar="ARTICLE:TEXT", help="the other figure")
    relate.add_argument(
        "--relation", required=True, choices=[*RELATIONS, "none"], help="how they relate"
    )


def relate_claims_command(ns: argparse.Namespace) -> int:
    """Relate the two figures named, or take their relation away."""
    with common.opened(ns, common.WRITE) as library:
        first, second = _figure(library, ns.figure), _figure(library, ns.to)
        if first == second:
            raise CommandError("a figure cannot be related to itself")
        relation = "" if ns.relation == "none" else ns.relation
        if not relation and not _related(library, first, second):
            raise CommandError(
                f"{_named(first)} and {_named(second)} have no relation to take away"
            )
        try:
            carry_out(library, relation_change(first, second, relation))
        except ValueError as bad:
            raise CommandError(str(bad)) from None
    a, b = ordered(first, second)
    said = f"{_WORDS[relation]} {_named(b)}" if relation else f"and {_named(b)}: no relation"
    print(f"{_named(a)} {said}")
    return 0


def _figure(library: Library, named: str) -> Figure:
    """The figure ARTICLE:TEXT names (CommandError when none or several)."""
    article, _, text = named.partition(":")
    if not article.strip().isdigit() or not text.strip():
        raise CommandError(f"{named!r} is not ARTICLE:TEXT (e.g. 4:'about 20')")
    article_id = int(article)
    common.article(library, article_id)
    keys = ClaimLinkStore(library).figure_keys(article_id)
    found = named_figures(keys, text.strip())
    if len(found) == 1:
        return article_id, found[0]
    has = ", ".join(keys) or "none"
    how = "no figure" if not found else f"{len(found)} figures"
    raise CommandError(f"article {article_id} has {how} {text.strip()!r} (its figures: {has})")


def _related(library: Library, first: Figure, second: Figure) -> bool:
    """True when a person related the two figures."""
    seen = ClaimLinkStore(library).relations([first]).get(first, [])
    return any((r.article_id, r.key) == second for r in seen)


def _named(figure: Figure) -> str:
    """A figure in words: "article 4 'about 20'"."""
    return f"article {figure[0]} '{figure[1].rpartition('@')[0]}'"

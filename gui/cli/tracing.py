"""The tracing commands: trace, sources, claims, outlets (the library-wide views, as text or JSON).

They read the findings rows (kept with every saved analysis) and never analyse: an article
not analysed yet is simply not traced.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from gui.cli import common
from gui.cli.errors import CommandError
from gui.core.storage import Library
from gui.core.storage.commands_store import carry_out
from gui.core.tracing import queries
from gui.core.tracing.claims import EventGroup
from gui.core.tracing.commands import GRADES, SetSourceGrade, SourceGrade
from gui.core.tracing.model import Trace
from gui.core.tracing.outlets import RelayEdge
from gui.core.tracing.sources import LibrarySource

_NO_ROWS = (
    "{name} has no findings rows yet: open it in this version of Sourcelight and let it"
    " analyse the articles (or run `export` on them)"
)
_ROWS_TABLES = ("quotes", "quotes_fts", "relays", "sources", "numeric_claims")


def add_parsers(commands: argparse._SubParsersAction, add_command: Callable[..., Any]) -> None:
    """Add trace, sources, claims and outlets through gui.cli.main's add_command."""
    trace = add_command(
        commands,
        "trace",
        "trace a quote across the library, origin first",
        "Every appearance of one statement in the library, by publication date and relay\n"
        "order: article, outlet, speaker, relay chain, and how its words differ from the\n"
        "earliest version (same, shortened, changed, paraphrased). Then its origin, and\n"
        "the statements of other speakers with similar words.",
    )
    trace.add_argument("--article", type=int, required=True, metavar="ID", help="article id")
    which = trace.add_mutually_exclusive_group(required=True)
    which.add_argument("--quote", metavar="TEXT", help="the quote, or words of it")
    which.add_argument("--attribution", type=int, metavar="N", help="the attribution's id")
    sources = add_command(
        commands,
        "sources",
        "list the sources of the whole library",
        "Each source once, its names in every article merged (alias groups): type, the\n"
        "articles and outlets that quote it, its statements, how often it is anonymous or\n"
        "relayed, and the trainer's grade and note.",
    )
    sources.add_argument("--search", default="", metavar="NAME", help="names holding NAME")
    claims = add_command(
        commands,
        "claims",
        "list the figures of the library by event",
        "The figures about the same event and thing counted (the injured, the dead),\n"
        "across articles by publication date and outlet, with who gave each figure.\n"
        "--search: the figures of articles matching WORDS, or whose event or count does.",
    )
    claims.add_argument("--search", default="", metavar="WORDS", help="articles about WORDS")
    add_command(
        commands,
        "outlets",
        "list which outlets relay which",
        "Relay edges, busiest first: FROM is the outlet a statement came through, TO the\n"
        "outlet whose article carries it ('told the Baltic Wire': Baltic Wire -> the\n"
        "article's outlet), with the statements behind each edge in the JSON.",
    )
    for parser in (trace, sources, claims, commands.choices["outlets"]):
        parser.add_argument("--json", action="store_true", help="print JSON")
    grade = add_command(
        commands,
        "grade-source",
        "give a source of the library a trainer's grade (Admiralty A-F) and note",
        "Grade a source for the whole library: the Admiralty source reliability, A\n"
        "(completely reliable) to F (reliability cannot be judged), and a note. The grade\n"
        "shows wherever the source is quoted. --grade none takes it away.",
    )
    grade.add_argument("--source", required=True, metavar="NAME", help="the source's name")
    grade.add_argument(
        "--grade", required=True, choices=[*GRADES, "none"], metavar="A-F|none", help="the grade"
    )
    grade.add_argument("--note", default=None, metavar="TEXT", help="why (kept if not given)")


def trace_command(ns: argparse.Namespace) -> int:
    """Print the trace of a quote of an article."""
    with _rows(ns) as library:
        common.article(library, ns.article)
        try:
            if ns.attribution is not None:
                trace = queries.trace_attribution(library, ns.article, ns.attribution)
            else:
                trace = queries.trace_text(library, ns.article, ns.quote)
        except queries.NotFound as missing:
            raise CommandError(str(missing)) from None
    print(common.as_json(trace.as_dict(), indent=2) if ns.json else trace_table(trace))
    return 0


def sources_command(ns: argparse.Namespace) -> int:
    """Print each source of the library once (with --search, the articles quoting each)."""
    with _rows(ns) as library:
        found = queries.library_sources(library, ns.search)
        quoted = {s.key: queries.source_articles(library, s) for s in found} if ns.search else {}
    shown = [s.as_dict() | _quoted_in(quoted.get(s.key)) for s in found]
    print(common.as_json(shown, indent=2) if ns.json else sources_table(found))
    return 0


def _quoted_in(articles: list | None) -> dict[str, Any]:
    """{"quoted_in": the articles} when they were asked for, else nothing."""
    return {} if articles is None else {"quoted_in": [a.as_dict() for a in articles]}


def claims_command(ns: argparse.Namespace) -> int:
    """Print the figures of the library by event (all of them: each group as it is read)."""
    with _rows(ns) as library, library.snapshot():  # every group of one moment
        if ns.search.strip():
            groups = queries.library_claims(library, ns.search)
        else:  # 300,000 figures at 100,000 articles: the first group shows in a fraction of that
            groups = queries.each_claim_group(library)
        _print_groups(groups, ns.json)
    return 0


def _print_groups(groups: Iterable[EventGroup], as_json: bool) -> None:
    """Each group printed once read: as text blocks, or as one JSON array an item at a time."""
    shown = 0
    for group in groups:
        if as_json:
            item = textwrap.indent(common.as_json(group.as_dict(), indent=2), "  ")
            sys.stdout.write(("[\n" if not shown else ",\n") + item)
        else:
            print(claims_table([group]))
        sys.stdout.flush()
        shown += 1
    if as_json:
        print("\n]" if shown else "[]")
    elif not shown:
        print(claims_table([]))


def outlets_command(ns: argparse.Namespace) -> int:
    """Print which outlets relay which (in JSON with the statements behind each edge)."""
    with _rows(ns) as library:
        edges = queries.outlet_edges(library)
        if ns.json:
            edges = [
                replace(e, statements=tuple(queries.edge_statements(library, e))) for e in edges
            ]
    print(
        common.as_json([e.as_dict() for e in edges], indent=2) if ns.json else outlets_table(edges)
    )
    return 0


def grade_source_command(ns: argparse.Namespace) -> int:
    """Grade the library source named --source."""
    with common.opened(ns, common.WRITE) as library:
        source = _named_source(library, ns.source)
        note = source.note if ns.note is None else ns.note
        grade = "" if ns.grade == "none" else ns.grade
        carry_out(library, SetSourceGrade(SourceGrade(source.key, source.name, grade, note)))
    shown = f"grade {grade}" if grade else "no grade"
    print(f"{source.name}: {shown}" + (f" ({note})" if note else ""))
    return 0


def _named_source(library: Library, name: str) -> LibrarySource:
    """The library source with this name or alias (CommandError when none or several)."""
    wanted = " ".join(name.casefold().split())
    found = [
        s
        for s in queries.library_sources(library, name)
        if wanted in {" ".join(n.casefold().split()) for n in (s.name, *s.aliases)}
    ]
    if len(found) != 1:
        how = "no source is" if not found else f"{len(found)} sources are"
        raise CommandError(f"{how} named {name!r} in {library.name} (see `sources --search`)")
    return found[0]


def trace_table(trace: Trace) -> str:
    """The trace as lines: one per appearance, the origin, then the look-alikes."""
    lines = [_appearance_line(t.as_dict()) for t in trace.appearances]
    origin = trace.origin
    if origin is not None and origin.index is not None:
        first = trace.appearances[origin.index].appearance
        lines.append(f"origin: article {first.article_id}, {first.outlet} ({origin.reason})")
    elif origin is not None:
        lines.append(f"origin: {origin.outlet}, not in the library")
    if trace.similar:
        lines.append("similar words, different speaker:")
        lines += ["  " + _appearance_line(t.as_dict()) for t in trace.similar]
    return "\n".join(lines)


def sources_table(sources: list[LibrarySource]) -> str:
    """One line per source."""
    lines = []
    for s in sources:
        aliases = f" (also {', '.join(s.aliases)})" if s.aliases else ""
        grade = f" [grade {s.grade}]" if s.grade else ""
        lines.append(
            f"{s.name}{aliases}{grade}: {s.type}, {_count(s.statements, 'statement')} in"
            f" {_count(s.articles, 'article')}"
        )
    return "\n".join(lines) or "no sources"


def _count(number: int, noun: str) -> str:
    """ "1 article", "2 articles"."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def claims_table(groups: list[EventGroup]) -> str:
    """One block per event, one line per figure (and one for each thing a person decided)."""
    lines = []
    for g in groups:
        lines.append(f"{g.event or '?'} / {g.counted or '?'}:")
        for f in g.figures:
            who = f" ({f.source})" if f.source else ""
            decided = [f"verdict: {f.verdict}"] if f.verdict else []
            decided += [r.described() for r in f.relations]
            lines.append(
                f"  {f.published or 'undated'}  {f.outlet}  {f.text}{who}  [{f.article_id}]"
                + "".join(f"\n      {line}" for line in decided)
            )
    return "\n".join(lines) or "no figures"


def outlets_table(edges: list[RelayEdge]) -> str:
    """One line per edge."""
    return "\n".join(f"{e.source} → {e.target}: {e.count}" for e in edges) or "no relays"


def _appearance_line(d: dict[str, Any]) -> str:
    """One appearance: date, outlet, article, change and similarity, speaker or chain, text."""
    who = d["via"] or d["speaker"] or "unknown"
    when = d["published"] or "undated"
    return (
        f"{when}  {d['outlet']}  [{d['article']}]  {d['change']} {d['similarity']:.2f}"
        f"  {who}: {d['text']}"
    )


@contextmanager
def _rows(ns: argparse.Namespace) -> Iterator[Library]:
    """The library, refused with a message when it has no findings rows."""
    with common.opened(ns) as library:
        names = {row[0] for row in library.db.execute("SELECT name FROM sqlite_master")}
        if not set(_ROWS_TABLES) <= names:
            raise CommandError(_NO_ROWS.format(name=library.name))
        yield library

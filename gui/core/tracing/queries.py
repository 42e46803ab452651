"""The library-wide answers: a trace, the sources, the claims, the outlets (read-only).

Each reads the findings rows through a store and hands them to the pure core. A trace asks
the full-text index for the quotes that share the statement's rarest words, compares only
those, and asks once more with the words its versions added (a quote that drifts a word a
day). Lists are sums the database makes; what lies behind an entry is read when it is chosen.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from gui.core.storage.articles_store import ArticleStore
from gui.core.storage.claim_links_store import ClaimLinkStore
from gui.core.storage.database import Library
from gui.core.storage.grades_store import GradeStore
from gui.core.storage.library_rows_store import LibraryRowsStore
from gui.core.storage.trace_store import TraceStore
from gui.core.tracing.bulk import without_gc_passes
from gui.core.tracing.claim_links import Figure, FigureRelation
from gui.core.tracing.claims import (
    ClaimFigure,
    ClaimGroup,
    EventGroup,
    claim_groups,
    group_claims,
    pair_key,
)
from gui.core.tracing.model import Appearance, Trace
from gui.core.tracing.outlets import RelayEdge, RelayedStatement, counted_edges, on_edge
from gui.core.tracing.sources import LibrarySource, SourceArticle, grouped_sources
from gui.core.tracing.trace import build_trace
from gui.core.tracing.wording import MATCH, is_content_word, match_score, similarity, word_keys

MAX_WORDS = 8  # words of a statement put to the full-text index: its rarest

Decisions = tuple[dict[Figure, str], dict[Figure, list[FigureRelation]]]  # read_decisions'


@dataclass(frozen=True)
class LibraryLists:
    """What the library-wide views list: every source, claim group and relay edge."""

    sources: tuple[LibrarySource, ...] = ()
    groups: tuple[ClaimGroup, ...] = ()
    edges: tuple[RelayEdge, ...] = ()


@without_gc_passes
def library_lists(library: Library) -> LibraryLists:
    """The sources, claim groups and relay edges of the library."""
    return LibraryLists(
        tuple(library_sources(library)),
        tuple(library_claim_groups(library)),
        tuple(outlet_edges(library)),
    )


class NotFound(LookupError):
    """The article, or the quote in it, is not in the library (str() says which)."""


def trace_attribution(library: Library, article_id: int, attribution: int) -> Trace:
    """The trace of the statement of one attribution of an article."""
    store = TraceStore(library)
    target = store.quote(article_id, attribution)
    if target is None:
        raise NotFound(f"article {article_id} has no quote {attribution} in the findings rows")
    return trace_of(store, target)


def trace_text(library: Library, article_id: int, text: str, start: int | None = None) -> Trace:
    """The trace of text in an article: its quote that holds it, else the text as it stands."""
    store = TraceStore(library)
    place = store.article_place(article_id)
    if place is None:
        raise NotFound(f"there is no article {article_id}")
    quote = _quote_holding(store.article_quotes(article_id), text, start)
    return trace_of(store, quote or _free_text(library, article_id, place, text, start))


def trace_of(store: TraceStore, target: Appearance) -> Trace:
    """The trace of target among the quotes the index finds for its words (twice at most)."""
    asked = query_words(store, [target.text])
    trace = build_trace(target, store.candidates(asked))
    versions = [t.appearance.text for t in trace.appearances]
    more = [w for w in query_words(store, versions) if w not in asked]
    if not more:
        return trace
    return build_trace(target, store.candidates(asked + more))


def query_words(store: TraceStore, texts: list[str]) -> list[str]:
    """The rarest content words of texts in the library's quotes: they tell statements apart."""
    found = list(dict.fromkeys(w for t in texts for w in word_keys(t) if is_content_word(w)))
    counts = store.document_counts(found)
    held = [w for w in found if w in counts]
    return sorted(held, key=lambda w: (counts[w], -len(w), w))[:MAX_WORDS]


@without_gc_passes
def library_sources(library: Library, search: str = "") -> list[LibrarySource]:
    """Every source of the library once (search: those whose names hold it), with grades.

    The alias groups are the library's (migration 14); when another program wrote since they
    were settled, they are settled in memory for this answer.
    """
    store = LibraryRowsStore(library)
    outlets = store.outlet_keys()
    if store.groups_settled():
        mentions = store.grouped_mentions(search)
        if not search.strip():
            members = store.group_members()
        else:
            members = store.group_members({m.name_key for m in mentions})
            mentions += store.unkeyed_mentions(search)
        sources = grouped_sources(mentions, {}, outlets, members)
    else:
        sources = grouped_sources(store.source_mentions(), store.current_groups(), outlets)
        if search.strip():
            sources = _holding(sources, search)
    grades = GradeStore(library).grades()  # a trainer grades a few: all of them, at once
    return [_graded(s, grades.get(s.key)) for s in sources] if grades else sources


def _holding(sources: list[LibrarySource], search: str) -> list[LibrarySource]:
    """The sources with a key (or, unkeyed, a name) that holds search."""
    needle = " ".join(search.casefold().split())
    return [
        s
        for s in sources
        if any(needle in k for k in s.keys) or needle in " ".join(s.name.casefold().split())
    ]


def source_grades(library: Library) -> dict[str, str]:
    """The trainer's grades by source key (only sources with a grade)."""
    return {key: g.grade for key, g in GradeStore(library).grades().items() if g.grade}


def grade_of(grades: dict[str, str], speaker_key: str) -> str:
    """The grade of the source a speaker key names: its own, or its alias group's."""
    if not speaker_key:
        return ""
    if speaker_key in grades:
        return grades[speaker_key]
    words = set(speaker_key.split())
    held = [g for key, g in grades.items() if words <= set(key.split())]
    return held[0] if len(held) == 1 else ""


def source_articles(library: Library, source: LibrarySource) -> list[SourceArticle]:
    """The articles that quote a source, by publication date."""
    names = (source.name, *source.aliases)
    return LibraryRowsStore(library).source_articles(source.keys, names)


@without_gc_passes
def library_claim_groups(library: Library) -> list[ClaimGroup]:
    """The events and things counted of the library's figures, with how many figures each."""
    return claim_groups(LibraryRowsStore(library).claim_pairs())


@without_gc_passes
def group_figures(
    library: Library, group: ClaimGroup, decisions: Decisions | None = None
) -> EventGroup:
    """One group with its figures, by publication date and outlet (decisions: as read)."""
    figures = LibraryRowsStore(library).figures_of(list(group.pairs))
    found = group_claims(decided(library, figures, decisions))
    return found[0] if found else EventGroup(group.event, group.counted, ())


def each_claim_group(library: Library) -> Iterator[EventGroup]:
    """Every group with its figures, the largest first, read one group at a time.

    A library of 100,000 articles has 300,000 figures: reading them all takes longer than
    a second here (the rows alone: 0.5 s), so a caller that shows them (claims without a
    search) shows each group as it is read, and holds one group at a time.
    """
    decisions = read_decisions(library)  # once for every group
    for group in library_claim_groups(library):
        yield group_figures(library, group, decisions)


@without_gc_passes
def library_claims(library: Library, search: str = "") -> list[EventGroup]:
    """The figures by event: all (as each_claim_group reads them), or those search names."""
    if not search.strip():
        return list(each_claim_group(library))
    store = LibraryRowsStore(library)
    pairs = [(e, c) for e, c, _ in store.claim_pairs()]
    words = set(word_keys(search))
    named = [(e, c) for e, c in pairs if words & _pair_words(e, c)]
    figures = {(f.article_id, f.claim): f for f in store.figures_of(named)}
    for figure in store.figures_in_articles_about(search):
        figures.setdefault((figure.article_id, figure.claim), figure)
    return group_claims(decided(library, figures.values()))


def read_decisions(library: Library) -> Decisions:
    """What people decided of the library's figures: (verdicts, relations), by figure."""
    store = ClaimLinkStore(library)
    return store.verdicts(), store.relations()


def decided(
    library: Library, figures: Iterable[ClaimFigure], decisions: Decisions | None = None
) -> list[ClaimFigure]:
    """The figures with what a person decided: each one's verdict and relations.

    People judge and relate a few figures: those are read, all of them (or given, as
    read_decisions read them), and only the figures of their articles are looked up.
    """
    figures = list(figures)
    verdicts, relations = decisions if decisions is not None else read_decisions(library)
    judged = {article for article, _ in verdicts} | {article for article, _ in relations}
    if not judged:
        return figures
    found = []
    for f in figures:
        if f.article_id in judged:
            n = (f.article_id, f.key)
            if n in verdicts or n in relations:
                f = f._replace(verdict=verdicts.get(n, ""), relations=tuple(relations.get(n, ())))
        found.append(f)
    return found


@without_gc_passes
def outlet_edges(library: Library) -> list[RelayEdge]:
    """Which outlets relay which, the busiest first (counts; the statements on demand)."""
    return counted_edges(LibraryRowsStore(library).relay_links())


def edge_statements(library: Library, edge: RelayEdge) -> list[RelayedStatement]:
    """The statements behind an edge, with their text and chains."""
    return on_edge(edge, LibraryRowsStore(library).relayed_through(edge.names))


def _pair_words(event: str, counted: str) -> set[str]:
    """The words of an event and a thing counted, and of their families."""
    return {*word_keys(event), *word_keys(counted), *pair_key(event, counted)}


def _quote_holding(quotes: list[Appearance], text: str, start: int | None) -> Appearance | None:
    """The quote at start, or the one holding text, or the one most like it."""
    if start is not None:
        at = [q for q in quotes if q.start <= start < q.end]
        if at:
            return at[0]
    folded = " ".join(word_keys(text))
    holding = [q for q in quotes if folded and folded in " ".join(word_keys(q.text))]
    if holding:
        return holding[0]
    scored = [(similarity(text, q.text), q) for q in quotes if match_score(text, q.text) >= MATCH]
    return max(scored, key=lambda pair: pair[0])[1] if scored else None


def _free_text(
    library: Library, article_id: int, place: tuple[str, str, str], text: str, start: int | None
) -> Appearance:
    """Selected text that is no quote, as an appearance with no speaker."""
    if start is None:
        start = ArticleStore(library).get(article_id).body.find(text)
    title, outlet, published = place
    return Appearance(article_id, title, outlet, published, start, start + len(text), text, "")


def _graded(source: LibrarySource, grade) -> LibrarySource:
    """The source with its trainer's grade and note, if any."""
    return source if grade is None else replace(source, grade=grade.grade, note=grade.note)

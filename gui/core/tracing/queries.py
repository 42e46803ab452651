"""The library-wide answers: a trace, the sources, the claims, the outlets (read-only).

Each reads the findings rows through TraceStore and hands them to the pure core. A trace asks
the full-text index for candidates that share the statement's words, compares only those,
and asks once more with the words its versions added (a quote that drifts a word a day).
"""

from __future__ import annotations

from dataclasses import replace
from itertools import combinations

from gui.core.storage.articles_store import ArticleStore
from gui.core.storage.database import Library
from gui.core.storage.grades_store import GradeStore
from gui.core.storage.trace_store import TraceStore
from gui.core.tracing.claims import EventGroup, group_claims
from gui.core.tracing.model import Appearance, Trace
from gui.core.tracing.outlets import RelayEdge, relay_edges
from gui.core.tracing.sources import LibrarySource, merge_sources
from gui.core.tracing.trace import build_trace
from gui.core.tracing.wording import MATCH, is_content_word, match_score, similarity, word_keys

MAX_WORDS = 24  # words of a statement put to the full-text index


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
    asked = query_words([target.text])
    trace = build_trace(target, store.candidates(asked))
    versions = [t.appearance.text for t in trace.appearances]
    more = [w for w in query_words(versions) if w not in asked]
    if not more:
        return trace
    return build_trace(target, store.candidates(asked + more))


def query_words(texts: list[str]) -> list[str]:
    """The distinct content words of texts, longest first (they tell statements apart best)."""
    found = dict.fromkeys(w for text in texts for w in word_keys(text) if is_content_word(w))
    return sorted(found, key=lambda w: (-len(w), w))[:MAX_WORDS]


def library_sources(library: Library, search: str = "") -> list[LibrarySource]:
    """Every source of the library once (search: those whose names hold it), with grades."""
    store = TraceStore(library)
    mentions = store.source_mentions(search)
    if search.strip():
        keys = {m.name_key for m in mentions if m.name_key}
        mentions = store.source_keys_named(keys | _shorter_keys(keys)) + [
            m for m in mentions if not m.name_key
        ]
    sources = merge_sources(mentions)
    grades = GradeStore(library).grades(s.key for s in sources)
    return [_graded(s, grades.get(s.key)) for s in sources]


def library_claims(library: Library, search: str = "") -> list[EventGroup]:
    """The figures of the library by event (search: of articles about it, or naming it)."""
    return group_claims(TraceStore(library).claim_figures(search))


def outlet_edges(library: Library) -> list[RelayEdge]:
    """Which outlets relay which, the busiest first."""
    return relay_edges(TraceStore(library).relayed())


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


def _shorter_keys(keys: set[str]) -> set[str]:
    """The keys an alias group's shorter names would have ("stahl" of "elin stahl")."""
    found: set[str] = set()
    for key in keys:
        words = key.split()[:5]
        for size in range(1, len(words)):
            found |= {" ".join(c) for c in combinations(words, size)}
    return found - keys


def _graded(source: LibrarySource, grade) -> LibrarySource:
    """The source with its trainer's grade and note, if any."""
    return source if grade is None else replace(source, grade=grade.grade, note=grade.note)

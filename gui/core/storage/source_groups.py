"""Keeping the stored alias groups of sources right (migration 14's tables).

Triggers mark the keys whose sums a write changed; settle_source_groups, called before every
commit of the library's one writer (Library.transaction), re-decides them with the keys
whose words are a subset of theirs, and nothing else: a key's parent and group depend only
on the keys holding all its words, so a key that is no subset of a changed key keeps both.
A reader that finds marked keys (another program wrote) asks decide() for the same answer
without writing (current_groups).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from gui.core.storage.migration_14_source_groups import KEY_SUMS
from gui.core.tracing.source_groups import group_parents, group_roots

_CHUNK = 400  # values per IN (...) list, well below SQLite's limit on parameters


@dataclass(frozen=True)
class Decision:
    """The new parent and group of every key a write may have changed; the keys now gone."""

    parents: dict[str, str]
    roots: dict[str, str]
    gone: frozenset[str]  # keys no longer named (or no longer in the library)
    marked: tuple[str, ...]  # the keys the triggers marked


def settle_source_groups(db: Database) -> None:
    """Re-decide the marked keys' groups and store them (inside the caller's transaction)."""
    decision = decide(db)
    if decision is None:
        return
    for chunk in _chunks(sorted(decision.gone)):
        marks = ", ".join("?" * len(chunk))
        db.execute(f"DELETE FROM source_groups WHERE name_key IN ({marks})", chunk)
    db.conn.executemany(
        "DELETE FROM source_words WHERE word = ? AND name_key = ?",
        ((word, key) for key in decision.gone for word in set(key.split())),
    )
    db.conn.executemany(
        "INSERT OR REPLACE INTO source_groups (name_key, parent, root) VALUES (?, ?, ?)",
        ((key, parent, decision.roots[key]) for key, parent in decision.parents.items()),
    )
    db.conn.executemany(
        "INSERT OR IGNORE INTO source_words (word, name_key) VALUES (?, ?)",
        ((word, key) for key in decision.parents for word in set(key.split())),
    )
    db.execute("DELETE FROM source_groups_dirty")


def unsettled(db: Database) -> bool:
    """Whether keys are marked (a write no settle followed: another program's)."""
    return db.execute("SELECT EXISTS (SELECT 1 FROM source_groups_dirty)").fetchone()[0] == 1


def current_groups(db: Database) -> dict[str, str]:
    """The group of every named key as the rows stand, the marked keys settled in memory."""
    stored = dict(db.execute("SELECT name_key, root FROM source_groups").fetchall())
    decision = decide(db)
    if decision is None:
        return stored
    for key in decision.gone:
        stored.pop(key, None)
    stored.update(decision.roots)
    return stored


def decide(db: Database) -> Decision | None:
    """The groups the marked keys and their subsets have now; None when none is marked."""
    marked = tuple(row[0] for row in db.execute("SELECT name_key FROM source_groups_dirty"))
    if not marked:
        return None
    postings: dict[str, set[str]] = {}  # word -> the keys holding it, as stored or marked
    words = sorted({word for key in marked for word in key.split()})
    for chunk in _chunks(words):
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT word, name_key FROM source_words WHERE word IN ({marks})"
        for word, key in db.execute(sql, chunk):
            postings.setdefault(word, set()).add(key)
    for key in marked:
        for word in key.split():
            postings.setdefault(word, set()).add(key)
    touched = _subsets_of(marked, {key for held in postings.values() for key in held})
    # What a touched key's parent may be: the keys holding all its words (theirs are here).
    wanted = set(touched)
    for key in touched:
        wanted.update(set.intersection(*(postings[word] for word in set(key.split()))))
    articles = _named_articles(db, wanted)
    parents = group_parents(articles, sorted(k for k in touched if k in articles))
    outside = sorted({p for p in parents.values() if p and p not in parents})
    roots = group_roots(parents, _stored_roots(db, outside).__getitem__)
    gone = frozenset(k for k in touched if k not in articles)
    return Decision(parents, roots, gone, marked)


def _named_articles(db: Database, keys: Iterable[str]) -> dict[str, int]:
    """The named ones of keys as the sums stand, with how many articles quote each."""
    found: dict[str, int] = {}
    for chunk in _chunks(sorted(keys)):
        where = f" AND name_key IN ({', '.join('?' * len(chunk))})"
        for key, articles, named in db.execute(KEY_SUMS.format(where=where), chunk):
            if named:
                found[key] = int(articles)
    return found


def _subsets_of(marked: Sequence[str], pool: Iterable[str]) -> set[str]:
    """The marked keys and the keys of pool whose words are a proper subset of one's."""
    marked_words = {key: frozenset(key.split()) for key in marked}
    by_word: dict[str, list[frozenset[str]]] = {}
    for held in marked_words.values():
        for word in held:
            by_word.setdefault(word, []).append(held)
    found = set(marked)
    for key in pool:
        if key in found:
            continue
        held = frozenset(key.split())
        first = next(iter(held))
        if any(held < other for other in by_word.get(first, ())):
            found.add(key)
    return found


def _stored_roots(db: Database, keys: Sequence[str]) -> dict[str, str]:
    """The stored group of each of keys (keys a write left alone: their group stands)."""
    found: dict[str, str] = {}
    for chunk in _chunks(list(keys)):
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT name_key, root FROM source_groups WHERE name_key IN ({marks})"
        found.update(db.execute(sql, chunk).fetchall())
    return {key: found.get(key, key) for key in keys}


def _chunks(values: Sequence[str]) -> Iterable[list[str]]:
    """values in lists of at most _CHUNK."""
    for start in range(0, len(values), _CHUNK):
        yield list(values[start : start + _CHUNK])

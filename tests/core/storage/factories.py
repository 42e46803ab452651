"""Small builders for storage tests."""

from __future__ import annotations

from gui.core.articles import ImportedText, Metadata


def imported(body: str, title: str = "", **metadata: object) -> ImportedText:
    """An ImportedText as an importer would hand it over."""
    return ImportedText(body, Metadata(title=title, **metadata), "/tmp/a.txt", "txt")  # type: ignore[arg-type]


def big_body(words: int, seed: str = "") -> str:
    """A body of many distinct words, which neither compresses nor repeats across seeds."""
    return " ".join(f"word{seed}{n:07d}" for n in range(words))


def old_article(db, body: str, title: str = "", published: str = "") -> int:
    """Insert an article as the stores of schemas 1 to 8 wrote it (no published_raw); its id."""
    text = imported(body, title)
    row = {"title": title, "published": published, "source": text.source, "format": text.format}
    row |= {"body": body, "content_hash": text.content_hash, "imported_at": "2024-01-01T00:00:00"}
    return int(db.table("articles").insert(row).last_pk)


def database_before(path, migration: str):
    """A library file migrated up to just before migration (its NAME), with foreign keys on."""
    from sqlite_utils import Database

    from gui.core.storage import migrations as schema

    db = Database(path)
    db.execute("PRAGMA foreign_keys = ON")
    schema.MIGRATIONS.apply(db, stop_before=migration)
    return db


def bare_article(db, article_id: int = 1) -> None:
    """One article row with nothing but what a row needs (for migrations' tests)."""
    db.execute(
        "INSERT INTO articles (id, title, source, format, content_hash, imported_at, body)"
        " VALUES (?, 't', 'f', 'txt', 'h', '2026', 'b')",
        [article_id],
    )

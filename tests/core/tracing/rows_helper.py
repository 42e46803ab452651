"""The findings rows of ROWS_SCHEMA, made here until the rows writer lands: tables and rows.

make_tables creates the tables the rows migration will; write_rows fills them for one article
from its findings as the writer will (through gui.core.tracing.collect's keys).
"""

from __future__ import annotations

from gui.core.articles import Article
from gui.core.sourcing.model import Findings
from gui.core.storage import Library
from gui.core.storage.migration_11_source_grades import trace_indexes
from gui.core.storage.migrations import FTS_TOKENIZER
from gui.core.tracing import collect

TABLES = (
    "CREATE TABLE IF NOT EXISTS finding_sets (article_id INTEGER PRIMARY KEY REFERENCES"
    " articles(id) ON DELETE CASCADE, findings_id TEXT NOT NULL, analysed_at TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS quotes (id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL"
    " REFERENCES articles(id) ON DELETE CASCADE, attribution INTEGER NOT NULL, kind TEXT,"
    ' start INTEGER, "end" INTEGER, text TEXT, normalised TEXT, speaker TEXT, speaker_key TEXT,'
    " speaker_type TEXT, anonymous INTEGER, quote_marks INTEGER, paragraph INTEGER, via TEXT)",
    "CREATE INDEX IF NOT EXISTS quotes_article ON quotes (article_id)",
    "CREATE INDEX IF NOT EXISTS quotes_speaker_key ON quotes (speaker_key)",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(text, content='quotes',"
    f" content_rowid='id', tokenize='{FTS_TOKENIZER}')",
    "CREATE TABLE IF NOT EXISTS relays (quote_id INTEGER REFERENCES quotes(id) ON DELETE"
    " CASCADE, position INTEGER, name TEXT, name_key TEXT, type TEXT)",
    "CREATE INDEX IF NOT EXISTS relays_quote ON relays (quote_id)",
    "CREATE TABLE IF NOT EXISTS sources (article_id INTEGER REFERENCES articles(id) ON DELETE"
    " CASCADE, name_key TEXT, name TEXT, type TEXT, anonymous INTEGER, statements INTEGER,"
    " relayed INTEGER)",
    "CREATE INDEX IF NOT EXISTS sources_key ON sources (name_key)",
    "CREATE TABLE IF NOT EXISTS numeric_claims (article_id INTEGER REFERENCES articles(id) ON"
    ' DELETE CASCADE, claim INTEGER, start INTEGER, "end" INTEGER, text TEXT, value REAL,'
    " approximator TEXT, counted TEXT, window TEXT, event TEXT, source TEXT, via TEXT,"
    " grp INTEGER)",
    "CREATE INDEX IF NOT EXISTS numeric_claims_event ON numeric_claims (event)",
)


def make_tables(library: Library) -> None:
    """The rows tables, as ROWS_SCHEMA.md has them."""
    if library.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'quotes'").fetchone():
        return  # the rows migration made them
    with library.transaction() as db:
        for sql in TABLES:
            db.execute(sql)
        trace_indexes(db)


def write_rows(library: Library, article: Article, findings: Findings, entities=()) -> None:
    """One article's rows, as the writer keeps them for its composed findings."""
    with library.transaction() as db:
        for attribution, seen in zip(
            findings.attributions, collect.appearances(article, findings, entities), strict=True
        ):
            _quote(db, article.id, attribution, seen)
        for m in collect.source_mentions(article, findings, entities):
            db.execute(
                "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?)",
                [article.id, m.name_key, m.name, m.type, m.anonymous, m.statements, m.relayed],
            )
        for n in findings.numbers:
            row = [article.id, n.id, n.span.start, n.span.end, n.span.text, n.value]
            row += [n.approximator, n.counted, n.window, n.event, n.source, " ← ".join(n.via)]
            db.execute(
                "INSERT INTO numeric_claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [*row, n.group],
            )


def _quote(db, article_id: int, a, seen) -> None:
    """One quote row with its relays and its full-text entry."""
    row = [article_id, a.id, a.kind, a.content.start, a.content.end, a.content.text]
    row += [" ".join(a.content.text.casefold().split()), a.source.name, seen.speaker_key]
    row += [a.source.type, int(a.source.anonymous), int(a.quote_marks), a.paragraph]
    row += [a.chain if a.via else ""]
    cursor = db.execute(
        'INSERT INTO quotes (article_id, attribution, kind, start, "end", text, normalised,'
        " speaker, speaker_key, speaker_type, anonymous, quote_marks, paragraph, via)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        row,
    )
    quote_id = cursor.lastrowid
    db.execute("INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)", [quote_id, a.content.text])
    for position, via in enumerate(a.via):
        db.execute(
            "INSERT INTO relays VALUES (?, ?, ?, ?, ?)",
            [quote_id, position, via.name, " ".join(via.name.casefold().split()), via.type],
        )

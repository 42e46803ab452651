"""Migration 9: findings as rows, and dates that sort.

Until schema 8 an article's sourcing findings were one JSON value (sourcing_cache.findings),
reachable by SQL only through json_each. From 9 on, the findings in use for each article are
also rows with typed columns (quotes, relays, sources, hedges, numeric claims, checks), kept in
step by gui.core.storage.finding_rows_sync; the JSON stays as the per-pipeline cache.

articles.published held ISO dates and raw text mixed, so dates sorted wrongly: now it holds
an ISO 8601 date or '' only, and articles.published_raw the text as found. The articles
table is rebuilt for it, with published_raw before body (a column after a 5 MB body costs
every query that reads it a walk through the body's pages).

The comment on each CREATE line describes the table, the comment after each column the
column: gui.core.storage.schema_docs reads them back from sqlite_master for Datasette.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from gui.core.articles import Metadata
from gui.core.storage import finding_rows_sync
from gui.core.storage.published import published_columns

VERSION = 9
NAME = "0009_finding_rows"
# As migrations.FTS_TOKENIZER (not imported: migrations imports this module to register it).
FTS_TOKENIZER = "unicode61 remove_diacritics 2"

_ARTICLES = """
CREATE TABLE articles_rebuilt (  -- One imported article: its metadata and its text, as stored.
    id INTEGER PRIMARY KEY,  -- the article's id, used by every table about it
    title TEXT NOT NULL DEFAULT '',  -- the headline
    outlet TEXT NOT NULL DEFAULT '',  -- the news outlet that published it
    byline TEXT NOT NULL DEFAULT '',  -- who wrote it, as credited
    dateline TEXT NOT NULL DEFAULT '',  -- where it was filed from, e.g. 'BEIRUT'
    published TEXT NOT NULL DEFAULT '',  -- ISO 8601 date (YYYY-MM-DD), or '' when none read
    published_raw TEXT NOT NULL DEFAULT '',  -- the publication date as the source wrote it
    url TEXT NOT NULL DEFAULT '',  -- where the article was published
    credits TEXT NOT NULL DEFAULT '[]',  -- JSON list of photo and wire credits
    source TEXT NOT NULL,  -- the file imported, or 'clipboard'
    format TEXT NOT NULL,  -- txt, md, html, docx, pdf, clipboard, json ...
    content_hash TEXT NOT NULL UNIQUE,  -- SHA-256 of the body: one article per content
    imported_at TEXT NOT NULL,  -- ISO 8601, UTC
    body TEXT NOT NULL  -- the text; every offset in the library counts code points into it
)"""

_FINDING_SETS = """
CREATE TABLE finding_sets (  -- Which findings each article's rows were made from.
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,  -- the article
    findings_id TEXT NOT NULL,  -- the sourcing_cache.pipeline_id the rows were made from
    analysed_at TEXT NOT NULL,  -- when those findings were saved (ISO 8601, UTC)
    content_hash TEXT NOT NULL,  -- the body they were found in (articles.content_hash)
    corrections INTEGER NOT NULL DEFAULT 0,  -- user corrections of attributions applied
    named INTEGER NOT NULL DEFAULT 0,  -- named sources in the sourcing profile
    anonymous INTEGER NOT NULL DEFAULT 0,  -- anonymous sources in the sourcing profile
    relayed_share REAL NOT NULL DEFAULT 0,  -- share of statements passed on by someone else
    primary_share REAL NOT NULL DEFAULT 0,  -- share of statements from primary sources
    secondary_share REAL NOT NULL DEFAULT 0,  -- share from secondary sources
    tertiary_share REAL NOT NULL DEFAULT 0,  -- share from tertiary sources
    hedge_density REAL NOT NULL DEFAULT 0,  -- hedges per 100 words
    unattributed INTEGER NOT NULL DEFAULT 0,  -- factual sentences with no source
    chain_depth INTEGER NOT NULL DEFAULT 0  -- the longest relay chain
)"""

_QUOTES = """
CREATE TABLE quotes (  -- Every quote or reported statement (attribution), corrections applied.
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- new at each write of the rows; never reused
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,  -- the article
    attribution INTEGER NOT NULL,  -- the attribution's id within the article's findings
    kind TEXT NOT NULL,  -- direct, indirect, mixed, partial, floating, according_to
    start INTEGER NOT NULL,  -- what was said: code points into articles.body, half-open
    "end" INTEGER NOT NULL,  -- end of what was said (exclusive)
    text TEXT NOT NULL,  -- what was said, as in the body
    normalised TEXT NOT NULL,  -- text casefolded, punctuation stripped (sourcing.keys.quote_key)
    speaker TEXT NOT NULL DEFAULT '',  -- the source as the article names them
    speaker_key TEXT NOT NULL DEFAULT '',  -- the source's name key; '' when anonymous or unresolved
    speaker_type TEXT NOT NULL DEFAULT '',  -- person, institution, outlet, anonymous, pronoun ...
    anonymous INTEGER NOT NULL DEFAULT 0,  -- 1 when the source is anonymous
    quote_marks INTEGER NOT NULL DEFAULT 0,  -- 1 when the words stand in quotation marks
    paragraph INTEGER NOT NULL DEFAULT 0,  -- the paragraph it is in, from 0
    via TEXT NOT NULL DEFAULT '',  -- who passed it on, outermost first: 'AJ ← police'; '' direct
    speaker_start INTEGER,  -- where the source is named in the body (NULL: not named there)
    speaker_end INTEGER,  -- end of the source's name in the body
    speaker_resolved TEXT NOT NULL DEFAULT '',  -- the name a pronoun or description stands for
    channel TEXT NOT NULL DEFAULT '',  -- how it was said: statement, interview, social media ...
    verify INTEGER NOT NULL DEFAULT 0,  -- 1 when the source's identity needs checking
    cue_start INTEGER,  -- the speech verb or 'according to' (NULL when none)
    cue_end INTEGER,  -- end of the cue
    cue TEXT NOT NULL DEFAULT '',  -- the cue's text, e.g. 'said'
    verb_class TEXT NOT NULL DEFAULT '',  -- neutral, relay, loaded, or ''
    corrected INTEGER NOT NULL DEFAULT 0  -- 1 when the user changed its speaker or added it
)"""

_RELAYS = """
CREATE TABLE relays (  -- Who passed each quote on: one row per link of its relay chain.
    quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,  -- the quote relayed
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,  -- its article
    position INTEGER NOT NULL,  -- 0 for the outermost (who the article heard it from)
    name TEXT NOT NULL,  -- the relay's name (its alias group when it has one)
    name_key TEXT NOT NULL,  -- name normalised (sourcing.keys.name_key)
    type TEXT NOT NULL,  -- outlet, institution, person, anonymous ...
    text TEXT NOT NULL DEFAULT '',  -- as the article names it ('' when not in the body)
    anonymous INTEGER NOT NULL DEFAULT 0,  -- 1 when the relay is anonymous
    channel TEXT NOT NULL DEFAULT ''  -- how it passed it on
)"""

_SOURCES = """
CREATE TABLE sources (  -- Each article's sources, grouped: a speaker or a relaying outlet.
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,  -- the article
    position INTEGER NOT NULL,  -- rank in the article, most statements first, from 0
    name_key TEXT NOT NULL,  -- name normalised (sourcing.keys.name_key)
    name TEXT NOT NULL,  -- the name it is counted under (alias group, antecedent, words)
    type TEXT NOT NULL,  -- person, institution, outlet, anonymous, description ...
    anonymous INTEGER NOT NULL DEFAULT 0,  -- 1 when the source is anonymous
    statements INTEGER NOT NULL DEFAULT 0,  -- statements it made in the article
    relayed INTEGER NOT NULL DEFAULT 0,  -- statements of others it passed on
    verify INTEGER NOT NULL DEFAULT 0,  -- 1 when its identity needs checking
    channels TEXT NOT NULL DEFAULT ''  -- the channels it spoke through, '; ' between
)"""

_HEDGES = """
CREATE TABLE hedges (  -- Hedges and weasel words: the cues that soften or distance a claim.
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,  -- the article
    start INTEGER NOT NULL,  -- code points into articles.body, half-open
    "end" INTEGER NOT NULL,  -- end of the cue (exclusive)
    text TEXT NOT NULL,  -- the cue, e.g. 'reportedly'
    class TEXT NOT NULL,  -- agentless, possible, probable, belief, condition, approximator, doubt
    band TEXT NOT NULL DEFAULT '',  -- estimative band, e.g. 'likely' ('' when none)
    speaker TEXT NOT NULL DEFAULT '',  -- who hedges ('' for the author)
    speaker_key TEXT NOT NULL DEFAULT ''  -- speaker normalised (sourcing.keys.name_key)
)"""

_NUMERIC_CLAIMS = """
CREATE TABLE numeric_claims (  -- Figures the article gives, with what they count and who says so.
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,  -- the article
    claim INTEGER NOT NULL,  -- the figure's id within the article's findings
    start INTEGER NOT NULL,  -- code points into articles.body, half-open
    "end" INTEGER NOT NULL,  -- end of the figure (exclusive)
    text TEXT NOT NULL,  -- the figure as written; claim_assessments.claim_key is text@start
    value REAL,  -- the number it says (NULL when it cannot be read)
    approximator TEXT NOT NULL DEFAULT '',  -- 'about', 'at least', ... ('' when exact)
    counted TEXT NOT NULL DEFAULT '',  -- what is counted, e.g. 'people killed'
    "window" TEXT NOT NULL DEFAULT '',  -- the time it covers, e.g. 'since Monday'
    event TEXT NOT NULL DEFAULT '',  -- the event it is about
    source TEXT NOT NULL DEFAULT '',  -- who gives the figure ('' for the author)
    source_key TEXT NOT NULL DEFAULT '',  -- source normalised (sourcing.keys.name_key)
    via TEXT NOT NULL DEFAULT '',  -- who passed it on, outermost first, ' ← ' between
    grp INTEGER NOT NULL DEFAULT 0  -- figures about the same event and count share a group
)"""

_CHECKS = """
CREATE TABLE checks (  -- The lens's checks: doubts to follow up (their verdicts: check_decisions).
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,  -- the article
    key TEXT NOT NULL,  -- the check's key, as check_decisions.check_key names it
    kind TEXT NOT NULL,  -- role_conflict, self_spokesman, insertion, ellipsis, unattributed ...
    start INTEGER,  -- its first span: code points into articles.body (NULL when none)
    "end" INTEGER,  -- end of its first span (exclusive)
    text TEXT NOT NULL DEFAULT '',  -- the first span's text
    message TEXT NOT NULL,  -- what to check, in one line
    spans INTEGER NOT NULL DEFAULT 1  -- how many spans of the body it is about
)"""

TABLES = (_FINDING_SETS, _QUOTES, _RELAYS, _SOURCES, _HEDGES, _NUMERIC_CLAIMS, _CHECKS)
INDEXES = (
    ("articles", ("outlet",)),
    ("articles", ("published",)),
    ("quotes", ("article_id",)),
    # With the order FindingRowsStore reads them in: the first 50 of 100,000 need no sort.
    ("quotes", ("speaker_key", "article_id", "start")),
    ("quotes", ("normalised", "article_id", "start")),
    ("relays", ("quote_id",)),
    ("relays", ("article_id",)),
    ("relays", ("name_key",)),
    ("sources", ("article_id",)),
    ("sources", ("name_key",)),
    ("hedges", ("article_id",)),
    ("numeric_claims", ("article_id",)),
    ("numeric_claims", ("event",)),
    ("numeric_claims", ("counted",)),
    ("checks", ("article_id",)),
    ("checks", ("kind",)),
)
# Each article's findings to make rows of: the latest saved for its current body.
_LATEST_FINDINGS = """
SELECT c.article_id, c.pipeline_id, c.analysed_at, c.findings FROM sourcing_cache AS c
JOIN articles AS a ON a.id = c.article_id AND a.content_hash = c.content_hash
WHERE c.rowid = (SELECT max(rowid) FROM sourcing_cache AS l
                 WHERE l.article_id = c.article_id AND l.content_hash = a.content_hash)
ORDER BY c.article_id
"""


def register(migrations: Migrations) -> None:
    """Add migration 9 to the library's migrations (later_migrations calls it).

    Not in a transaction of sqlite-utils': the articles table is rebuilt, which needs foreign
    keys off (dropping the old table would cascade), and that pragma is a no-op inside one.
    The migration makes its own, and sets user_version in it: a run killed after its commit
    but before sqlite-utils recorded it sees version 9 the next time and does nothing again.
    """
    migrations(name=NAME, transactional=False)(finding_rows_schema)


def finding_rows_schema(db: Database) -> None:
    """The finding rows, filled from the JSON cache, and the publication date split in two."""
    if int(db.execute("PRAGMA user_version").fetchone()[0]) >= VERSION:
        return  # done, but killed before sqlite-utils recorded it
    enforced = db.execute("PRAGMA foreign_keys").fetchone()[0]
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        with db.atomic():
            _rebuild_articles(db)
            for sql in TABLES:
                db.execute(sql)
            for table, columns in INDEXES:
                db.table(table).create_index(list(columns))
            db.table("quotes").enable_fts(["text"], create_triggers=True, tokenize=FTS_TOKENIZER)
            _fill_rows(db)
            problems = db.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise ValueError(f"the rebuilt library breaks its foreign keys: {problems[:3]}")
            db.execute(f"PRAGMA user_version = {VERSION}")
    finally:
        db.execute(f"PRAGMA foreign_keys = {'ON' if enforced else 'OFF'}")


def _rebuild_articles(db: Database) -> None:
    """articles again with published_raw before body, each date split; same ids, same index."""
    triggers = [
        row[0]
        for row in db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'articles'"
        )
    ]
    db.execute(_ARTICLES)
    db.execute(
        "INSERT INTO articles_rebuilt (id, title, outlet, byline, dateline, published,"
        " published_raw, url, credits, source, format, content_hash, imported_at, body)"
        " SELECT id, title, outlet, byline, dateline, published, published, url, credits,"
        " source, format, content_hash, imported_at, body FROM articles ORDER BY id"
    )
    dates = db.execute("SELECT id, published FROM articles_rebuilt WHERE published != ''")
    db.conn.executemany(
        "UPDATE articles_rebuilt SET published = ?, published_raw = ? WHERE id = ?",
        [(*published_columns(Metadata(published=text)), row_id) for row_id, text in dates],
    )
    db.execute("DROP TABLE articles")
    db.execute("ALTER TABLE articles_rebuilt RENAME TO articles")
    for sql in triggers:  # the search index's: the rowids, and so the index, are unchanged
        db.execute(sql)


def _fill_rows(db: Database) -> None:
    """Rows for every article with findings saved for its current body."""
    for article_id, findings_id, analysed_at, text in db.execute(_LATEST_FINDINGS).fetchall():
        findings = finding_rows_sync.read_findings(text)
        if findings is not None:
            finding_rows_sync.write_rows(db, article_id, findings_id, analysed_at, findings)

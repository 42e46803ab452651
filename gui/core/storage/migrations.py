"""The library schema and its migrations; PRAGMA user_version records how far a file has come.

Each migration ends by setting user_version to its number, inside its own transaction, so any
SQLite client can tell which schema a library file has, and an older Sourcelight can refuse a
newer file before writing anything to it.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from gui.core.annotations.model import DEFAULT_CODEBOOK
from gui.core.storage.search import ANNOTATION_FTS_COLUMNS, FTS_COLUMNS, FTS_TOKENIZER

MIGRATIONS = Migrations("sourcelight")
SCHEMA_VERSION = 15  # the highest schema this code knows: the number of the last migration

_ARTICLES = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    outlet TEXT NOT NULL DEFAULT '',
    byline TEXT NOT NULL DEFAULT '',
    dateline TEXT NOT NULL DEFAULT '',
    published TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    credits TEXT NOT NULL DEFAULT '[]',  -- JSON list of strings
    source TEXT NOT NULL,
    format TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,  -- SHA-256 of the body: one article per content
    imported_at TEXT NOT NULL,  -- ISO 8601, UTC
    -- Last: SQLite reads a row's columns in order, and a 5 MB body spans a thousand pages
    -- that every query for a later column would otherwise walk through.
    body TEXT NOT NULL
)"""

_ENTITIES = """
CREATE TABLE entities (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,  -- code-point offsets into articles.body, half-open
    "end" INTEGER NOT NULL,
    label TEXT NOT NULL,
    text TEXT NOT NULL,
    grp TEXT NOT NULL  -- the alias group, e.g. 'Islamic State'
)"""

_ANALYSES = """
CREATE TABLE analyses (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    pipeline_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,  -- the body the entities were found in
    entity_count INTEGER NOT NULL,
    analysed_at TEXT NOT NULL  -- ISO 8601, UTC
)"""

_SETTINGS = """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL  -- JSON
)"""

# AUTOINCREMENT: an id is never handed out twice, so an undo step or an exported id can
# never come to mean a different annotation, label or rule.
_LABELS = """
CREATE TABLE labels (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    colour TEXT NOT NULL,  -- '#rrggbb'
    hotkey TEXT NOT NULL DEFAULT '',  -- '1'..'9', or '' for none
    description TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0  -- order in the codebook and the label picker
)"""

_LABEL_HOTKEYS = "CREATE UNIQUE INDEX labels_hotkey ON labels (hotkey) WHERE hotkey != ''"

_ANNOTATIONS = """
CREATE TABLE annotations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    label_id INTEGER NOT NULL REFERENCES labels(id),  -- a used label cannot be deleted
    start INTEGER NOT NULL,  -- W3C TextPositionSelector: code points into articles.body
    "end" INTEGER NOT NULL,
    exact TEXT NOT NULL,  -- W3C TextQuoteSelector: the text, and some context either side
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    annotator TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,  -- ISO 8601, UTC
    modified TEXT NOT NULL,
    orphaned INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1))  -- text not found in body
)"""

_CORRECTIONS = """
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- rules apply in id order
    kind TEXT NOT NULL CHECK (kind IN ('type', 'remove', 'merge', 'split', 'add')),
    text TEXT NOT NULL,  -- the mention's text, matched exactly
    label TEXT NOT NULL DEFAULT '',  -- entity type, for 'type' and 'add'
    grp TEXT NOT NULL DEFAULT '',  -- alias group, for 'merge' (and 'add')
    created TEXT NOT NULL  -- ISO 8601, UTC
)"""

# The user's verdicts on an article's sourcing findings. A claim is named by a key made of its
# text and start offset ("about 400@1234"), stable for as long as the body does not change.
_STATUSES = "'unverified', 'verified', 'disputed', 'false'"
_CLAIM_ASSESSMENTS = f"""
CREATE TABLE claim_assessments (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    claim_key TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'unverified' CHECK (status IN ({_STATUSES})),
    -- Admiralty grading, rated apart: source reliability A-F, information credibility 1-6.
    source_grade TEXT NOT NULL DEFAULT ''
        CHECK (source_grade IN ('', 'A', 'B', 'C', 'D', 'E', 'F')),
    info_grade TEXT NOT NULL DEFAULT '' CHECK (info_grade IN ('', '1', '2', '3', '4', '5', '6')),
    note TEXT NOT NULL DEFAULT '',
    annotator TEXT NOT NULL DEFAULT '',
    modified TEXT NOT NULL,  -- ISO 8601, UTC
    PRIMARY KEY (article_id, claim_key)
) WITHOUT ROWID"""

# Only a person says two claims contradict each other: every row here is a user's decision.
_CLAIM_RELATIONS = """
CREATE TABLE claim_relations (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    key_a TEXT NOT NULL,  -- key_a < key_b: one row per pair, whichever way it was set
    key_b TEXT NOT NULL,
    relation TEXT NOT NULL CHECK (relation IN ('corroborates', 'different_scope', 'contradicts')),
    note TEXT NOT NULL DEFAULT '',
    modified TEXT NOT NULL,  -- ISO 8601, UTC
    PRIMARY KEY (article_id, key_a, key_b),
    CHECK (key_a < key_b)
) WITHOUT ROWID"""

_SOURCING_CORRECTIONS = """
CREATE TABLE sourcing_corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- corrections apply in id order
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('speaker', 'remove_quote', 'add_quote')),
    start INTEGER NOT NULL,  -- the quote's content: code points into articles.body
    "end" INTEGER NOT NULL CHECK (start <= "end"),
    exact TEXT NOT NULL,
    value TEXT NOT NULL DEFAULT '',  -- the speaker, for 'speaker' and 'add_quote'
    created TEXT NOT NULL  -- ISO 8601, UTC
)"""

_SOURCING_CACHE = """
CREATE TABLE sourcing_cache (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    pipeline_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,  -- the body the findings were found in
    findings TEXT NOT NULL,  -- JSON: Findings.to_json()
    analysed_at TEXT NOT NULL  -- ISO 8601, UTC
)"""


def schema_version(db: Database) -> int:
    """The schema version of the file (0 for a new or foreign one); reads, never writes."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def has_foreign_tables(db: Database) -> bool:
    """True when the file holds tables that no Sourcelight migration made (another app's file)."""
    rows = db.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
        " AND name NOT LIKE 'sqlite%' AND name != ?",
        [Migrations.migrations_table],
    ).fetchone()
    return rows[0] > 0


def _set_version(db: Database, version: int) -> None:
    """Record the schema version in the file header (inside the migration's transaction)."""
    db.execute(f"PRAGMA user_version = {int(version)}")


@MIGRATIONS(name="0001_initial")
def initial_schema(db: Database) -> None:
    """Articles with full-text search, entity analyses, and settings."""
    for sql in (_ARTICLES, _ENTITIES, _ANALYSES, _SETTINGS):
        db.execute(sql)
    db.table("entities").create_index(["article_id"])
    db.table("articles").enable_fts(FTS_COLUMNS, create_triggers=True, tokenize=FTS_TOKENIZER)
    _set_version(db, 1)


@MIGRATIONS(name="0002_annotations")
def annotations_schema(db: Database) -> None:
    """The codebook (seeded with the default labels), annotations with search, and corrections."""
    for sql in (_LABELS, _LABEL_HOTKEYS, _ANNOTATIONS, _CORRECTIONS):
        db.execute(sql)
    db.table("annotations").create_index(["article_id"])
    db.table("annotations").create_index(["label_id"])
    db.table("annotations").enable_fts(
        ANNOTATION_FTS_COLUMNS, create_triggers=True, tokenize=FTS_TOKENIZER
    )
    db.table("labels").insert_all(_codebook_rows())
    _set_version(db, 2)


@MIGRATIONS(name="0003_sourcing")
def sourcing_schema(db: Database) -> None:
    """Claim assessments and relations, corrections of sourcing findings, and their cache."""
    for sql in (_CLAIM_ASSESSMENTS, _CLAIM_RELATIONS, _SOURCING_CORRECTIONS, _SOURCING_CACHE):
        db.execute(sql)
    db.table("sourcing_corrections").create_index(["article_id"])
    _set_version(db, 3)


# A trainer's exercises: what each was made of, and the files trainees handed back. Article ids
# are the trainer's and have no foreign key: deleting an article keeps the exercise's history.
_EXERCISES = """
CREATE TABLE exercises (
    exercise_id TEXT PRIMARY KEY,  -- uuid4, also in the exercise file's 'exercise' setting
    title TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,  -- ISO 8601, UTC
    path TEXT NOT NULL DEFAULT '',  -- where the file was written
    info TEXT NOT NULL  -- JSON: the exercise file's 'exercise' setting
)"""

_EXERCISE_ARTICLES = """
CREATE TABLE exercise_articles (
    exercise_id TEXT NOT NULL REFERENCES exercises(exercise_id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL,  -- the trainer's article the exercise's copy was made from
    content_hash TEXT NOT NULL,  -- its body then: how the returned copy is recognised
    PRIMARY KEY (exercise_id, article_id)
) WITHOUT ROWID"""

_EXERCISE_RETURNS = """
CREATE TABLE exercise_returns (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    exercise_id TEXT NOT NULL REFERENCES exercises(exercise_id) ON DELETE CASCADE,
    trainee_id TEXT NOT NULL,  -- from the file's 'trainee' setting, else made from file_hash
    trainee TEXT NOT NULL,  -- the name the trainee gave
    layer TEXT NOT NULL,  -- the annotator name their annotations got here, e.g. 'Ana (2)'
    file_hash TEXT NOT NULL,  -- SHA-256 of the returned file: the same file is imported once
    annotations INTEGER NOT NULL DEFAULT 0,  -- how many were added
    checklist_answers TEXT NOT NULL DEFAULT 'null',  -- JSON, as the trainee's file had it
    imported_at TEXT NOT NULL,  -- ISO 8601, UTC
    UNIQUE (exercise_id, file_hash)
)"""


@MIGRATIONS(name="0004_exercises")
def exercises_schema(db: Database) -> None:
    """The exercises made from this library, their articles, and the files handed back."""
    for sql in (_EXERCISES, _EXERCISE_ARTICLES, _EXERCISE_RETURNS):
        db.execute(sql)
    _set_version(db, 4)


# Where an annotation came from in an exchange format (a W3C id, a REFI-QDA GUID), so that
# exporting it again gives it the same identity. "" for annotations made in the library.
@MIGRATIONS(name="0005_annotation_iri")
def annotation_iri(db: Database) -> None:
    """Each annotation's identity in the file it was imported from."""
    db.execute("ALTER TABLE annotations ADD COLUMN iri TEXT NOT NULL DEFAULT ''")
    _set_version(db, 5)


# The answer key of an exercise, frozen in the trainer's library when the exercise is made: the
# file handed out never holds it, and later edits of the trainer's layer do not move the scores.
_EXERCISE_KEY = """
CREATE TABLE exercise_key (
    exercise_id TEXT NOT NULL REFERENCES exercises(exercise_id) ON DELETE CASCADE,
    annotation_id INTEGER NOT NULL,  -- the trainer's annotation it was frozen from
    article_id INTEGER NOT NULL,  -- the trainer's article (no foreign key, as above)
    label_id INTEGER NOT NULL,  -- the trainer's label then
    label TEXT NOT NULL,  -- its name then: scores compare labels by name
    start INTEGER NOT NULL,  -- code points into the article's body as it was handed out
    "end" INTEGER NOT NULL,
    exact TEXT NOT NULL,
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (exercise_id, annotation_id)
) WITHOUT ROWID"""

_EXERCISE_COLUMNS = (
    # The layer frozen as the key ('' for none).
    "ALTER TABLE exercises ADD COLUMN key_layer TEXT NOT NULL DEFAULT ''",
    # SHA-256 of the file as packed: how a file put in place is told from a stray one.
    "ALTER TABLE exercises ADD COLUMN file_hash TEXT NOT NULL DEFAULT ''",
    # 'writing' from the record's commit until the file is in place; see gui.core.trainer.packing.
    "ALTER TABLE exercises ADD COLUMN state TEXT NOT NULL DEFAULT 'written'"
    " CHECK (state IN ('writing', 'written'))",
    # When the trainee last saved the file (its modification time), ISO 8601, UTC.
    "ALTER TABLE exercise_returns ADD COLUMN handed_in TEXT NOT NULL DEFAULT ''",
)


@MIGRATIONS(name="0006_exercise_key")
def exercise_key_schema(db: Database) -> None:
    """The frozen answer key of each exercise, how far its file got, and when work was handed in."""
    db.execute(_EXERCISE_KEY)
    for sql in _EXERCISE_COLUMNS:
        db.execute(sql)
    _set_version(db, 6)


# The user's verdicts on the sourcing lens's checks, keyed like the checks themselves (kind,
# text and start of the first span) so that they survive a new analysis of the same text.
_CHECK_DECISIONS = """
CREATE TABLE check_decisions (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    check_key TEXT NOT NULL,  -- e.g. 'insertion|[nearly 12 miles]@312'
    kind TEXT NOT NULL,  -- role_conflict, self_spokesman, insertion, ellipsis, ...
    status TEXT NOT NULL CHECK (status IN ('confirmed', 'dismissed')),
    note TEXT NOT NULL DEFAULT '',
    annotator TEXT NOT NULL DEFAULT '',
    modified TEXT NOT NULL,  -- ISO 8601, UTC
    PRIMARY KEY (article_id, check_key)
) WITHOUT ROWID"""


@MIGRATIONS(name="0007_check_decisions")
def check_decisions_schema(db: Database) -> None:
    """Confirmed and dismissed checks."""
    db.execute(_CHECK_DECISIONS)
    _set_version(db, 7)


# Results kept per pipeline: choosing another language model, and back, finds the first
# model's entities and findings still there instead of analysing the whole library again.
# The stores keep the few most recent pipelines of each article (KEPT_PIPELINES).
_ENTITIES_BY_PIPELINE = """
CREATE TABLE entities_by_pipeline (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    pipeline_id TEXT NOT NULL,  -- the pipeline that found them (analyses.pipeline_id)
    start INTEGER NOT NULL,  -- code-point offsets into articles.body, half-open
    "end" INTEGER NOT NULL,
    label TEXT NOT NULL,
    text TEXT NOT NULL,
    grp TEXT NOT NULL  -- the alias group, e.g. 'Islamic State'
)"""
_ANALYSES_BY_PIPELINE = """
CREATE TABLE analyses_by_pipeline (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    pipeline_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,  -- the body the entities were found in
    entity_count INTEGER NOT NULL,
    analysed_at TEXT NOT NULL,  -- ISO 8601, UTC
    PRIMARY KEY (article_id, pipeline_id)
)"""
_SOURCING_CACHE_BY_PIPELINE = """
CREATE TABLE sourcing_cache_by_pipeline (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    pipeline_id TEXT NOT NULL,  -- the findings cache id (entity pipeline, rules, entities)
    content_hash TEXT NOT NULL,  -- the body the findings were found in
    findings TEXT NOT NULL,  -- JSON: Findings.to_json()
    analysed_at TEXT NOT NULL,  -- ISO 8601, UTC
    PRIMARY KEY (article_id, pipeline_id)
)"""
_KEEP_PER_PIPELINE = (
    'INSERT INTO entities_by_pipeline SELECT e.article_id, an.pipeline_id, e.start, e."end",'
    " e.label, e.text, e.grp FROM entities AS e JOIN analyses AS an USING (article_id)"
    " ORDER BY e.rowid",
    "INSERT INTO analyses_by_pipeline SELECT article_id, pipeline_id, content_hash,"
    " entity_count, analysed_at FROM analyses",
    "INSERT INTO sourcing_cache_by_pipeline SELECT article_id, pipeline_id, content_hash,"
    " findings, analysed_at FROM sourcing_cache",
)


@MIGRATIONS(name="0008_results_per_pipeline")
def results_per_pipeline_schema(db: Database) -> None:
    """Entities, analyses and findings keyed by article and pipeline, the old rows kept."""
    for sql in (_ENTITIES_BY_PIPELINE, _ANALYSES_BY_PIPELINE, _SOURCING_CACHE_BY_PIPELINE):
        db.execute(sql)
    for sql in _KEEP_PER_PIPELINE:
        db.execute(sql)
    for table in ("entities", "analyses", "sourcing_cache"):
        db.execute(f"DROP TABLE {table}")
        db.execute(f"ALTER TABLE {table}_by_pipeline RENAME TO {table}")
    db.table("entities").create_index(["article_id", "pipeline_id"])
    _set_version(db, 8)


def _codebook_rows() -> list[dict[str, object]]:
    """The labels rows of the default codebook (ids assigned by the library)."""
    return [
        {
            "name": label.name,
            "colour": label.colour,
            "hotkey": label.hotkey,
            "description": label.description,
            "position": label.position,
        }
        for label in DEFAULT_CODEBOOK
    ]


# Later migrations live in modules of their own (this one is full): see later_migrations.py.
from gui.core.storage.later_migrations import register_later  # noqa: E402

register_later(MIGRATIONS)

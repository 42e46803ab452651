"""All SQL of Sourcelight: the library file, its migrations, and one store per kind of record."""

from gui.core.storage import sqlite_utils_first  # noqa: F401  (first: see there)
from gui.core.storage.annotations_store import AnnotationStore, LabelStore
from gui.core.storage.articles_store import ArticleStore, DuplicateArticle
from gui.core.storage.backup import BackupPolicy, back_up, backups
from gui.core.storage.checks_store import CheckStore
from gui.core.storage.commands_store import apply
from gui.core.storage.corrections_store import CorrectionStore
from gui.core.storage.database import (
    Library,
    LibraryCorrupt,
    LibraryError,
    LibraryFull,
    LibraryLocked,
    LibraryReadOnly,
    LibraryTooNew,
    LibraryUnavailable,
    default_library_path,
    open_library,
)
from gui.core.storage.entities_store import EntityStore
from gui.core.storage.finding_rows import FindingRowsStore
from gui.core.storage.integrity import Verdict, check_file
from gui.core.storage.migrations import SCHEMA_VERSION
from gui.core.storage.restore import Restored, restore
from gui.core.storage.search import fts_query
from gui.core.storage.settings_store import OutletStore, PipelineStore
from gui.core.storage.sourcing_store import SourcingStore

__all__ = [
    "SCHEMA_VERSION",
    "AnnotationStore",
    "ArticleStore",
    "BackupPolicy",
    "CheckStore",
    "CorrectionStore",
    "DuplicateArticle",
    "EntityStore",
    "FindingRowsStore",
    "LabelStore",
    "Library",
    "LibraryCorrupt",
    "LibraryError",
    "LibraryFull",
    "LibraryLocked",
    "LibraryReadOnly",
    "LibraryTooNew",
    "LibraryUnavailable",
    "OutletStore",
    "PipelineStore",
    "Restored",
    "SourcingStore",
    "Verdict",
    "apply",
    "back_up",
    "backups",
    "check_file",
    "default_library_path",
    "fts_query",
    "open_library",
    "restore",
]

"""All SQL of Sourcelight: the library file, its migrations, and one store per kind of record."""

from gui.core.storage.articles_store import ArticleStore, DuplicateArticle, fts_query
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
from gui.core.storage.migrations import SCHEMA_VERSION
from gui.core.storage.settings_store import OutletStore

__all__ = [
    "SCHEMA_VERSION",
    "ArticleStore",
    "DuplicateArticle",
    "EntityStore",
    "Library",
    "LibraryCorrupt",
    "LibraryError",
    "LibraryFull",
    "LibraryLocked",
    "LibraryReadOnly",
    "LibraryTooNew",
    "LibraryUnavailable",
    "OutletStore",
    "default_library_path",
    "fts_query",
    "open_library",
]

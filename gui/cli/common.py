"""What the commands of gui.cli share: the library they open, the article they name, output."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from gui.cli.errors import EXIT_NO_PIPELINE, CommandError
from gui.core.articles import Article, ImportedText
from gui.core.entities.pipeline import Pipeline, PipelineMissing, load_pipeline
from gui.core.storage import (
    ArticleStore,
    Library,
    OutletStore,
    PipelineStore,
    default_library_path,
    open_library,
)

READ = "read"  # list, report, compare: nothing is written, no file is created
DERIVE = "derive"  # export: reads, and saves what it had to find (unless the file is damaged)
WRITE = "write"  # import-annotations: the library must exist and be sound
CREATE = "create"  # import, new: a missing library is created


def library_path(ns: argparse.Namespace) -> Path:
    """The library file named by --library, or the default one."""
    return Path(getattr(ns, "library", None) or default_library_path()).expanduser()


@contextmanager
def opened(ns: argparse.Namespace, access: str = READ) -> Iterator[Library]:
    """The library named by --library (or the default one), closed afterwards.

    Only CREATE makes a library where there is none (or turns an empty file into one); a
    library to WRITE or CREATE in is checked first, and a damaged one refused before any work.
    """
    path = library_path(ns)
    if access != CREATE:
        require_library(path)
    library = open_library(path, read_only=access == READ, leave_no_files=access == READ)
    try:
        if access in (WRITE, CREATE):
            library.require_sound()
        yield library
    finally:
        library.close()


def require_library(path: Path) -> None:
    """CommandError unless a library (or at least a non-empty file) is at path."""
    how = f"`sourcelight --library {path} new` creates one (and `import` fills it)."
    if not path.exists():
        raise CommandError(f"there is no library at {path}: {how}")
    if path.is_file() and path.stat().st_size == 0:
        raise CommandError(f"{path} is an empty file, not a library yet: {how}")


def article(library: Library, article_id: int) -> Article:
    """The article with this id, or a CommandError naming the library."""
    try:
        return ArticleStore(library).get(article_id)
    except KeyError:
        raise CommandError(f"there is no article {article_id} in {library.name}") from None


def title(text: str, item: Article | ImportedText) -> str:
    """The title to show: the article's, else the name of the file it came from."""
    return text or Path(item.source).name or "(untitled)"


def load_entity_pipeline(
    outlets: Sequence[str] | None = None, model: str | None = None
) -> Pipeline:
    """The entity pipeline; CommandError (exit 2) saying what to install when there is none."""
    try:
        return load_pipeline(outlets, model)
    except PipelineMissing as missing:
        raise CommandError(str(missing), EXIT_NO_PIPELINE) from missing


def load_library_pipeline(library: Library) -> Pipeline:
    """The pipeline of a library: its outlet list and its chosen model."""
    return load_entity_pipeline(OutletStore(library).outlets(), PipelineStore(library).model())


def write(text: str, output: Path | None) -> None:
    """Print text (which ends with a newline), or write it to output as UTF-8."""
    if output is None:
        sys.stdout.write(text)
        return
    try:
        with output.open("w", encoding="utf-8", newline="") as file:
            file.write(text)
    except OSError as error:
        raise CommandError(f"cannot write {output}: {error.strerror or error}") from error
    print(f"exported to {output}")


def as_json(data: object, indent: int | None = None) -> str:
    """JSON that keeps non-ASCII characters as they are."""
    return json.dumps(data, ensure_ascii=False, indent=indent)

"""Importing articles from files and pasted text; one module per format, chosen by suffix.

Every bad input raises ImportFailure with a reason for the user; a batch goes on past it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from importlib import import_module
from pathlib import Path

from gui.core.articles import ImportedText
from gui.core.importing.decoding import (
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    ImportFailure,
    check_text_length,
    os_reason,
    read_bytes,
    shown_path,
)
from gui.core.importing.metadata import guess_metadata, merge_metadata
from gui.core.text import normalise_body

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_TEXT_CHARS",
    "SUPPORTED_SUFFIXES",
    "BatchResult",
    "ImportFailure",
    "collect_paths",
    "guess_metadata",
    "import_file",
    "import_paths",
    "import_text",
    "shown_path",
]

Parser = Callable[[bytes, str], ImportedText]

# Suffix -> the module whose parse() reads it. Modules load on first use: trafilatura, pypdf
# and python-docx together take a quarter of a second to import, and the window starts first.
_PARSERS: dict[str, str] = {
    ".txt": "txt",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_PARSERS)


def _parser(suffix: str) -> Parser | None:
    """The parse function for a file suffix, or None when the format is not supported."""
    module = _PARSERS.get(suffix.lower())
    return None if module is None else import_module(f"gui.core.importing.{module}").parse


@dataclass(frozen=True)
class BatchResult:
    """What a batch import produced: the texts read, and the files that failed, in order."""

    imported: tuple[ImportedText, ...]
    failures: tuple[ImportFailure, ...]


def import_file(path: Path) -> ImportedText:
    """Read one article file; raises ImportFailure for every kind of bad input."""
    path = Path(path).absolute()
    parser = _parser(path.suffix)
    if parser is None:
        raise ImportFailure(path, _unsupported(path))
    data = read_bytes(path)
    if not data:
        raise ImportFailure(path, "the file is empty")
    source = shown_path(path)
    return _finish(_parse(parser, data, source), shown_path(path.stem))


def import_text(text: str, source: str = "clipboard") -> ImportedText:
    """Turn pasted text into an article body (normalise_body) with guessed metadata."""
    check_text_length(source, len(text))
    body = normalise_body(text)
    if not body.strip():
        raise ImportFailure(source, "no text found")
    return ImportedText(body=body, metadata=guess_metadata(body), source=source, format="clipboard")


def collect_paths(paths: Iterable[Path]) -> tuple[list[Path], list[ImportFailure]]:
    """Expand folders (recursively, sorted) to supported files; refuse unsupported files."""
    files: dict[Path, None] = {}  # ordered and without repeats
    failures: list[ImportFailure] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.update(dict.fromkeys(_folder_files(path, failures)))
        elif path.suffix.lower() in SUPPORTED_SUFFIXES:
            files[path] = None
        else:
            failures.append(ImportFailure(str(path), _unsupported(path)))
    return list(files), failures


def import_paths(
    paths: Iterable[Path], progress: Callable[[int, int], None] | None = None
) -> BatchResult:
    """Import files and folders, each file on its own; progress(done, total) after each."""
    files, failures = collect_paths(paths)
    imported: list[ImportedText] = []
    for done, path in enumerate(files, start=1):
        try:
            imported.append(import_file(path))
        except ImportFailure as failure:
            failures.append(failure)
        if progress is not None:
            progress(done, len(files))
    return BatchResult(imported=tuple(imported), failures=tuple(failures))


def _parse(parser: Parser, data: bytes, source: str) -> ImportedText:
    """Run a format parser; an unexpected error from a library is this file's failure only."""
    try:
        return parser(data, source)
    except ImportFailure:
        raise
    except Exception as exc:  # parsers of untrusted files can fail in any way
        raise ImportFailure(source, f"the file could not be read ({type(exc).__name__})") from exc


def _finish(imported: ImportedText, stem: str) -> ImportedText:
    """One text model (normalise_body), the length limit, and metadata the format lacked.

    Metadata comes from the text's header lines, the title from the file name at the least.
    """
    check_text_length(imported.source, len(imported.body))
    imported = replace(imported, body=normalise_body(imported.body))
    if not imported.body.strip():
        raise ImportFailure(imported.source, "no text found")
    metadata = merge_metadata(imported.metadata, guess_metadata(imported.body))
    if not metadata.title:
        metadata = replace(metadata, title=stem)
    return replace(imported, metadata=metadata)


def _folder_files(folder: Path, failures: list[ImportFailure]) -> list[Path]:
    """Supported files under folder, sorted; hidden files and Office lock files skipped."""

    def refuse(exc: OSError) -> None:
        failures.append(ImportFailure(str(exc.filename or folder), os_reason(exc)))

    found = []
    for root, dirs, names in os.walk(folder, onerror=refuse):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found += [Path(root, name) for name in names if _wanted(name)]
    if not found:
        failures.append(ImportFailure(str(folder), "no supported files in this folder"))
    return sorted(found)


def _wanted(name: str) -> bool:
    """True for a file name the folder import should pick up."""
    if name.startswith((".", "~$")):
        return False
    return Path(name).suffix.lower() in SUPPORTED_SUFFIXES


def _unsupported(path: Path) -> str:
    """Why a file type is refused, listing the supported ones."""
    kind = f"'{shown_path(path.suffix)}'" if path.suffix else "without a suffix"
    return f"unsupported file type {kind} (supported: {', '.join(sorted(SUPPORTED_SUFFIXES))})"

"""Reading a file's bytes within the size limit, decoding them, and the limit on the text.

Also home of ImportFailure, the one exception every importer raises, so that the format modules
depend on this module only. Two limits: a file over MAX_FILE_BYTES is not read at all, and a
text that would pass MAX_TEXT_CHARS is refused as soon as it does (a small compressed .docx
can hold a text a thousand times its size).
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path

from gui.core.text import MAX_TEXT_CHARS, normalise_body

MAX_FILE_BYTES = 20 * 1024 * 1024
BINARY = "not a text file (binary data)"

# UTF-32 first: its little-endian mark starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f]")  # C0 controls other than \t \n \v \f \r
_NAME_CONTROLS = re.compile("[\x00-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.02  # more control characters than this and it is not prose
_TIE_MARGIN = 0.01  # charset-normalizer "chaos" within which Windows-1252 wins the tie


def shown_path(path: str | Path) -> str:
    """A file's path as the library and every message give it: valid text whatever its name.

    A name that is not UTF-8 comes from the system as "surrogate escapes", which SQLite and
    any UTF-8 output refuse; its bytes are shown as backslash escapes ("caf\\xe9.txt"), and
    so are control characters (a line break or a terminal escape in a name).
    """
    text = os.fsencode(str(path)).decode("utf-8", "backslashreplace")
    return _NAME_CONTROLS.sub(lambda match: f"\\x{ord(match[0]):02x}", text)


class ImportFailure(Exception):
    """A file or pasted text that could not be imported, with the reason in the user's words."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(str(path), reason)
        self.path = str(path)
        self.reason = reason

    def __str__(self) -> str:
        return f"{shown_path(Path(self.path).name or self.path)}: {self.reason}"


def read_bytes(path: Path) -> bytes:
    """Return the file's bytes; refuse folders, unreadable files and files over MAX_FILE_BYTES."""
    source = str(path)
    try:
        info = path.stat()
    except OSError as exc:
        raise ImportFailure(source, os_reason(exc)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise ImportFailure(source, "this is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise ImportFailure(source, "not a regular file")
    _check_size(source, info.st_size)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # +1: a file that grew since stat() shows it
    except OSError as exc:
        raise ImportFailure(source, os_reason(exc)) from exc
    _check_size(source, len(data))
    return data


def os_reason(exc: OSError) -> str:
    """Say in words why the operating system would not let us read a file or folder."""
    if isinstance(exc, FileNotFoundError):
        return "file not found"
    if isinstance(exc, PermissionError):
        return "permission denied: the file cannot be read"
    return f"cannot read the file ({exc.strerror or exc})"


def _check_size(source: str, size: int) -> None:
    """Refuse sizes over the limit, naming both."""
    if size > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        reason = f"the file is too large ({size / (1024 * 1024):.1f} MB; the limit is {limit} MB)"
        raise ImportFailure(source, reason)


class TextTooLong(ImportFailure):
    """A text that passed MAX_TEXT_CHARS; reading stopped there."""

    def __init__(self, path: str, length: int, what: str = "the text") -> None:
        super().__init__(
            path,
            f"{what} passes the limit of {MAX_TEXT_CHARS:,} characters (read {length:,}"
            " before stopping); nothing was imported",
        )


def check_text_length(source: str, length: int, what: str = "the text") -> None:
    """Raise TextTooLong when a text of length characters passes MAX_TEXT_CHARS."""
    if length > MAX_TEXT_CHARS:
        raise TextTooLong(source, length, what)


def decode_text(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode text bytes: BOM, then the declared charset, then UTF-8, then a guess.

    Raises ImportFailure when the bytes are binary rather than text.
    """
    text = _decode(data, declared)
    if text is None or _is_binary(text):
        raise ImportFailure(source, BINARY)
    return normalise_body(text)


def _decode(data: bytes, declared: str | None) -> str | None:
    """The decoded text, or None when no encoding fits."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding)
    if b"\x00" in data:
        return _bomless_utf16(data)
    for encoding in (declared, "utf-8"):
        if encoding and (text := _strict(data, encoding)) is not None:
            return text
    return _guess(data)


def _strict(data: bytes, encoding: str) -> str | None:
    """Decode without replacement characters; None when the bytes do not fit the encoding."""
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _bomless_utf16(data: bytes) -> str | None:
    """Decode UTF-16 without a BOM, recognised by NUL bytes all on one side of each pair."""
    if len(data) % 2:
        return None
    even_nuls, odd_nuls = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    if even_nuls == 0 and odd_nuls * 3 >= half:
        return _strict(data, "utf-16-le")
    if odd_nuls == 0 and even_nuls * 3 >= half:
        return _strict(data, "utf-16-be")
    return None


def _guess(data: bytes) -> str | None:
    """Ask charset-normalizer; among equally plausible answers prefer Windows-1252.

    For short Western texts cp1250 or iso8859-10 often tie with cp1252 and would turn
    "señor" into "seńor"; a reader of English-language news wants Windows-1252.
    """
    import charset_normalizer  # loaded at the first text it must guess, not at start-up

    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        if "cp1252" in match.could_be_from_charset and match.chaos <= best.chaos + _TIE_MARGIN:
            return _strict(data, "cp1252") or str(best)
    return str(best)


def _is_binary(text: str) -> bool:
    """True when control characters make up more than a trace of the text."""
    if not text:
        return False
    controls = sum(1 for _ in _CONTROLS.finditer(text))
    return controls > len(text) * _MAX_CONTROL_SHARE

"""What every annotation format shares: the parsed form of an import, its errors and its times."""

from __future__ import annotations

import json
import os
import stat
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gui.core.anchoring import Anchor
from gui.core.annotations.codebook import LabelInfo
from gui.core.text import MAX_TEXT_CHARS, normalise_body

ARTICLE_URN = "urn:sourcelight:article:"  # + the SHA-256 content hash of the body
NO_POSITION = -1  # start and end of an incoming anchor whose file gives only a quote
SUMMARY_CHARS = 40  # longest quote shown when a report names an item
# The largest annotation file read: a 10-million-character article with its entities and
# findings fits; a bigger file is refused before it is parsed.
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024


class InterchangeError(ValueError):
    """A file that cannot be imported at all; str() names the problem. Nothing was changed."""


@dataclass(frozen=True)
class Incoming:
    """One annotation read from a file, before it is placed in an article.

    tags are label names: the first one the codebook knows becomes the label, else the first;
    none at all gives the importer's default label. created/modified "": the file did not say.
    The anchor's start and end are NO_POSITION when the file gives only a quote; its exact is
    "" when it gives only a position.
    """

    anchor: Anchor
    tags: tuple[str, ...]
    note: str
    annotator: str | None  # None: the file does not say who made it
    created: str
    modified: str
    name: str  # how a report names this item, e.g. "item 3"
    orphaned: bool = False  # the file says its text was already lost (anchor: its last place)
    iri: str = ""  # the annotation's id in the file, kept so that it survives a round trip


@dataclass(frozen=True)
class Parsed:
    """Everything read from a file: the annotations, the labels it describes, what was skipped."""

    annotations: tuple[Incoming, ...]
    skipped: tuple[str, ...] = ()
    labels: tuple[LabelInfo, ...] = field(default=())
    article_hashes: tuple[str, ...] = ()  # content hashes of the article(s) it targets


def fields_without(record: Any, *left_out: str) -> dict[str, Any]:
    """A dataclass record as a dict, without the fields named (e.g. the library's own ids)."""
    return {name: value for name, value in asdict(record).items() if name not in left_out}


def article_urn(digest: str) -> str:
    """The IRI that names an article's text by its content hash."""
    return ARTICLE_URN + digest


def hash_of_urn(iri: object) -> str | None:
    """The content hash in an article URN, or None for any other value."""
    if isinstance(iri, str) and iri.startswith(ARTICLE_URN):
        return iri[len(ARTICLE_URN) :] or None
    return None


def xsd_datetime(stamp: str) -> str | None:
    """A stored time as an xsd:dateTime in UTC ("2024-05-01T12:00:00Z"); None if unreadable."""
    moment = _parse_time(stamp)
    return None if moment is None else moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def stored_time(value: object) -> str:
    """A time from a file as the library stores it (ISO 8601, UTC, seconds); "" if unreadable."""
    moment = _parse_time(value)
    return "" if moment is None else moment.isoformat(timespec="seconds")


def _parse_time(value: object) -> datetime | None:
    """An aware UTC datetime from an ISO 8601 string (no zone: taken as UTC), else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def short(text: str, limit: int = SUMMARY_CHARS) -> str:
    """text on one line, cut with an ellipsis, for naming an item in a report."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def position(value: object) -> int | None:
    """value as an offset into an article: a whole number from 0 to MAX_TEXT_CHARS, else None.

    A larger number can be no place in any text Sourcelight keeps, and one of 2**63 or more
    cannot even be handed to SQLite or to str.find().
    """
    if not isinstance(value, int) or isinstance(value, bool):
        return None
    return value if 0 <= value <= MAX_TEXT_CHARS else None


def position_problem(start: object, end: object) -> str:
    """Why start and end are not a span of an article ("" when they are one)."""
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in (start, end)):
        return "start and end must be whole numbers"
    if position(start) is None or position(end) is None:
        return f"span {start}..{end} lies beyond any article (offsets go up to {MAX_TEXT_CHARS:,})"
    if start > end:  # type: ignore[operator]
        return f"span {start}..{end} is not a span"
    return ""


def quote_text(value: str) -> str:
    """A quote or its context from a file, in the one text model of the bodies it anchors to."""
    return normalise_body(value)


def text_field(data: dict[str, Any], key: str, default: str = "") -> str:
    """data[key] when it is a string, else default."""
    value = data.get(key, default)
    return value if isinstance(value, str) else default


def as_list(value: object) -> list[Any]:
    """JSON-LD's "one or many": a list as it is, None as [], anything else as [value]."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def load_json(data: bytes | str | dict[str, Any] | list[Any]) -> Any:
    """The JSON value in data (UTF-8 bytes, with or without BOM, or text); parsed data as is."""
    if isinstance(data, dict | list):
        return data
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InterchangeError(too_large(len(data)))
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise InterchangeError(f"not UTF-8 text (byte {error.start} cannot be read)") from None
    try:
        return json.loads(data.removeprefix("\ufeff"))
    except json.JSONDecodeError as error:
        raise InterchangeError(
            f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from None
    except RecursionError:
        raise InterchangeError("not usable JSON: nested too deeply") from None


def too_large(size: int, limit: int | None = None) -> str:
    """Why a file of size bytes is not read (limit None: MAX_DOCUMENT_BYTES)."""
    most = (MAX_DOCUMENT_BYTES if limit is None else limit) // 2**20
    return f"the file is too large ({size / 2**20:,.1f} MB; the limit is {most} MB), not read"


def read_document(path: Path, limit: int | None = None) -> bytes:
    """An annotation file's bytes, read no further than the limit (InterchangeError past it).

    limit None: MAX_DOCUMENT_BYTES, the limit of a JSON file.
    """
    limit = MAX_DOCUMENT_BYTES if limit is None else limit
    # Opened without blocking and looked at before reading: a pipe would wait for a writer
    # forever, a device (a link to /dev/zero) never end.
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise InterchangeError("not a plain file (a pipe, a device or a folder), not read")
        data = file.read(limit + 1)
    if len(data) > limit:
        raise InterchangeError(too_large(path.stat().st_size, limit))
    return data

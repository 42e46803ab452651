"""Markdown articles: YAML front matter read into metadata, the rest rendered to plain text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from gui.core.articles import ImportedText, Metadata
from gui.core.importing.decoding import ImportFailure, decode_text
from gui.core.importing.metadata import read_published

_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\n(?P<block>(?:.*?\n)??)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S
)
MAX_FRONT_MATTER = 64 * 1024  # characters; a longer block is taken for text, not metadata
_FIELDS = {
    "title": "title", "headline": "title",
    "author": "byline", "authors": "byline", "byline": "byline",
    "date": "published", "published": "published",
    "source": "outlet", "outlet": "outlet", "publisher": "outlet", "site": "outlet",
    "url": "url", "link": "url", "canonical_url": "url",
    "dateline": "dateline", "credit": "credits", "credits": "credits",
}  # fmt: skip


def parse(data: bytes, source: str) -> ImportedText:
    """Read a Markdown file: metadata from its front matter, body as readable plain text."""
    text = decode_text(data, source)
    front, rest = split_front_matter(text)
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(rest)
    body = render(tokens)
    if not body.strip():
        raise ImportFailure(source, "no text found")
    metadata = front_matter_metadata(front)
    if not metadata.title:
        metadata = replace(metadata, title=_first_heading(tokens))
    return ImportedText(body=body, metadata=metadata, source=source, format="md")


def split_front_matter(text: str) -> tuple[dict[str, list[str]], str]:
    """Split "--- key: value ---" front matter off the text; ({}, text) when there is none."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    values = _read_front_matter(match["block"])
    if values is None:
        return {}, text
    return values, text[match.end() :]


def front_matter_metadata(values: dict[str, list[str]]) -> Metadata:
    """Metadata from front matter values (author -> byline, date -> published, source -> outlet)."""
    found: dict[str, Any] = {}
    for key, items in values.items():
        field = _FIELDS.get(key.lower())
        if field is None or field in found or not items:
            continue
        if field == "credits":
            found[field] = tuple(items)
        elif field == "published":
            when = read_published(items[0])
            found[field], found["published_raw"] = when.published, when.published_raw
        else:
            found[field] = ", ".join(items)
    return Metadata(**found)


def _read_front_matter(block: str) -> dict[str, list[str]] | None:
    """Keys and their values (a list per key); None when the block is no YAML mapping.

    PyYAML's safe loader builds only plain values (no Python objects). Only top-level
    scalars and lists of scalars are read, so an alias bomb is never expanded.
    """
    if len(block) > MAX_FRONT_MATTER:
        return None
    try:
        loaded = yaml.safe_load(block)
    except (yaml.YAMLError, RecursionError):
        return None
    if not isinstance(loaded, dict):
        return None
    return {str(key): _texts(value) for key, value in loaded.items()}


def _texts(value: object) -> list[str]:
    """A front matter value as a list of texts: a scalar as one, a list's scalars in order."""
    items = value if isinstance(value, list) else [value]
    texts = [_text(item) for item in items]
    return [text for text in texts if text]


def _text(value: object) -> str:
    """A scalar as text (dates in ISO 8601); "" for nothing, a mapping or a nested list."""
    if value is None or isinstance(value, dict | list | bool):
        return ""
    if isinstance(value, date):  # YAML reads 2024-03-05 as a date
        return value.isoformat()
    return " ".join(str(value).split())


def render(tokens: Sequence[Token]) -> str:
    """Plain text from markdown-it tokens: blocks apart by a blank line, list items as "- item"."""
    walker = _PlainText()
    for token in tokens:
        handler = getattr(walker, f"on_{token.type}", None)
        if handler is not None:
            handler(token)
    return _join(walker.blocks)


class _PlainText:
    """Collects the text blocks of a token stream; one on_<token type> method per token kind."""

    def __init__(self) -> None:
        self.blocks: list[tuple[str, str | None]] = []  # (text, group): a group stays together
        self.lists: list[int | None] = []  # None for a bullet list, else the next number
        self.marker: str | None = None
        self.row: list[str] | None = None
        self.group = 0  # numbers top-level lists and tables, so that two of them stay apart

    def on_bullet_list_open(self, token: Token) -> None:
        """Start a bullet list."""
        self._open_list(None)

    def on_ordered_list_open(self, token: Token) -> None:
        """Start a numbered list at its first number."""
        self._open_list(int(token.attrGet("start") or 1))

    def on_bullet_list_close(self, token: Token) -> None:
        """End the innermost list."""
        self.lists.pop()

    on_ordered_list_close = on_bullet_list_close

    def on_list_item_open(self, token: Token) -> None:
        """Prepare the marker of the next item."""
        self.marker = _marker(self.lists)

    def on_table_open(self, token: Token) -> None:
        """Start a table: its rows stay together."""
        self.group += 1

    def on_tr_open(self, token: Token) -> None:
        """Start collecting a row's cells."""
        self.row = []

    def on_tr_close(self, token: Token) -> None:
        """Add the row as one line."""
        self.blocks.append((" | ".join(self.row or []), f"table {self.group}"))
        self.row = None

    def on_inline(self, token: Token) -> None:
        """Add a paragraph's, heading's or cell's text."""
        self._add(_inline_text(token))

    def on_fence(self, token: Token) -> None:
        """Add a code block as it is."""
        self._add(token.content.rstrip("\n"))

    on_code_block = on_fence

    def _open_list(self, number: int | None) -> None:
        """Start a list (a new group when it is not nested)."""
        if not self.lists:
            self.group += 1
        self.lists.append(number)

    def _add(self, text: str) -> None:
        """Put text in the table row, the list item or a block of its own."""
        if self.row is not None:
            self.row.append(text)
        elif self.lists:
            prefix = self.marker or "  " * len(self.lists)
            self.blocks.append((prefix + text, f"list {self.group}"))
            self.marker = None
        else:
            self.blocks.append((text, None))


def _marker(lists: list[int | None]) -> str:
    """The indented "- " or "3. " that starts a list item (advancing an ordered list)."""
    indent = "  " * (len(lists) - 1)
    number = lists[-1]
    if number is None:
        return indent + "- "
    lists[-1] = number + 1
    return f"{indent}{number}. "


def _inline_text(token: Token) -> str:
    """The readable text of an inline token: emphasis, link targets, images and HTML dropped."""
    parts = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts).strip()


def _join(blocks: list[tuple[str, str | None]]) -> str:
    """Join blocks with blank lines, except lines of the same list or table."""
    parts: list[str] = []
    previous: str | None = None
    for text, group in blocks:
        if not text.strip():
            continue
        if parts:
            parts.append("\n" if group is not None and group == previous else "\n\n")
        parts.append(text)
        previous = group
    return "".join(parts)


def _first_heading(tokens: Sequence[Token]) -> str:
    """The text of the first heading, or ""."""
    for index, token in enumerate(tokens[:-1]):
        if token.type == "heading_open":
            return _inline_text(tokens[index + 1])
    return ""

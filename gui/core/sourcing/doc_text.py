"""A paragraph's text from its parse, made once: spaCy joins every token's text on each ask."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_KEY = ("sourcelight", "text")


def doc_text(doc: Doc) -> str:
    """doc.text, kept in the doc's user data the first time (the finders ask ten times)."""
    data = doc.user_data
    text = data.get(_KEY)
    if text is None:
        text = data[_KEY] = doc.text
    return text

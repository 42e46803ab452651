"""Search as you type: what the user typed, made into an FTS5 query that only ever searches."""

from __future__ import annotations

FTS_COLUMNS = ("title", "outlet", "byline", "body")
ANNOTATION_FTS_COLUMNS = ("exact", "note")
# Diacritics folded away, so that "mosul" finds "Mōsul"; no stemming, so prefixes stay exact.
FTS_TOKENIZER = "unicode61 remove_diacritics 2"


def fts_query(search: str) -> str:
    """An FTS5 query that ANDs the words of search, the last one as a prefix; "" matches all.

    Every word becomes a quoted FTS5 string, so quotes, operators (AND, NEAR, *, ^, :) and
    any other punctuation are only ever searched for, never obeyed. Words without a letter or
    digit are dropped, since the index holds nothing for them.
    """
    # A NUL would end the query early inside SQLite, leaving an unterminated string.
    words = search.replace("\0", " ").split()
    words = [word for word in words if any(ch.isalnum() for ch in word)]
    quoted = ['"' + word.replace('"', '""') + '"' for word in words]
    if quoted:
        quoted[-1] += "*"
    return " AND ".join(quoted)

"""Small builders of HTML text: escaping, elements, tables, the document, figures."""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Sequence

NO_FIGURE = "–"  # shown for a score that is undefined (no data, or chance agreement of 1)


def esc(text: str) -> str:
    """text with &, <, > and both quotes escaped, for element content or attribute values."""
    return html.escape(text, quote=True)


def element(tag: str, content: str = "", **attrs: str) -> str:
    """<tag attrs>content</tag>; content is HTML already; attrs named cls give class=."""
    pairs = "".join(
        f' {_attribute_name(name)}="{esc(value)}"' for name, value in attrs.items() if value
    )
    return f"<{tag}{pairs}>{content}</{tag}>"


def _attribute_name(name: str) -> str:
    """The HTML name of a keyword argument: cls -> class, data_ann -> data-ann."""
    return "class" if name == "cls" else name.replace("_", "-")


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], cls: str = "") -> str:
    """A table with a header row; headers are plain text, cells HTML already."""
    head = "".join(element("th", esc(header)) for header in headers)
    body = "".join(element("tr", "".join(element("td", cell) for cell in row)) for row in rows)
    content = element("thead", element("tr", head)) + element("tbody", body)
    # The width attribute, not CSS: Qt's rich text ignores a table's CSS width.
    return element("table", content, cls=cls, width="100%")


def section(title: str, content: str, cls: str = "") -> str:
    """A section with an h2 heading."""
    return element("section", element("h2", esc(title)) + content, cls=cls)


def document(title: str, css: str, body: str) -> str:
    """A whole, self-contained HTML5 document: inline CSS, no scripts, no external resources."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="Sourcelight">\n'
        f"<title>{esc(title)}</title>\n<style>\n{css}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def score(value: float | None) -> str:
    """A score in [0, 1] (or kappa, down to -1) with two decimals; a dash when undefined."""
    if value is None or math.isnan(value):
        return NO_FIGURE
    return f"{value:.2f}"


def percent(value: float) -> str:
    """A share in [0, 1] as a whole percentage."""
    return f"{value:.0%}"

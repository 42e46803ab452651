"""Readers of report HTML for the tests: each character of the text in context, table cells."""

from __future__ import annotations

from html.parser import HTMLParser

VOID = frozenset({"meta", "br", "link", "img", "hr", "input"})


class TextWalk(HTMLParser):
    """Reads a report: checks that elements nest, and records each character of the article
    text (references left out) with the classes and data-ann of the elements around it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.around: list[tuple[frozenset[str], frozenset[str]]] = []
        self.refs: list[tuple[str, frozenset[str]]] = []  # (number, data-ann around it)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append((tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        classes = [set(attrs.get("class", "").split()) for _, attrs in self.stack]
        if not any("article-text" in c for c in classes):
            return
        anns = frozenset(attrs["data-ann"] for _, attrs in self.stack if "data-ann" in attrs)
        if "ref" in classes[-1]:
            self.refs.append((data, anns))
            return
        around = frozenset().union(*classes)
        self.text.append(data)
        self.around.extend([(around, anns)] * len(data))


def walk(html: str) -> TextWalk:
    """The report read by TextWalk, checked to close every element it opens."""
    walker = TextWalk()
    walker.feed(html)
    walker.close()
    assert walker.stack == [], walker.stack
    return walker


def cells(html: str, table_class: str) -> list[list[str]]:
    """The text of each body cell of the first table with this class, row by row."""

    class Cells(HTMLParser):
        """Collects the body cells of the first table with the class."""

        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.rows: list[list[str]] = []
            self.inside = self.in_body = False

        def handle_starttag(self, tag, attrs):
            if tag == "table" and table_class in (dict(attrs).get("class") or "").split():
                self.inside = not self.rows
            if self.inside and tag == "tbody":
                self.in_body = True
            if self.in_body and tag == "tr":
                self.rows.append([])
            if self.in_body and tag == "td":
                self.rows[-1].append("")

        def handle_endtag(self, tag):
            if tag == "table":
                self.inside = self.in_body = False

        def handle_data(self, data):
            if self.in_body and self.rows and self.rows[-1]:
                self.rows[-1][-1] += data

    parser = Cells()
    parser.feed(html)
    return parser.rows

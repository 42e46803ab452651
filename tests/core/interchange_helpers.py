"""Builders shared by the interchange tests: a library with an annotated article."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from gui.core.anchoring import anchor_for
from gui.core.annotations.commands import AddAnnotation, SaveLabel
from gui.core.annotations.model import Annotation, Label
from gui.core.articles import ImportedText, Metadata
from gui.core.library.commands import ReplaceBody
from gui.core.storage import (
    AnnotationStore,
    ArticleStore,
    LabelStore,
    Library,
    apply,
    open_library,
)

# Curly quotes and text outside the BMP before the spans: offsets counted in UTF-16 units or
# bytes would land elsewhere.
BODY = (
    "Fighters left Mosul\n\n"
    "By Dana Example\n\n"
    "\u201cThey left on Tuesday,\u201d a local official told reporters \U0001f642, adding that "
    "40 people were killed. Officials in Baghdad, however, said the figure was reportedly lower. "
    "Fighters left Mosul, residents said.\n"
)
METADATA = Metadata(
    title="Fighters left Mosul",
    outlet="Example Wire",
    byline="Dana Example",
    published="2024-05-01",
    url="https://news.example/mosul",
    credits=("AP Photo/Example",),
)
NOTE = 'Check the count: "40", per the UN, and\nthe ministry, disagree.'


@contextmanager
def memory_library() -> Iterator[Library]:
    """A fresh in-memory library, closed afterwards."""
    lib = open_library(None)
    try:
        yield lib
    finally:
        lib.close()


def add_article(library: Library, body: str = BODY, metadata: Metadata = METADATA) -> int:
    """Store an article and return its id."""
    return ArticleStore(library).add(ImportedText(body, metadata, "/tmp/mosul.txt", "txt"))


def label_id(library: Library, name: str) -> int:
    """The id of the codebook label called name."""
    return next(label.id for label in LabelStore(library).labels() if label.name == name)


def annotate(
    library: Library,
    article_id: int,
    quote: str,
    label: str = "Claim",
    note: str = "",
    annotator: str = "dana",
    occurrence: int = 0,
    created: str = "2024-05-02T09:30:00+00:00",
) -> int:
    """Annotate an occurrence of quote in the article's body; returns the annotation's id."""
    body = ArticleStore(library).get(article_id).body
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(quote, start + 1)
    anchor = anchor_for(body, start, start + len(quote))
    annotation = Annotation(
        0, article_id, label_id(library, label), anchor, note, annotator, created, ""
    )
    inverse = apply(library, AddAnnotation(annotation, label))
    return inverse.annotation_id


def add_label(library: Library, name: str, colour: str = "#123456", hotkey: str = "") -> int:
    """Add a label to the codebook and return its id."""
    return apply(library, SaveLabel(Label(0, name, colour, hotkey, f"About {name}", 50))).label_id


@dataclass(frozen=True)
class Annotated:
    """The article of an annotated library: its id and its annotations' ids."""

    article_id: int
    orphan_id: int


def annotated_article(library: Library) -> Annotated:
    """An article with four annotations: two labelled, one with a custom label, one orphan."""
    article_id = add_article(library, BODY.replace("reportedly lower", "reportedly much lower"))
    annotate(library, article_id, "40 people were killed", note=NOTE)
    annotate(library, article_id, "reportedly", "Hedge", annotator="")
    add_label(library, "Rumour", "#ABCDEF", "8")
    annotate(library, article_id, "Fighters left Mosul", "Rumour", occurrence=1, note="again")
    orphan = annotate(library, article_id, "much", "Error", note="lost later")
    apply(library, ReplaceBody(article_id, BODY))  # "much" is gone: an orphan
    assert AnnotationStore(library).get(orphan).orphaned
    return Annotated(article_id, orphan)


def comparable(library: Library, article_id: int) -> list[tuple[object, ...]]:
    """The article's annotations without ids, labels by name, in a stable order."""
    names = {label.id: label.name for label in LabelStore(library).labels()}
    rows = [
        (
            names[a.label_id],
            a.anchor,
            a.note,
            a.annotator,
            a.created,
            a.modified,
            a.orphaned,
        )
        for a in AnnotationStore(library).for_article(article_id)
    ]
    return sorted(rows, key=repr)

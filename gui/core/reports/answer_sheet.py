"""The answer sheet of an exercise: each article with the answer key's annotations and notes.

The key is the one frozen in the trainer's library when the exercise was made; the exercise
file never held it, so this page is the one, explicit way a trainer shows it to trainees.
"""

from __future__ import annotations

from gui.core.reports import sections
from gui.core.reports.highlight import ANNOTATION, Highlight, highlighted_html, valid
from gui.core.reports.markup import document, element, esc, section
from gui.core.reports.sections import Numbered
from gui.core.reports.style import label_class, layer_class, report_css
from gui.core.storage import ArticleStore, LabelStore, Library
from gui.core.storage.exercise_store import ExerciseStore
from gui.core.trainer.results import placed_key

KEY_LAYER = "Answer key"


def answer_sheet_html(library: Library, exercise_id: str) -> str:
    """The answer sheet of an exercise made from library, as one self-contained page.

    KeyError for an exercise library did not make; ValueError when it has no answer key.
    """
    store = ExerciseStore(library)
    record = store.exercise(exercise_id)
    if record is None:
        raise KeyError(exercise_id)
    key = store.key(exercise_id)
    if not key:
        raise ValueError(f"the exercise “{record.title}” was made without an answer key")
    codebook = LabelStore(library).labels()
    labels = {label.id: label for label in codebook}
    articles = ArticleStore(library)
    parts = [element("header", element("h1", esc(record.title))
                     + element("p", "Answer sheet", cls="meta"))]  # fmt: skip
    for article_id, _ in record.articles:
        try:
            article = articles.get(article_id)
        except KeyError:
            continue
        found = sorted(placed_key(article, key, record), key=lambda a: (a.orphaned, a.start))
        numbered = [Numbered(n, 0, a) for n, a in enumerate(found, 1)]
        marks = [_highlight(n, labels) for n in numbered if not n.annotation.orphaned]
        text = highlighted_html(article.body, valid(marks, len(article.body)))
        title = article.metadata.title or "(untitled)"
        parts.append(section(title, element("div", text, cls="article-text")))
        parts.append(sections.notes_html(numbered, [KEY_LAYER], labels))
    return document(f"Answer sheet: {record.title}", report_css(codebook, 1), "\n".join(parts))


def _highlight(n: Numbered, labels) -> Highlight:
    """A key annotation as a box in its label's colour, with its number and note as tooltip."""
    a = n.annotation
    colour = label_class(a.label_id if a.label_id in labels else 0)
    title = sections.label_name(labels, a.label_id) + (f": {a.note}" if a.note else "")
    classes = f"ann {colour} {layer_class(0)}"
    return Highlight(a.start, a.end, ANNOTATION, "span", classes, title, str(n.number), colour)

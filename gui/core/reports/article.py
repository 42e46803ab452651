"""The article report: title, metadata, highlighted text, notes by layer, sourcing, checklist."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from gui.core.annotations.model import Annotation, Label
from gui.core.articles import Article
from gui.core.entities.pipeline import ENTITY_TYPE_NAMES, ENTITY_TYPES, Entity
from gui.core.findings import ArticleFindings
from gui.core.reports import sections
from gui.core.reports.highlight import ANNOTATION, ENTITY, Highlight, highlighted_html, valid
from gui.core.reports.markup import document, element, esc, section
from gui.core.reports.sections import Numbered
from gui.core.reports.style import entity_class, label_class, layer_class, report_css
from gui.core.reports.tracing_sections import timelines_html, traced_quotes_html
from gui.core.storage import AnnotationStore, LabelStore, Library, open_library
from gui.core.tracing.marked import article_marked_traces, article_timelines
from gui.core.trainer.checklist import checklist_answers, exercise_title


def article_report_html(
    library: Library, shown: ArticleFindings, layers: Sequence[str] | None = None
) -> str:
    """A self-contained, printable HTML report of one article, with what it has.

    shown: the article with its entities (the highlights), findings (None: no sourcing
    sections) and verdicts, from gui.core.findings; layers: the annotators whose annotations
    to show, in this order (None: every layer of the article).
    """
    article = shown.article
    codebook = LabelStore(library).labels()
    labels = {label.id: label for label in codebook}
    by_layer = _layers(AnnotationStore(library).for_article(article.id), layers)
    numbered = _numbered(by_layer)
    entities = shown.entities
    text = element("div", _text(article.body, entities, numbered, labels), cls="article-text")
    body = [
        _header(article),
        _legend(entities, numbered, codebook, list(by_layer), len(article.body)),
        section("Text", text),
        _appendix(library, shown, numbered, list(by_layer), labels),
    ]
    title = article.metadata.title or "Article report"
    return document(title, report_css(codebook, len(by_layer)), "\n".join(body))


def article_report_at(
    path: Path,
    shown: ArticleFindings,
    layers: Sequence[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> str:
    """article_report_html of the library file at path, through a connection of its own.

    For a worker thread (the traced quotes ask the whole library: 0.4 s at 100,000 articles):
    plain data in and out, the GUI thread's connection left alone.
    """
    library = open_library(path, read_only=True)
    try:
        return article_report_html(library, shown, layers)
    finally:
        library.close()


def _layers(
    annotations: Sequence[Annotation], layers: Sequence[str] | None
) -> dict[str, list[Annotation]]:
    """The annotations of the layers to show, by layer, in the order asked (else by name)."""
    names = layers if layers is not None else sorted({a.annotator for a in annotations})
    chosen: dict[str, list[Annotation]] = {name: [] for name in names}
    for a in annotations:
        if a.annotator in chosen:
            chosen[a.annotator].append(a)
    return chosen


def _numbered(by_layer: Mapping[str, Sequence[Annotation]]) -> list[Numbered]:
    """Every shown annotation with its reference number: layer by layer, by position."""
    ordered = [
        (index, a)
        for index, annotations in enumerate(by_layer.values())
        for a in sorted(annotations, key=lambda a: (a.orphaned, a.start, a.end, a.id))
    ]
    return [Numbered(number, index, a) for number, (index, a) in enumerate(ordered, 1)]


def _header(article: Article) -> str:
    """The title and a line of metadata."""
    m = article.metadata
    facts = [m.outlet, m.byline, m.dateline, m.published]
    line = " · ".join(esc(fact) for fact in facts if fact)
    lines = [element("p", line, cls="meta")] if line else []
    if m.url:
        lines.append(element("p", esc(m.url), cls="meta small"))
    return element("header", element("h1", esc(m.title or "(untitled)")) + "".join(lines))


def _legend(
    entities: Sequence[Entity],
    numbered: Sequence[Numbered],
    codebook: Sequence[Label],
    layers: Sequence[str],
    length: int,
) -> str:
    """The legend, naming only the entity types and labels that the text shows."""
    present = {
        e.label if e.label in ENTITY_TYPE_NAMES else "OTHER"
        for e in entities
        if 0 <= e.start < e.end <= length
    }
    types = [t for t in ENTITY_TYPES if t in present]
    used = {n.annotation.label_id for n in numbered}
    return sections.legend_html(types, [label for label in codebook if label.id in used], layers)


def _text(
    body: str, entities: Sequence[Entity], numbered: Sequence[Numbered], labels: Mapping[int, Label]
) -> str:
    """The article text with every entity and (placed) annotation highlighted."""
    highlights = [_entity_highlight(e) for e in entities]
    highlights += [_annotation_highlight(n, labels) for n in numbered if not n.annotation.orphaned]
    return highlighted_html(body, valid(highlights, len(body)))


def _entity_highlight(entity: Entity) -> Highlight:
    """An entity as a tinted mark, its type and group as tooltip."""
    name = ENTITY_TYPE_NAMES.get(entity.label, entity.label)
    title = f"{name}: {entity.group}" if entity.group else name
    return Highlight(
        entity.start, entity.end, ENTITY, "mark", f"ent {entity_class(entity.label)}", title
    )


def _annotation_highlight(n: Numbered, labels: Mapping[int, Label]) -> Highlight:
    """An annotation as a box in its label's colour and its layer's style, with its number."""
    a = n.annotation
    colour = label_class(a.label_id if a.label_id in labels else 0)
    title = f"{sections.label_name(labels, a.label_id)} ({a.annotator})" + (
        f": {a.note}" if a.note else ""
    )
    classes = f"ann {colour} {layer_class(n.layer_index)}"
    return Highlight(
        a.start, a.end, ANNOTATION, "span", classes, title, str(n.number), colour, str(a.id)
    )


def _appendix(
    library: Library,
    shown: ArticleFindings,
    numbered: Sequence[Numbered],
    layers: Sequence[str],
    labels: Mapping[int, Label],
) -> str:
    """What follows the text on a new page: notes, sourcing, claims, traces, checklist answers."""
    article = shown.article
    parts = [sections.notes_html(numbered, layers, labels)] if layers else []
    if shown.findings is not None:
        parts.append(sections.profile_html(shown.summary))
        decided = shown.check_decisions
        open_count = sum(1 for check in shown.checks if check.key not in decided)
        parts.append(sections.checks_html(shown.confirmed_checks(), open_count))
        parts.append(sections.claims_html(shown.findings, shown.assessments, shown.relations))
    parts += _across_the_library(library, article.id, shown.findings is not None)
    answers = checklist_answers(library)
    if answers:
        parts.append(sections.checklist_html(answers, exercise_title(library)))
    return element("div", "\n".join(parts), cls="appendix") if parts else ""


def _across_the_library(library: Library, article_id: int, analysed: bool) -> list[str]:
    """The traces of the article's marked quotes, the timelines of its figures' events.

    Shown for an analysed article (the sections say what they would hold), and for any
    article with a marked quote or figures other articles give too. Events only this
    article gives figures of are counted, not drawn: its Claims section lists them.
    """
    marked = article_marked_traces(library, article_id)
    every = article_timelines(library, article_id)
    timelines = [t for t in every if t.articles > 1]
    parts = []
    if analysed or marked.traces:
        parts.append(traced_quotes_html(marked, article_id))
    if analysed or timelines:
        empty = "No other article gives figures about the events of this article's figures."
        alone = len(every) - len(timelines)
        parts.append(timelines_html(timelines, article_id, empty=empty, alone=alone))
    return parts

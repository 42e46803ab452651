"""What the window shows of annotations: the reader's boxes, the legend, the Annotations panel."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from gui.annotating.actions import AnnotationActions
from gui.annotating.annotations_panel import AnnotationsPanel
from gui.article_view.layers import Layers
from gui.article_view.pane import ArticlePane
from gui.core.changes import Change
from gui.core.storage.article_list import ArticleList
from gui.session.session import Session

SHOWN = Change.ANNOTATIONS | Change.LABELS | Change.TEXT


class AnnotationDisplay(QObject):
    """Keeps the reader, legend and panel in step with the annotations, labels and layers."""

    def __init__(
        self,
        session: Session,
        pane: ArticlePane,
        panel: AnnotationsPanel,
        layers: Layers,
        actions: AnnotationActions,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.session, self.pane, self.panel = session, pane, panel
        self.layers, self.actions = layers, actions
        session.changed.connect(self._changed)
        session.article_opened.connect(lambda _article: self.annotations_changed())
        layers.changed.connect(self.annotations_changed)
        panel.jump_requested.connect(self.jump_to_annotation)
        panel.note_requested.connect(actions.edit_note)
        panel.delete_requested.connect(actions.delete_annotation)
        panel.reattach_requested.connect(actions.reattach)
        panel.scope_changed.connect(lambda _whole: self.refresh_list())
        panel.search_changed.connect(lambda _text: self.refresh_list())

    def jump_to_annotation(self, annotation) -> None:
        """Show an annotation: open its article if need be and select its text."""
        current = self.session.current
        if current is None or current.id != annotation.article_id:
            self.session.open_article(annotation.article_id)
        if not annotation.orphaned:
            self.pane.view.select_span(annotation.start, annotation.end)

    def annotations_changed(self) -> None:
        """Draw, count and list the annotations of the layers shown."""
        annotations = self.session.annotations()
        shown = self.layers.visible(annotations)
        self.pane.view.set_annotations(shown, self.layers.names())
        self.pane.legend.set_annotation_counts(a.label_id for a in shown if not a.orphaned)
        self.refresh_list(annotations)

    def labels_changed(self) -> None:
        """The codebook changed: new colours, names and filters everywhere."""
        labels = self.session.labels()
        self.pane.view.set_labels(labels)
        self.pane.legend.set_annotation_labels(labels)
        self.panel.set_labels(labels)
        self.annotations_changed()

    def refresh_list(self, annotations: list | None = None) -> None:
        """List the open article's annotations, or search the whole library's."""
        labels = self.actions.labels()
        if self.session.library is None:
            self.panel.set_annotations([], labels)
        elif self.panel.whole_library.isChecked():
            found = self.session.search_annotations(self.panel.search.text())
            shown = ArticleList(self.session.library, None).by_ids(
                sorted({annotation.article_id for annotation in found})
            )  # the titles of the articles found in, not of the whole library
            titles = {summary.id: summary.title for summary in shown}
            self.panel.set_annotations(found, labels, titles)
        else:
            listed = self.session.annotations() if annotations is None else annotations
            self.panel.set_annotations(listed, labels)

    def _changed(self, changes: Change) -> None:
        if changes & Change.LABELS:
            self.labels_changed()
        elif changes & SHOWN:
            self.annotations_changed()

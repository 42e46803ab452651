"""What the window shows of annotations: the reader's boxes, the legend, the Annotations panel."""

from __future__ import annotations

from PySide6.QtCore import QObject

from gui.core.storage.annotations_store import AnnotationStore


class AnnotationDisplay(QObject):
    """Keeps the reader, legend and panel in step with the annotations, labels and layers."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        session, panel = window.session, window.annotations_panel
        session.annotations_changed.connect(self.annotations_changed)
        session.labels_changed.connect(self.labels_changed)
        window.layers.changed.connect(self.annotations_changed)
        panel.jump_requested.connect(self.jump_to_annotation)
        panel.note_requested.connect(window.annotate.edit_note)
        panel.delete_requested.connect(window.annotate.delete_annotation)
        panel.reattach_requested.connect(window.annotate.reattach)
        panel.scope_changed.connect(lambda _whole: self.refresh_list())
        panel.search_changed.connect(lambda _text: self.refresh_list())

    def jump_to_annotation(self, annotation) -> None:
        """Show an annotation: open its article if need be and select its text."""
        current = self.window.session.current
        if current is None or current.id != annotation.article_id:
            self.window.session.open_article(annotation.article_id)
        if not annotation.orphaned:
            self.window.pane.view.select_span(annotation.start, annotation.end)

    def annotations_changed(self) -> None:
        """Draw, count and list the annotations of the layers shown."""
        comparing = self.window.comparison.active
        if comparing is not None and self.window.session.current is not None:
            self.window.comparison.overlay(*comparing)
            self.refresh_list()
            return
        annotations = self.window.session.annotations()
        shown = self.window.layers.visible(annotations)
        self.window.pane.view.set_annotations(shown, self.window.layers.names())
        self.window.pane.legend.set_annotation_counts(a.label_id for a in shown if not a.orphaned)
        self.refresh_list(annotations)

    def labels_changed(self) -> None:
        """The codebook changed: new colours, names and filters everywhere."""
        labels = self.window.session.labels()
        self.window.pane.view.set_labels(labels)
        self.window.pane.legend.set_annotation_labels(labels)
        self.window.annotations_panel.set_labels(labels)
        self.annotations_changed()

    def refresh_list(self, annotations: list | None = None) -> None:
        """List the open article's annotations, or search the whole library's."""
        panel, session = self.window.annotations_panel, self.window.session
        labels = self.window.annotate.labels()
        if session.library is None:
            panel.set_annotations([], labels)
        elif panel.whole_library.isChecked():
            found = AnnotationStore(session.library).search(panel.search.text())
            titles = {s.id: s.title for s in session.summaries()}
            panel.set_annotations(found, labels, titles)
        else:
            listed = session.annotations() if annotations is None else annotations
            panel.set_annotations(listed, labels)

"""REFI-QDA through the window: export a project and a codebook, import them, undo."""

from __future__ import annotations

import zipfile

from PySide6.QtCore import Qt

from gui.annotating.interchange import AnnotationFile, ExportTarget
from gui.core.storage import LabelStore
from tests.annotating.test_annotating import errors, select, stored, window  # noqa: F401


def test_a_project_goes_out_and_comes_back_and_undo_takes_it_back(
    window,  # noqa: F811
    qtbot,
    tmp_path,
    monkeypatch,
    errors,  # noqa: F811
):
    view = window.pane.view
    view.setFocus()
    select(window, "take months")
    qtbot.keyClick(view, Qt.Key.Key_1)
    target = tmp_path / "talks.qdpx"
    monkeypatch.setattr(ExportTarget, "ask", classmethod(lambda cls, p, title: (target, "qdpx")))
    window.interchange.export_action.trigger()
    with zipfile.ZipFile(target) as archive:
        assert "project.qde" in archive.namelist()
    before = [(a.text, a.label_id, a.annotator) for a in stored(window)]
    window.annotate.delete_annotation(stored(window)[0])
    monkeypatch.setattr(AnnotationFile, "ask", classmethod(lambda cls, parent: target))
    window.interchange.import_action.trigger()
    assert [(a.text, a.label_id, a.annotator) for a in stored(window)] == before
    assert errors[-1][1] == "0 labels added to the codebook; 1 texts, 1 annotations placed."
    window.annotate.undo_action.trigger()
    assert stored(window) == []


def test_a_codebook_comes_in_and_a_bad_one_is_refused(
    window,  # noqa: F811
    tmp_path,
    monkeypatch,
    errors,  # noqa: F811
):
    book = tmp_path / "book.qdc"
    book.write_text(
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code name="Framing"'
        ' guid="aaaaaaaa-0000-4000-8000-000000000001" isCodable="true"/></Codes></CodeBook>',
        encoding="utf-8",
    )
    monkeypatch.setattr(AnnotationFile, "ask", classmethod(lambda cls, parent: book))
    window.interchange.import_action.trigger()
    assert "Framing" in [label.name for label in LabelStore(window.session.library).labels()]
    book.write_text("<!DOCTYPE x [<!ENTITY a 'b'>]><CodeBook/>", encoding="utf-8")
    count = len(LabelStore(window.session.library).labels())
    window.interchange.import_action.trigger()
    assert len(LabelStore(window.session.library).labels()) == count
    assert "DTD or entities" in errors[-1][1]


def test_a_project_past_the_bound_is_not_read_into_memory(
    window,  # noqa: F811
    tmp_path,
    monkeypatch,
    errors,  # noqa: F811
):
    from gui.core.interchange import refi_reader

    target = tmp_path / "huge.qdpx"
    monkeypatch.setattr(ExportTarget, "ask", classmethod(lambda cls, p, title: (target, "qdpx")))
    window.interchange.export_action.trigger()
    monkeypatch.setattr(refi_reader, "MAX_TOTAL_BYTES", target.stat().st_size - 1)
    monkeypatch.setattr(AnnotationFile, "ask", classmethod(lambda cls, parent: target))
    window.interchange.import_action.trigger()
    title, text = errors[-1][:2]
    assert title == "Nothing imported" and text.startswith("huge.qdpx: the file is too large")

"""Texts that annotation files bring along come in the one text model, offsets and all."""

from __future__ import annotations

import io
import zipfile

from gui.core.interchange.refi_import import ImportProject
from gui.core.storage import AnnotationStore, ArticleStore, open_library
from gui.core.storage.commands_store import carry_out

from .test_refi_qda import PROJECT

QUOTE = "40 people were killed"
WINDOWS_TEXT = "Port news\r\n\r\nOn Monday, \U0001f6a2 officials\r\nsaid 40 people were killed.\r\n"


def test_a_refi_project_written_on_windows_comes_in_normalised():
    # QDA tools on Windows write CR LF: Qt would collapse each pair, and every position after
    # it would drift in the window.
    start = WINDOWS_TEXT.index(QUOTE)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("project.qde", PROJECT % {"quote": QUOTE, "start": start,
                                                   "end": start + len(QUOTE)})  # fmt: skip
        archive.writestr("sources/harbour.txt", WINDOWS_TEXT.encode("utf-8"))
    library = open_library(None)
    try:
        carry_out(library, ImportProject(buffer.getvalue(), None, "field.qdpx"))
        article = ArticleStore(library).get(1)
        found = AnnotationStore(library).for_article(1)
    finally:
        library.close()
    assert "\r" not in article.body
    assert {a.orphaned for a in found} == {False}
    assert {article.body[a.anchor.start : a.anchor.end] for a in found} == {QUOTE}

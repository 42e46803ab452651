"""One text model: every import path stores the body as normalise_body() makes it."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gui.core import interchange
from gui.core.articles import ImportedText, Metadata
from gui.core.storage import AnnotationStore, ArticleStore, EntityStore, open_library
from gui.core.text import normalise_body, normalised_offsets

from .text_model import FILES, PHRASE, imported_body, own_json

SEPARATORS = "\r\u2028\u2029\x85\x0b\x0c\ufdd0\ufdd1"


def test_each_separator_becomes_one_line_break():
    for separator in SEPARATORS:
        assert normalise_body(f"a{separator}b") == "a\nb", repr(separator)
    assert normalise_body("a\r\nb\r\n\r\nc") == "a\nb\n\nc"
    assert normalise_body("\ufeffTitle\ufeff") == "Title\ufeff"  # only a leading mark goes
    assert normalise_body("caf\udce9") == "caf\ufffd"
    assert normalise_body("tab\tand emoji \U0001f642") == "tab\tand emoji \U0001f642"


@given(st.text(alphabet=st.sampled_from("ab\r\n\u2028\ufeff\U0001f642"), max_size=60))
def test_offsets_follow_the_normalised_text(text):
    body, moved = normalise_body(text), normalised_offsets(text)
    for offset, char in enumerate(text):
        if char not in "\r\n\u2028\ufeff" and not text.startswith("\ufeff", offset):
            assert body[moved(offset)] == char
    assert moved(len(text)) == len(body)


@pytest.mark.parametrize("kind", [*FILES, "paste"])
def test_every_importer_keeps_one_text_model(tmp_path, kind):
    # The failure of the issue: a .docx holding CR LF kept "\r\n", so every position after
    # it drifted in the window.
    body = imported_body(kind, tmp_path)
    assert body == normalise_body(body)
    assert not set(SEPARATORS) & set(body)
    assert PHRASE in body


def test_an_own_json_article_comes_in_normalised_with_its_offsets_moved(tmp_path):
    library = open_library(None)
    try:
        report = interchange.import_document(library, own_json(tmp_path).read_bytes())
        article = ArticleStore(library).get(report.article_id)
        annotation = AnnotationStore(library).for_article(article.id)[0]
        entities = EntityStore(library).cached(article.id, "some-pipeline")
    finally:
        library.close()
    assert "\r" not in article.body and "\u2028" not in article.body
    assert (report.anchored, report.orphaned) == (1, 0)
    start = article.body.index(PHRASE)
    assert (annotation.anchor.start, annotation.anchor.end) == (start, start + len(PHRASE))
    assert article.body[annotation.anchor.start : annotation.anchor.end] == PHRASE
    assert [article.body[e.start : e.end] for e in entities] == ["Joe Biden"]


def test_a_w3c_quote_written_with_cr_lf_is_anchored():
    body = normalise_body("Talks\r\n\r\nOfficials said on Monday\r\nthat Joe Biden visited.")
    library = open_library(None)
    try:
        article = ArticleStore(library).add(ImportedText(body, Metadata(), "x", "txt"))
        quote = {"type": "TextQuoteSelector", "exact": "Monday\r\nthat Joe Biden"}
        item = {"type": "Annotation", "body": "note", "target": {"selector": quote}}
        report = interchange.import_annotations(library, article, json.dumps([item]))
        found = AnnotationStore(library).for_article(article)[0]
    finally:
        library.close()
    assert (report.anchored, report.orphaned) == (1, 0)
    assert found.anchor.exact == "Monday\nthat Joe Biden"
    assert body[found.anchor.start : found.anchor.end] == found.anchor.exact

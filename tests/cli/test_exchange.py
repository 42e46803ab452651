"""export --format qdc|qdpx|jsonl|spacy and import-annotations of REFI-QDA files."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import spacy
from lxml import etree
from spacy.tokens import DocBin

from gui.core.entities.commands import AddCorrection
from gui.core.entities.corrections import Correction
from gui.core.storage import apply
from tests.cli.helpers import (
    FLOODS,
    TALKS,
    annotated_library,
    annotations_of,
    closing_library,
    mentions,
    run_cli,
)
from tests.cli.test_export import QUOTE

SCHEMAS = Path(__file__).resolve().parents[1] / "fixtures" / "refi-qda"


def valid(document: bytes, schema: str) -> bool:
    """True when document is valid against one of the REFI-QDA schemas."""
    checker = etree.XMLSchema(etree.parse(str(SCHEMAS / schema)))
    return checker.validate(etree.fromstring(document))


def test_the_codebook_goes_out_as_qdc_without_an_article(capsys, library):
    run_cli(capsys, "--library", library, "new")  # only import and new create a library
    code, out, err = run_cli(capsys, "--library", library, "export", "--format", "qdc")
    assert (code, err) == (0, "")
    assert valid(out.encode("utf-8"), "Codebook.xsd")
    assert 'name="Needs verification"' in out


def test_a_library_wide_project_goes_out_and_comes_back_in(capsys, tmp_path, articles):
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    annotated_library(capsys, first, articles)
    run_cli(capsys, "--library", first, "import", articles / "talks.txt")
    project = tmp_path / "all.qdpx"
    code, out, err = run_cli(
        capsys, "--library", first, "export", "--format", "qdpx", "--all", "--output", project
    )
    assert (code, out, err) == (0, f"exported to {project}\n", "")
    with zipfile.ZipFile(project) as archive:
        assert valid(archive.read("project.qde"), "Project.xsd")
        assert len([n for n in archive.namelist() if n.startswith("sources/")]) == 2
    run_cli(capsys, "--library", second, "new")
    code, out, err = run_cli(capsys, "--library", second, "import-annotations", project)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "codebook: added 0 labels (none), 7 known",
        "article 1 (added): Floods hit Lagos",
        "anchored 2, orphaned 0",
        "article 2 (added): Ceasefire talks resume in Geneva",
        "anchored 0, orphaned 0",
    ]
    assert annotations_of(second) == annotations_of(first)


def test_a_qdc_codebook_is_imported(capsys, tmp_path, library):
    book = tmp_path / "book.qdc"
    book.write_text(
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
        '<Code guid="aaaaaaaa-0000-4000-8000-000000000001" name="Framing" isCodable="true"'
        ' color="#112233"/></Codes></CodeBook>',
        encoding="utf-8",
    )
    run_cli(capsys, "--library", library, "new")
    code, out, _ = run_cli(capsys, "--library", library, "import-annotations", book)
    assert (code, out) == (0, "codebook: added 1 labels (Framing), 0 known\n")


def test_a_hostile_project_is_refused_and_nothing_changes(capsys, tmp_path, library):
    evil = tmp_path / "evil.qdpx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "project.qde",
            '<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project name="&x;"/>',
        )
    evil.write_bytes(buffer.getvalue())
    run_cli(capsys, "--library", library, "new")
    code, out, err = run_cli(capsys, "--library", library, "import-annotations", evil)
    assert (code, out) == (1, "")
    assert err.startswith(f"error: {evil}: project.qde declares a DTD")


def test_options_that_do_not_go_together_are_usage_errors(capsys, library):
    for argv, message in (
        (["--format", "w3c"], "--article ID is needed for w3c"),
        (["--format", "csv", "--all"], "--all is for jsonl, qdpx, spacy, not csv"),
        (["--format", "jsonl", "--all", "--article", "1"], "either --article or --all"),
    ):
        code, _, err = run_cli(capsys, "--library", library, "export", *argv)
        assert code == 2 and message in err


def test_jsonl_has_the_corrected_entities_of_every_article(
    capsys, library, articles, fake_pipeline
):
    run_cli(capsys, "--library", library, "import", articles)
    fake_pipeline.entities = mentions(
        FLOODS, ("Lagos", "PLACE", "Lagos"), ("Sunday", "DATE", "Sunday")
    )
    with closing_library(library) as opened:
        apply(opened, AddCorrection(Correction(0, "remove", "Sunday", "", "", "")))
    code, out, err = run_cli(capsys, "--library", library, "export", "--format", "jsonl", "--all")
    assert (code, err) == (0, "")
    lines = [json.loads(line) for line in out.splitlines()]
    floods = next(line for line in lines if line["text"] == FLOODS)
    start = FLOODS.index("Lagos")
    assert floods["spans"] == [{"start": start, "end": start + 5, "label": "PLACE"}]
    assert floods["meta"]["title"] == "Floods hit Lagos"
    assert len(lines) == 2 and fake_pipeline.loads == 1  # loaded once for both


def test_spacy_docbin_of_quotes_and_sources(capsys, library, articles, fake_pipeline):
    run_cli(capsys, "--library", library, "import", articles / "talks.txt")
    said = QUOTE | {
        "content": _span("We are not leaving,"),
        "source": QUOTE["source"] | _span("Angela Merkel"),
    }
    fake_pipeline.findings = {"attributions": [said]}
    output = library.parent / "quotes.spacy"
    argv = ["export", "--article", 1, "--format", "spacy", "--spans", "quotes", "--output", output]
    code, _, err = run_cli(capsys, "--library", library, *argv)
    assert (code, err) == (0, "")
    (doc,) = DocBin().from_bytes(output.read_bytes()).get_docs(spacy.blank("en").vocab)
    assert doc.text == TALKS
    assert [(span.label_, span.text) for span in doc.spans["sc"]] == [
        ("QUOTE", "We are not leaving,"),
        ("SOURCE", "Angela Merkel"),
    ]
    assert list(doc.ents) == []


def _span(text: str) -> dict:
    """A span of TALKS as the findings' JSON gives it."""
    start = TALKS.index(text)
    return {"start": start, "end": start + len(text), "text": text}


def test_spacy_docbin_of_entities(capsys, library, articles, fake_pipeline):
    run_cli(capsys, "--library", library, "import", articles / "talks.txt")
    fake_pipeline.entities = mentions(TALKS, ("Angela Merkel", "PERSON", "Angela Merkel"))
    output = library.parent / "entities.spacy"
    argv = ["export", "--article", 1, "--format", "spacy", "--output", output]
    assert run_cli(capsys, "--library", library, *argv)[0] == 0
    (doc,) = DocBin().from_bytes(output.read_bytes()).get_docs(spacy.blank("en").vocab)
    assert [(e.label_, e.text) for e in doc.ents] == [("PERSON", "Angela Merkel")]

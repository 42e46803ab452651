"""REFI-QDA: .qdc and .qdpx against the standard's schemas, round trips, and hostile files."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from gui.core.annotations.model import DEFAULT_CODEBOOK
from gui.core.interchange import refi_reader
from gui.core.interchange.common import InterchangeError
from gui.core.interchange.refi_export import export_codebook, export_project
from gui.core.interchange.refi_import import ImportCodebook, ImportProject
from gui.core.storage import AnnotationStore, ArticleStore, LabelStore, Library
from gui.core.storage.commands_store import carry_out
from tests.core.interchange_helpers import (
    BODY,
    add_article,
    annotate,
    annotated_article,
    comparable,
    memory_library,
)

SCHEMAS = Path(__file__).resolve().parents[2] / "fixtures" / "refi-qda"
NS = "urn:QDA-XML:project:1.0"


def schema(name: str) -> etree.XMLSchema:
    """One of the standard's XSD schemas."""
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


@pytest.fixture
def library() -> Iterator[Library]:
    """A fresh in-memory library."""
    with memory_library() as lib:
        yield lib


def members(data: bytes) -> dict[str, bytes]:
    """The files of a zip."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def qdpx(project_qde: str | bytes) -> bytes:
    """A .qdpx made by hand, holding only project.qde."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        qde = project_qde.encode() if isinstance(project_qde, str) else project_qde
        archive.writestr("project.qde", qde)
    return buffer.getvalue()


def test_the_codebook_is_valid_against_the_codebook_schema(library):
    document = etree.fromstring(export_codebook(library))
    codebook = schema("Codebook.xsd")
    assert codebook.validate(document), codebook.error_log
    names = [code.get("name") for code in document.iter("{urn:QDA-XML:codebook:1.0}Code")]
    assert names == [label.name for label in DEFAULT_CODEBOOK]


def test_the_project_is_valid_against_the_project_schema(library):
    made = annotated_article(library)
    exported = export_project(library, [made.article_id], "Mosul")
    files = members(exported.data)
    project = schema("Project.xsd")
    document = etree.fromstring(files["project.qde"])
    assert project.validate(document), project.error_log
    (source,) = document.iter(f"{{{NS}}}TextSource")
    path = source.get("plainTextPath").removeprefix("internal://")
    assert files[f"sources/{path}"].decode("utf-8") == BODY
    selections = list(source.iter(f"{{{NS}}}PlainTextSelection"))
    assert len(selections) == 3  # the orphan is left out, and said so
    assert exported.left_out == (f"article {made.article_id}: orphaned annotation 'much'",)
    for selection in selections:  # positions in code points, as the standard counts
        start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
        assert BODY[start:end] == selection.get("name")


def test_a_project_round_trip_is_exact(library):
    made = annotated_article(library)
    first = export_project(library, [made.article_id], "Mosul")
    with memory_library() as other:
        report = carry_out(other, ImportProject(first.data, None, "mosul.qdpx")).report
        (article_report,) = report.articles
        assert (article_report.anchored, article_report.article_added) == (3, True)
        assert report.codebook.added == ("Rumour",)
        copy_id = article_report.article_id
        anchored = [row for row in comparable(library, made.article_id) if not row[-1]]
        assert comparable(other, copy_id) == anchored
        copy = ArticleStore(other).get(copy_id)
        original = ArticleStore(library).get(made.article_id)
        assert (copy.body, copy.metadata.title, copy.metadata.url) == (
            original.body,
            original.metadata.title,
            original.metadata.url,
        )
        labels = lambda lib: [(x.name, x.colour, x.description) for x in LabelStore(lib).labels()]  # noqa: E731
        assert labels(other) == labels(library)
        again = export_project(other, [copy_id], "Mosul")
    strip = lambda data: _without_import_times(members(data)["project.qde"])  # noqa: E731
    assert strip(again.data) == strip(first.data)  # the same GUIDs, codes, users and notes


def _without_import_times(qde: bytes) -> bytes:
    """project.qde without the sources' creation times (when each library imported them)."""
    root = etree.fromstring(qde)
    for source in root.iter(f"{{{NS}}}TextSource"):
        del source.attrib["creationDateTime"]
    return etree.tostring(root)


def test_importing_a_project_twice_adds_nothing_and_undo_takes_it_all_back(library):
    made = annotated_article(library)
    data = export_project(library, [made.article_id], "Mosul").data
    with memory_library() as other:
        applied = carry_out(other, ImportProject(data))
        again = carry_out(other, ImportProject(data)).report
        assert again.articles[0].duplicates == 3 and again.articles[0].anchored == 0
        carry_out(other, applied.inverse)
        assert ArticleStore(other).count() == 0
        assert [x.name for x in LabelStore(other).labels()] == [x.name for x in DEFAULT_CODEBOOK]


def test_a_codebook_round_trip_adds_what_is_missing_once(library):
    annotated_article(library)  # adds "Rumour"
    data = export_codebook(library)
    with memory_library() as other:
        report = carry_out(other, ImportCodebook(data, "book.qdc")).report
        assert (report.added, len(report.known)) == (("Rumour",), len(DEFAULT_CODEBOOK))
        rumour = next(x for x in LabelStore(other).labels() if x.name == "Rumour")
        assert (rumour.colour, rumour.description) == ("#ABCDEF", "About Rumour")
        assert carry_out(other, ImportCodebook(data)).report.added == ()


PROJECT = """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Field notes" origin="QualCoder 3.5">
  <Users>
    <User guid="11111111-1111-4111-8111-111111111111" name="Ana"/>
    <User guid="22222222-2222-4222-8222-222222222222" name="Ben"/>
  </Users>
  <CodeBook><Codes>
    <Code guid="aaaaaaaa-0000-4000-8000-000000000001" name="Claim" isCodable="true"/>
    <Code guid="aaaaaaaa-0000-4000-8000-000000000002" name="Witness" isCodable="true"
          color="#123456"><Description>Someone who saw it</Description>
      <Code guid="aaaaaaaa-0000-4000-8000-000000000003" name="Eyewitness" isCodable="true"/>
    </Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="bbbbbbbb-0000-4000-8000-000000000001" name="Harbour"
                plainTextPath="internal://harbour.txt">
      <PlainTextSelection guid="cccccccc-0000-4000-8000-000000000001" name="%(quote)s"
          startPosition="%(start)s" endPosition="%(end)s"
          creatingUser="11111111-1111-4111-8111-111111111111"
          creationDateTime="2024-05-02T09:30:00Z">
        <Coding guid="dddddddd-0000-4000-8000-000000000001"
                creatingUser="11111111-1111-4111-8111-111111111111">
          <CodeRef targetGUID="aaaaaaaa-0000-4000-8000-000000000001"/>
        </Coding>
        <Coding guid="dddddddd-0000-4000-8000-000000000002"
                creatingUser="22222222-2222-4222-8222-222222222222">
          <CodeRef targetGUID="aaaaaaaa-0000-4000-8000-000000000003"/>
        </Coding>
        <NoteRef targetGUID="eeeeeeee-0000-4000-8000-000000000001"/>
      </PlainTextSelection>
    </TextSource>
    <PictureSource guid="bbbbbbbb-0000-4000-8000-000000000002" name="Photo" path="x.jpg"/>
  </Sources>
  <Notes>
    <Note guid="eeeeeeee-0000-4000-8000-000000000001" name="memo">
      <PlainTextContent>Check the count</PlainTextContent>
    </Note>
  </Notes>
</Project>
"""
HARBOUR = "\U0001f6a2 Port news: 40 people were killed, the mayor said.\n"


def test_a_project_from_another_tool_imports_users_as_layers(library):
    data = harbour_project_files(HARBOUR.index("40 people"))
    report = carry_out(library, ImportProject(data, None, "field.qdpx")).report
    assert report.skipped == ("Photo: a PictureSource, not a text (only texts are read)",)
    assert "Eyewitness" in report.codebook.added and "Witness" in report.codebook.added
    (article,) = ArticleStore(library).summaries("")
    found = AnnotationStore(library).for_article(article.id)
    names = {x.id: x.name for x in LabelStore(library).labels()}
    assert sorted((a.annotator, names[a.label_id], a.text, a.note) for a in found) == [
        ("Ana", "Claim", "40 people were killed", "Check the count"),
        ("Ben", "Eyewitness", "40 people were killed", "Check the count"),
    ]
    assert {a.iri for a in found} == {
        "urn:uuid:cccccccc-0000-4000-8000-000000000001",
        "urn:uuid:dddddddd-0000-4000-8000-000000000002",
    }


def harbour_project_files(start: int, quote: str = "40 people were killed") -> bytes:
    """harbour_project with its text where the project says it is."""
    qde = PROJECT % {"quote": quote, "start": start, "end": start + len(quote)}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("project.qde", qde)
        archive.writestr("sources/harbour.txt", HARBOUR.encode("utf-8"))
    return buffer.getvalue()


def test_positions_of_a_tool_that_counts_utf16_units_are_read_when_the_name_confirms(library):
    start = HARBOUR.index("40 people")  # the ship emoji is two UTF-16 units
    carry_out(library, ImportProject(harbour_project_files(start + 1)))
    texts = {a.text for a in AnnotationStore(library).for_article(1)}
    assert texts == {"40 people were killed"}


def test_a_project_with_a_dtd_or_entities_is_refused_before_parsing(library):
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>'
    )
    laughs = '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><l>&b;</l>'
    for document in (xxe, laughs):
        with pytest.raises(InterchangeError, match="DTD or entities"):
            carry_out(library, ImportProject(qdpx(document), source="evil.qdpx"))
    assert ArticleStore(library).count() == 0


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK not really a zip", "not a zip archive"),
        (qdpx("<Project name='x' xmlns='urn:QDA-XML:project:1.0'><Sources/></Project"), "XML"),
        (qdpx("<CodeBook xmlns='urn:QDA-XML:codebook:1.0'><Codes/></CodeBook>"), "Project"),
    ],
)
def test_files_that_are_no_projects_are_refused_naming_the_file(library, data, reason):
    with pytest.raises(InterchangeError, match=reason) as caught:
        carry_out(library, ImportProject(data, source="bad.qdpx"))
    assert str(caught.value).startswith("bad.qdpx: ")


def test_a_zip_bomb_is_refused_without_unpacking_it(library):
    bomb = qdpx(b"<Project>" + b" " * (4 * 1024 * 1024) + b"</Project>")
    with pytest.raises(InterchangeError, match="zip bomb"):
        carry_out(library, ImportProject(bomb))


def test_members_larger_than_the_bounds_or_too_many_are_refused(library, monkeypatch):
    data = harbour_project_files(HARBOUR.index("40 people") + 1)
    monkeypatch.setattr(refi_reader, "MAX_SOURCE_BYTES", 10)
    report = carry_out(library, ImportProject(data)).report
    assert report.articles == () and "larger than" in report.skipped[0]
    monkeypatch.setattr(refi_reader, "MAX_MEMBERS", 1)
    with pytest.raises(InterchangeError, match="holds 2 files"):
        carry_out(library, ImportProject(data))


def test_a_source_whose_text_passes_the_article_limit_is_skipped(library, monkeypatch):
    # As for every import, the limit is what the text becomes, not the file's size.
    monkeypatch.setattr(refi_reader, "MAX_TEXT_CHARS", len(HARBOUR) - 1)
    report = carry_out(library, ImportProject(harbour_project_files(0))).report
    assert report.articles == () and ArticleStore(library).count() == 0
    assert f"passes the limit of {len(HARBOUR) - 1:,} characters" in report.skipped[0]


@pytest.mark.parametrize(
    "path", ["file:///etc/passwd", "internal://../../etc/passwd", "relative/notes.txt"]
)
def test_a_source_whose_text_is_outside_the_project_is_skipped(library, path):
    qde = (PROJECT % {"quote": "x", "start": 0, "end": 1}).replace("internal://harbour.txt", path)
    report = carry_out(library, ImportProject(qdpx(qde))).report
    assert report.articles == ()
    assert "its text is not inside the project" in report.skipped[0]


def test_a_selection_outside_its_text_is_skipped_with_a_reason(library):
    report = carry_out(library, ImportProject(harbour_project_files(500))).report
    assert report.articles[0].anchored == 0
    assert "outside the text" in report.articles[0].skipped[0]


def test_notes_keep_carriage_returns_and_markup_characters(library):
    article_id = add_article(library)
    note = 'Line one\r\nline <two> & "three"\rend'
    annotate(library, article_id, "40 people were killed", note=note)
    data = export_project(library, [article_id], "x").data
    with memory_library() as other:
        carry_out(other, ImportProject(data))
        (copy,) = AnnotationStore(other).for_article(1)
    assert copy.note == note


def test_annotations_on_an_article_the_library_has_go_to_it(library):
    article_id = add_article(library)
    annotate(library, article_id, "40 people were killed", note="first")
    data = export_project(library, [article_id], "x").data
    with memory_library() as other:
        other_id = add_article(other)
        report = carry_out(other, ImportProject(data)).report
        assert (report.articles[0].article_id, report.articles[0].article_added) == (
            other_id,
            False,
        )

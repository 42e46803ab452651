"""The command line: parsing, each command's output and exit code, and no Qt on its path."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from gui.cli import commands as cli_commands
from gui.cli import common as cli_common
from gui.cli import main as cli
from gui.cli.main import main, parse_args
from gui.core.entities.pipeline import Entity, PipelineMissing, load_pipeline
from gui.core.sourcing.commands import (
    AddSourcingCorrection,
    SetClaimAssessment,
    SourcingCorrection,
    claim_key,
)
from gui.core.sourcing.model import Attribution, Findings, Hedge, NumericClaim, Source, SpanText
from gui.core.storage import (
    EntityStore,
    Library,
    SourcingStore,
    apply,
    default_library_path,
    open_library,
)
from tests.core.interchange_helpers import annotate, comparable

SOURCING_KEYS = ("attributions", "hedges", "numbers")

ROOT = Path(__file__).resolve().parents[2]

# Curly quotes and emoji (outside the BMP, one with a skin-tone modifier) before the entities,
# so that any offset counted in bytes or UTF-16 units lands in the wrong place.
TALKS = (
    "Ceasefire talks resume in Geneva\n\n"
    "By Maria Lopez\n\n"
    "\u201cWe are not leaving,\u201d Angela Merkel told reporters \U0001f642 in Berlin on "
    "Tuesday. Officials from the United Nations said 40 people attended. \U0001f44d\U0001f3fd "
    "Merkel later left.\n"
)
FLOODS = "Floods hit Lagos\n\nHeavy rain flooded parts of Lagos on Sunday, officials said.\n"


def write(folder: Path, name: str, text: str) -> Path:
    """Write text as UTF-8 with the line endings exactly as given."""
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return path


def mentions(text: str, *found: tuple[str, str, str]) -> list[Entity]:
    """Entities for the first occurrence of each (text, label, group) in text."""
    entities = []
    for surface, label, group in found:
        start = text.index(surface)
        entities.append(Entity(start, start + len(surface), label, surface, group))
    return sorted(entities)


@dataclass
class FakePipeline:
    """Stands in for the spaCy pipeline: fixed entities, and a count of the texts analysed."""

    entities: list[Entity] = field(default_factory=list)
    id: str = "fake-pipeline"
    texts: list[str] = field(default_factory=list)
    loads: int = 0
    findings: dict = field(default_factory=dict)  # what the sourcing analysis finds, as JSON
    sourced: list[tuple[str, object, list[Entity]]] = field(default_factory=list)

    def analyse(self, text: str, progress=None, cancelled=None) -> list[Entity]:
        self.texts.append(text)
        return list(self.entities)

    def sourcing(self, body: str, pipeline: object, entities, lexicons=None, progress=None):
        """Stands in for the sourcing analysis, recording what it was given."""
        self.sourced.append((body, pipeline, list(entities)))
        return Findings.from_json(self.findings)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """Where the test's library file goes."""
    return tmp_path / "library.sqlite"


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """A folder with two articles."""
    folder = tmp_path / "articles"
    folder.mkdir()
    write(folder, "talks.txt", TALKS)
    write(folder, "floods.txt", FLOODS)
    return folder


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> FakePipeline:
    """A fake pipeline that the commands load instead of spaCy; counts the loads."""
    pipeline = FakePipeline()

    def load(outlets=None):
        pipeline.loads += 1
        return pipeline

    monkeypatch.setattr(cli_common, "load_entity_pipeline", load)
    monkeypatch.setattr("gui.core.sourcing.analysis.analyse_sourcing", pipeline.sourcing)
    return pipeline


@pytest.fixture(scope="module")
def spacy_pipeline():
    """The real pipeline, loaded once for the module (slow)."""
    return load_pipeline()


@pytest.fixture
def real_pipeline(monkeypatch: pytest.MonkeyPatch, spacy_pipeline):
    """The commands use the module's real pipeline instead of loading their own."""
    monkeypatch.setattr(cli_common, "load_entity_pipeline", lambda outlets=None: spacy_pipeline)
    return spacy_pipeline


def run_cli(capsys: pytest.CaptureFixture, *argv: object) -> tuple[int, str, str]:
    """Run the command line in-process; return the exit code, stdout and stderr."""
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_help_lists_each_command_and_the_default_library(capsys):
    code, out, _ = run_cli(capsys, "--help")
    assert code == 0
    for command in ("import", "list", "analyze", "export"):
        assert f"    {command} " in out
    assert str(default_library_path()) in " ".join(out.split())


def test_without_a_command_the_arguments_are_for_the_window(library):
    ns = parse_args(["--library", str(library), "a.txt", "notes/b.md"])
    assert ns.command is None
    assert ns.library == library
    assert ns.files == [Path("a.txt"), Path("notes/b.md")]
    assert parse_args([]).files == []
    assert parse_args([]).library is None


def test_library_option_goes_before_or_after_the_command(library):
    assert parse_args(["--library", str(library), "list"]).library == library
    assert parse_args(["list", "--library", str(library)]).library == library
    assert parse_args(["list"]).library is None


def test_main_refuses_to_open_the_window(capsys, library):
    code, _, err = run_cli(capsys, "--library", library, "article.txt")
    assert code == 2
    assert "usage:" in err
    assert not library.exists()


def test_a_mistyped_command_is_an_error_not_a_file(capsys):
    code, _, err = run_cli(capsys, "lst")
    assert code == 2
    assert "invalid choice: 'lst'" in err


def test_import_prints_one_line_per_article_and_finds_duplicates(capsys, library, articles):
    code, out, err = run_cli(capsys, "--library", library, "import", articles)
    assert (code, err) == (0, "")
    talks_title = TALKS.splitlines()[0]
    assert out.splitlines() == ["imported 1: Floods hit Lagos", f"imported 2: {talks_title}"]
    code, out, _ = run_cli(capsys, "import", articles / "talks.txt", "--library", library)
    assert code == 0
    assert out == f"already in library as 2: {talks_title}\n"


def test_a_bad_file_fails_alone_and_the_batch_exits_1(capsys, library, tmp_path):
    good = write(tmp_path, "good.txt", FLOODS)
    unsupported = write(tmp_path, "notes.xyz", "text")
    empty = write(tmp_path, "empty.txt", "")
    code, out, err = run_cli(capsys, "--library", library, "import", unsupported, good, empty)
    assert code == 1
    assert out == "imported 1: Floods hit Lagos\n"
    errors = err.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith("error: notes.xyz: unsupported file type")
    assert errors[1].startswith("error: empty.txt: ")


def test_list_shows_an_aligned_table_and_json(capsys, library, articles):
    run_cli(capsys, "--library", library, "import", articles)
    code, out, _ = run_cli(capsys, "--library", library, "list")
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split() == ["ID", "TITLE", "OUTLET", "PUBLISHED", "ENTITIES"]
    titles = {row[header.index("TITLE") :].split("  ")[0] for row in rows}
    assert titles == {"Floods hit Lagos", TALKS.splitlines()[0]}
    assert all(len(row) == len(header) for row in rows)  # counts right-aligned under ENTITIES
    assert all(row.endswith("-") for row in rows)  # not analysed yet
    code, out, _ = run_cli(capsys, "--library", library, "list", "--json")
    listed = json.loads(out)
    assert {item["title"] for item in listed} == {"Floods hit Lagos", TALKS.splitlines()[0]}
    assert set(listed[0]) >= {"id", "title", "outlet", "published", "entity_count"}


def test_list_search_narrows_the_list(capsys, library, articles):
    run_cli(capsys, "--library", library, "import", articles)
    code, out, _ = run_cli(capsys, "--library", library, "list", "--json", "--search", "Merk")
    assert code == 0
    assert [item["id"] for item in json.loads(out)] == [2]
    code, out, err = run_cli(capsys, "--library", library, "list", "--search", 'no "such')
    assert (code, out) == (0, "")
    assert "no articles" in err


def damage(library: Path) -> None:
    """Overwrite the library with bytes that are not a database."""
    library.write_bytes(b"this is not an SQLite database\n" * 200)


def make_foreign(library: Path) -> None:
    """Make the library another program's SQLite database."""
    with closing(sqlite3.connect(library)) as db:
        db.execute("CREATE TABLE recipes (name TEXT)")


def make_too_new(library: Path) -> None:
    """Mark the library as written by a future version."""
    main(["--library", str(library), "list"])
    with closing(sqlite3.connect(library)) as db:
        db.execute("PRAGMA user_version = 9999")


@pytest.mark.parametrize(
    ("spoil", "reason"),
    [(damage, "damaged"), (make_foreign, "not a Sourcelight library"), (make_too_new, "newer")],
)
def test_an_unusable_library_is_one_error_line(capsys, library, articles, spoil, reason):
    spoil(library)
    before = library.read_bytes()
    capsys.readouterr()
    for command in (["list"], ["import", str(articles)], ["export", "--article", "1"]):
        code, out, err = run_cli(capsys, "--library", library, *command)
        assert (code, out) == (1, "")
        assert err.startswith("error: ") and err.count("\n") == 1
        assert str(library) in err and reason in err
    assert library.read_bytes() == before  # left as it was


def test_a_read_only_library_can_be_listed_but_not_changed(capsys, library, articles):
    run_cli(capsys, "--library", library, "import", articles / "floods.txt")
    library.chmod(stat.S_IRUSR)
    try:
        assert run_cli(capsys, "--library", library, "list")[0] == 0
        code, out, err = run_cli(capsys, "--library", library, "import", articles / "talks.txt")
    finally:
        library.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert (code, out) == (1, "")
    assert err.startswith("error: ") and "read-only" in err


def test_ctrl_c_exits_130(capsys, monkeypatch, library):
    def interrupted(ns):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_commands, "list_command", interrupted)
    assert run_cli(capsys, "--library", library, "list")[0] == cli.EXIT_INTERRUPTED == 130


def test_export_uses_cached_entities_without_loading_a_pipeline(capsys, monkeypatch, library):
    article = write(library.parent, "floods.txt", FLOODS)
    run_cli(capsys, "--library", library, "import", article)
    entities = mentions(FLOODS, ("Lagos", "PLACE", "Lagos"), ("Sunday", "DATE", "Sunday"))
    with_library = open_library(library)
    EntityStore(with_library).save(1, "cached-pipeline", entities)
    with_library.close()
    monkeypatch.setattr("gui.core.entities.pipeline.pipeline_id", lambda outlets: "cached-pipeline")
    monkeypatch.setattr(cli_common, "load_entity_pipeline", pytest.fail)
    code, out, _ = run_cli(capsys, "export", "--article", "1", "--library", library)
    assert code == 0
    exported = json.loads(out)
    assert exported["metadata"]["title"] == "Floods hit Lagos"
    assert exported["text"] == FLOODS
    assert exported["pipeline"] == "cached-pipeline"
    assert [(e["start"], e["text"], e["label"]) for e in exported["entities"]] == [
        (11, "Lagos", "PLACE"),
        (FLOODS.index("Sunday"), "Sunday", "DATE"),
    ]


def test_export_analyses_stores_and_writes_the_file(capsys, library, articles, fake_pipeline):
    run_cli(capsys, "--library", library, "import", articles / "talks.txt")
    fake_pipeline.entities = mentions(TALKS, ("Berlin", "PLACE", "Berlin"))
    output = library.parent / "out" / "talks.json"
    output.parent.mkdir()
    code, out, _ = run_cli(
        capsys, "--library", library, "export", "--article", 1, "--output", output
    )
    assert code == 0
    assert str(output) in out
    exported = json.loads(output.read_text(encoding="utf-8"))
    assert "\U0001f642" in output.read_text(encoding="utf-8")  # not escaped
    assert exported["entities"] == [
        {"start": 106, "end": 112, "text": "Berlin", "label": "PLACE", "group": "Berlin"},
    ]
    reopened = open_library(library)
    assert EntityStore(reopened).cached(1, "fake-pipeline") == fake_pipeline.entities
    reopened.close()


def test_export_of_an_unknown_article_is_an_error(capsys, library, articles):
    run_cli(capsys, "--library", library, "import", articles)
    code, out, err = run_cli(capsys, "--library", library, "export", "--article", "99")
    assert (code, out) == (1, "")
    assert err.startswith("error: ") and "99" in err


def test_analyze_loads_the_pipeline_once_and_reports_failures(capsys, tmp_path, fake_pipeline):
    folder = tmp_path / "folder"
    folder.mkdir()
    paths = [write(folder, f"{n}.txt", f"Article {n}\n\nText {n}.\n") for n in (2, 1)]
    paths.insert(0, write(tmp_path, "3.txt", "Article 3\n\nText 3.\n"))
    missing = tmp_path / "missing.txt"
    code, out, err = run_cli(capsys, "analyze", "--json", paths[0], missing, folder)
    assert code == 1
    assert fake_pipeline.loads == 1
    expected = [paths[0], folder / "1.txt", folder / "2.txt"]  # a folder's files sorted
    assert [json.loads(line)["path"] for line in out.splitlines()] == [str(p) for p in expected]
    assert fake_pipeline.texts == [
        "Article 3\n\nText 3.\n",
        "Article 1\n\nText 1.\n",
        "Article 2\n\nText 2.\n",
    ]
    assert err.startswith("error: missing.txt: ")


def test_analyze_without_a_pipeline_exits_2(capsys, monkeypatch, articles):
    def missing(outlets=None):
        raise PipelineMissing("No English spaCy model. Install one with: pip install a-model")

    monkeypatch.setattr(cli_common, "load_pipeline", missing)
    code, out, err = run_cli(capsys, "analyze", articles / "floods.txt")
    assert (code, out) == (2, "")
    assert "pip install a-model" in err


def test_analyze_summary_counts_types_and_lists_groups(capsys, articles, fake_pipeline):
    fake_pipeline.entities = mentions(
        TALKS,
        ("Angela Merkel", "PERSON", "Angela Merkel"),
        ("Merkel later", "PERSON", "Angela Merkel"),
        ("Maria Lopez", "PERSON", "Maria Lopez"),
        ("Berlin", "PLACE", "Berlin"),
    )
    code, out, _ = run_cli(capsys, "analyze", articles / "talks.txt")
    assert code == 0
    lines = [line.strip() for line in out.splitlines()]
    assert lines[1:7] == [
        "4 entities",
        "People: 3",
        "Angela Merkel (2): Angela Merkel, Merkel later",
        "Maria Lopez (1)",
        "Places: 1",
        "Berlin (1)",
    ]


@pytest.mark.slow
def test_analyze_json_offsets_index_the_text(capsys, articles, real_pipeline):
    code, out, err = run_cli(capsys, "analyze", articles / "talks.txt", "--json")
    assert (code, err) == (0, "")
    (line,) = out.splitlines()
    result = json.loads(line)
    assert set(result) == {"path", "title", "text", "entities", *SOURCING_KEYS}
    assert result["text"] == TALKS  # the file's content, unchanged
    assert result["title"] == "Ceasefire talks resume in Geneva"
    entities = result["entities"]
    assert all(set(e) == {"start", "end", "text", "label", "group"} for e in entities)
    assert all(TALKS[e["start"] : e["end"]] == e["text"] for e in entities)
    assert {"start": TALKS.index("Berlin"), "text": "Berlin", "label": "PLACE"}.items() <= {
        k: v for e in entities if e["text"] == "Berlin" for k, v in e.items()
    }.items()


@pytest.mark.slow
def test_analyze_json_lines_follow_the_order_given(capsys, articles, real_pipeline):
    floods, talks = articles / "floods.txt", articles / "talks.txt"
    code, out, _ = run_cli(capsys, "analyze", "--json", talks, floods)
    assert code == 0
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["path"] for r in results] == [str(talks), str(floods)]
    assert [r["text"] for r in results] == [TALKS, FLOODS]
    assert "Lagos" in {e["text"] for e in results[1]["entities"]}


@pytest.mark.slow
def test_analyze_json_sourcing_spans_index_the_text(capsys, articles, real_pipeline):
    code, out, _ = run_cli(capsys, "analyze", "--json", articles / "talks.txt")
    assert code == 0
    result = json.loads(out)
    for attribution in result["attributions"]:
        assert {"kind", "cue", "source", "content", "via"} <= set(attribution)
        assert {"type", "resolved"} <= set(attribution["source"])
        spans = [attribution["content"], attribution["cue"], attribution["source"]]
        spans += attribution["via"]
        assert all(in_text(TALKS, span) for span in spans if span and span["start"] is not None)
    for key, fields in (("hedges", {"class"}), ("numbers", {"approximator", "counted", "source"})):
        assert all(fields <= set(item) and in_text(TALKS, item) for item in result[key])
    merkel = [a for a in result["attributions"] if "Merkel" in source_of(a)]
    assert [a["content"]["text"].rstrip(",") for a in merkel] == ["We are not leaving"]
    assert "40" in {n["text"].split()[0] for n in result["numbers"]}


def in_text(text: str, span: dict) -> bool:
    """True when a {start, end, text} span indexes text exactly."""
    return text[span["start"] : span["end"]] == span["text"]


def source_of(attribution: dict) -> str:
    """An attribution's source: resolved, else as written."""
    return attribution["source"]["resolved"] or attribution["source"]["text"]


def test_analyze_json_adds_sourcing_found_with_the_one_loaded_pipeline(
    capsys, articles, fake_pipeline
):
    fake_pipeline.entities = mentions(TALKS, ("Angela Merkel", "PERSON", "Angela Merkel"))
    quote = Attribution(1, "direct", None, Source(None), SpanText(1, 20, "We are not leaving,"))
    hedge = Hedge(0, 1, "x", "doubt")
    fake_pipeline.findings = {"attributions": [quote.as_dict()], "hedges": [hedge.as_dict()]}
    talks, floods = articles / "talks.txt", articles / "floods.txt"
    code, out, _ = run_cli(capsys, "analyze", "--json", talks, floods)
    assert code == 0 and fake_pipeline.loads == 1
    first, second = (json.loads(line) for line in out.splitlines())
    assert set(first) == {"path", "title", "text", "entities", *SOURCING_KEYS}
    assert (first["attributions"], first["hedges"], first["numbers"]) == (
        [quote.as_dict()],
        [hedge.as_dict()],
        [],
    )
    assert second["text"] == FLOODS
    assert [(body, pipeline) for body, pipeline, _ in fake_pipeline.sourced] == [
        (TALKS, fake_pipeline),
        (FLOODS, fake_pipeline),
    ]
    assert fake_pipeline.sourced[0][2] == fake_pipeline.entities


def test_analyze_summary_does_not_run_the_sourcing_analysis(capsys, articles, fake_pipeline):
    assert run_cli(capsys, "analyze", articles / "talks.txt")[0] == 0
    assert fake_pipeline.sourced == []


# Sourcing: the own JSON export and ClaimReview


FIGURE = {"start": TALKS.index("40 people"), "end": TALKS.index("40 people") + 9}
NUMBER = FIGURE | {"id": 1, "text": "40 people", "approximator": "", "counted": "people",
                   "source": "Officials from the United Nations", "via": []}  # fmt: skip
QUOTE_SPAN = {"start": 1, "end": 20, "text": "We are not leaving,"}
QUOTE = {
    "id": 1,
    "kind": "direct",
    "cue": None,
    "source": {"start": None, "end": None, "text": "", "type": "person",
               "resolved": "Angela Merkel", "anonymous": False, "channel": "", "verify": False},
    "content": QUOTE_SPAN,
    "via": [],
}  # fmt: skip
REPORTED_SPAN = FIGURE | {"end": FIGURE["start"] + 18, "text": "40 people attended"}
REPORTED = QUOTE | {"id": 2, "kind": "indirect", "content": REPORTED_SPAN,
                    "source": QUOTE["source"] | {"resolved": NUMBER["source"]}}  # fmt: skip


def assessed_library(capsys: pytest.CaptureFixture, library: Path, articles: Path) -> None:
    """Import talks.txt and give its figure a verdict (and a speaker correction)."""
    run_cli(capsys, "--library", library, "import", articles / "talks.txt")
    with closing_library(library) as opened:
        key = claim_key("40 people", FIGURE["start"])
        apply(opened, SetClaimAssessment(1, key, "disputed", "B", "3", "UN says 38.", "zoë"))
        where = (REPORTED_SPAN["start"], REPORTED_SPAN["end"], REPORTED_SPAN["text"])
        fix = SourcingCorrection(0, 1, "speaker", *where, "Stéphane Dujarric")
        apply(opened, AddSourcingCorrection(fix))


def test_export_claimreview_finds_corrects_and_caches_the_findings(
    capsys, library, articles, fake_pipeline
):
    assessed_library(capsys, library, articles)
    fake_pipeline.findings = {"attributions": [QUOTE, REPORTED], "numbers": [NUMBER]}
    argv = ["--library", library, "export", "--article", 1, "--format", "claimreview"]
    code, out, err = run_cli(capsys, *argv)
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert document["@context"] == "https://schema.org"
    [review] = document["@graph"]
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"].startswith("Officials from the United Nations said 40 people")
    assert review["reviewRating"]["alternateName"] == "Disputed"
    assert review["author"] == {"@type": "Person", "name": "zoë"}
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Stéphane Dujarric"}
    assert fake_pipeline.loads == 1
    with closing_library(library) as opened:
        [(pipeline_id, cached)] = [SourcingStore(opened).latest(1)]
    assert pipeline_id.startswith("fake-pipeline/")
    assert cached.numbers == (NumericClaim.from_dict(NUMBER),)


def test_export_claimreview_uses_saved_findings_without_the_model(
    capsys, monkeypatch, library, articles, fake_pipeline
):
    assessed_library(capsys, library, articles)
    fake_pipeline.findings = {"numbers": [NUMBER]}
    argv = ["--library", library, "export", "--article", 1, "--format", "claimreview"]
    run_cli(capsys, *argv)
    monkeypatch.setattr("gui.core.entities.pipeline.pipeline_id", lambda outlets: "fake-pipeline")
    monkeypatch.setattr(cli_common, "load_entity_pipeline", pytest.fail)
    code, out, _ = run_cli(capsys, *argv, "--annotator", "sam")
    assert code == 0 and len(json.loads(out)["@graph"]) == 1


def test_export_claimreview_without_verdicts_needs_no_model(capsys, monkeypatch, library, articles):
    run_cli(capsys, "--library", library, "import", articles / "talks.txt")
    monkeypatch.setattr(cli_common, "load_entity_pipeline", pytest.fail)
    argv = ["--library", library, "export", "--article", 1, "--format", "claimreview"]
    code, out, _ = run_cli(capsys, *argv)
    assert code == 0
    assert json.loads(out) == {"@context": "https://schema.org", "@graph": []}


def test_export_json_carries_the_sourcing_found_with_the_entities(
    capsys, library, articles, fake_pipeline
):
    assessed_library(capsys, library, articles)
    fake_pipeline.findings = {"attributions": [QUOTE, REPORTED], "numbers": [NUMBER]}
    code, out, _ = run_cli(capsys, "--library", library, "export", "--article", 1)
    assert code == 0
    sourcing = json.loads(out)["sourcing"]
    written = [Attribution.from_dict(a).as_dict() for a in (QUOTE, REPORTED)]
    assert sourcing["findings"]["attributions"] == written  # before corrections
    assert [c["value"] for c in sourcing["corrections"]] == ["Stéphane Dujarric"]
    assert [a["status"] for a in sourcing["assessments"]] == ["disputed"]
    assert len(fake_pipeline.sourced) == 1


def test_importing_articles_loads_neither_qt_nor_spacy(tmp_path):
    article = write(tmp_path, "floods.txt", FLOODS)
    argv = ["--library", str(tmp_path / "library.sqlite"), "import", str(article)]
    script = (
        "import sys, gui.cli.main\n"
        f"code = gui.cli.main.main({argv!r})\n"
        "assert code == 0, code\n"
        "assert 'PySide6' not in sys.modules, 'Qt was imported'\n"
        "assert 'spacy' not in sys.modules, 'spaCy was imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "imported 1: Floods hit Lagos\n"


# Annotations: export in three formats, import-annotations


def annotated_library(capsys: pytest.CaptureFixture, library: Path, articles: Path) -> None:
    """Import floods.txt into the library file and annotate it twice (one without a note)."""
    run_cli(capsys, "--library", library, "import", articles / "floods.txt")
    with closing_library(library) as opened:
        annotate(opened, 1, "Heavy rain", "Claim", note='Rain, "heavy"\nsays who?')
        annotate(opened, 1, "officials said", "Source", annotator="")


@contextmanager
def closing_library(path: Path) -> Iterator[Library]:
    """The library file opened, and closed afterwards."""
    opened = open_library(path)
    try:
        yield opened
    finally:
        opened.close()


def annotations_of(path: Path, article_id: int = 1) -> list[tuple]:
    """The article's annotations in a library file, without ids."""
    with closing_library(path) as opened:
        return comparable(opened, article_id)


def test_help_names_import_annotations_and_the_export_formats(capsys):
    code, out, _ = run_cli(capsys, "--help")
    assert code == 0 and "\n    import-annotations" in out
    code, out, _ = run_cli(capsys, "export", "--help")
    assert code == 0 and "{json,csv,w3c,claimreview}" in out


def test_export_csv_to_stdout_parses_back(capsys, library, articles):
    annotated_library(capsys, library, articles)
    code, out, err = run_cli(
        capsys, "--library", library, "export", "--article", 1, "--format", "csv"
    )
    assert (code, err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert [(r["label"], r["text"], r["annotator"]) for r in rows] == [
        ("Claim", "Heavy rain", "dana"),
        ("Source", "officials said", ""),
    ]
    assert rows[0]["note"] == 'Rain, "heavy"\nsays who?'


def test_export_w3c_to_a_file_in_utf8(capsys, library, articles):
    annotated_library(capsys, library, articles)
    output = library.parent / "floods.jsonld"
    argv = ["--library", library, "export", "--article", 1, "--format", "w3c", "--output", output]
    code, out, _ = run_cli(capsys, *argv)
    assert (code, out) == (0, f"exported to {output}\n")
    collection = json.loads(output.read_text(encoding="utf-8"))
    assert (collection["type"], collection["total"]) == ("AnnotationCollection", 2)
    assert collection["first"]["items"][0]["@context"] == "http://www.w3.org/ns/anno.jsonld"


def test_export_csv_and_w3c_need_no_pipeline(capsys, monkeypatch, library, articles):
    annotated_library(capsys, library, articles)
    monkeypatch.setattr(cli_common, "load_entity_pipeline", pytest.fail)
    for kind in ("csv", "w3c"):
        assert (
            run_cli(capsys, "--library", library, "export", "--article", 1, "--format", kind)[0]
            == 0
        )


def test_json_round_trip_through_the_command_line(capsys, tmp_path, articles, fake_pipeline):
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    annotated_library(capsys, first, articles)
    exported = tmp_path / "floods.json"
    run_cli(capsys, "--library", first, "export", "--article", 1, "--output", exported)
    code, out, err = run_cli(capsys, "--library", second, "import-annotations", exported)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "article 1 (added): Floods hit Lagos",
        "anchored 2, orphaned 0",
    ]
    assert annotations_of(second) == annotations_of(first)
    code, out, _ = run_cli(capsys, "--library", second, "import-annotations", exported)
    assert out.splitlines() == [
        "article 1 (already in the library): Floods hit Lagos",
        "anchored 0, orphaned 0; 2 already in the article, not imported again",
    ]


def test_import_w3c_reports_orphans_and_skipped_items(capsys, library, articles):
    run_cli(capsys, "--library", library, "import", articles / "floods.txt")
    items = [
        {
            "type": "Annotation",
            "target": {"selector": {"type": "TextQuoteSelector", "exact": "Lagos"}},
        },
        {
            "type": "Annotation",
            "target": {"selector": {"type": "TextQuoteSelector", "exact": "Accra"}},
        },
        {"type": "Annotation", "body": "no target"},
        {"type": "Person", "name": "not an annotation"},
    ]
    path = write(library.parent, "w3c.json", json.dumps(items))
    argv = ["--library", library, "import-annotations", "--article", 1, path, "--annotator", "Zoë"]
    code, out, err = run_cli(capsys, *argv)
    assert code == 1
    assert out == "anchored 1, orphaned 1\n"
    assert err.splitlines() == [
        "skipped: item 3: an annotation without a target",
        "skipped: item 4: a Person, not an Annotation",
    ]
    assert {row[3] for row in annotations_of(library)} == {"Zoë"}


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"{not json", "not valid JSON"), (b'{"some": "object"}', "expected a W3C Annotation")],
)
def test_import_of_a_bad_file_changes_nothing(capsys, library, articles, content, message):
    annotated_library(capsys, library, articles)
    before = annotations_of(library)
    path = library.parent / "bad.json"
    path.write_bytes(content)
    code, out, err = run_cli(
        capsys, "--library", library, "import-annotations", "--article", 1, path
    )
    assert (code, out) == (1, "")
    assert err.startswith(f"error: {path}: ") and message in err and "nothing was imported" in err
    assert annotations_of(library) == before


def test_import_needs_an_article_it_can_find(capsys, library, articles):
    run_cli(capsys, "--library", library, "import", articles / "floods.txt")
    item = {
        "type": "Annotation",
        "target": {"selector": {"type": "TextQuoteSelector", "exact": "rain"}},
    }
    path = write(library.parent, "one.json", json.dumps(item))
    code, _, err = run_cli(capsys, "--library", library, "import-annotations", path)
    assert code == 1 and "--article ID" in err
    code, _, err = run_cli(capsys, "--library", library, "import-annotations", "--article", 7, path)
    assert code == 1 and "there is no article 7" in err
    missing = library.parent / "missing.json"
    code, _, err = run_cli(
        capsys, "--library", library, "import-annotations", "--article", 1, missing
    )
    assert code == 1 and f"cannot read {missing}" in err


def test_import_reads_standard_input(capsys, monkeypatch, library, articles):
    run_cli(capsys, "--library", library, "import", articles / "floods.txt")
    item = {
        "type": "Annotation",
        "target": {"selector": {"type": "TextQuoteSelector", "exact": "rain"}},
    }
    stdin = io.TextIOWrapper(io.BytesIO(json.dumps(item).encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run_cli(capsys, "--library", library, "import-annotations", "--article", 1, "-")
    assert (code, out) == (0, "anchored 1, orphaned 0\n")


def test_importing_annotations_loads_neither_qt_nor_spacy(tmp_path, articles):
    library = tmp_path / "library.sqlite"
    main(["--library", str(library), "import", str(articles / "floods.txt")])
    item = {
        "type": "Annotation",
        "target": {"selector": {"type": "TextQuoteSelector", "exact": "rain"}},
    }
    path = write(tmp_path, "one.json", json.dumps(item))
    argv = ["--library", str(library), "import-annotations", "--article", "1", str(path)]
    script = (
        "import sys, gui.cli.main\n"
        f"code = gui.cli.main.main({argv!r})\n"
        "assert code == 0, code\n"
        "assert 'PySide6' not in sys.modules, 'Qt was imported'\n"
        "assert 'spacy' not in sys.modules, 'spaCy was imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "anchored 1, orphaned 0\n"


# compare: one layer scored against the key

# In FLOODS (79 characters): "Heavy rain flooded parts of Lagos" 18-51, "Heavy rain" 18-28,
# "officials said" 63-77.
KEY_LAYER = (("Heavy rain flooded parts of Lagos", "Claim"), ("officials said", "Source"))
ANA_LAYER = (("Heavy rain", "Claim"), ("officials said", "Source"))


def two_layers(capsys: pytest.CaptureFixture, library: Path) -> None:
    """floods.txt in the library, with the key's layer "Maria" and the trainee's "Ana"."""
    run_cli(capsys, "--library", library, "import", write(library.parent, "f.txt", FLOODS))
    with closing_library(library) as opened:
        for name, marks in (("Maria", KEY_LAYER), ("Ana", ANA_LAYER)):
            for quote, label in marks:
                annotate(opened, 1, quote, label, annotator=name)


def test_compare_prints_a_table_and_the_agreement_lines(capsys, library):
    two_layers(capsys, library)
    argv = ["--library", library, "compare", "--article", 1, "--key", "Maria", "--layer", "Ana"]
    code, out, err = run_cli(capsys, *argv)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Ana against the key Maria: article 1, Floods hit Lagos"
    assert lines[2].split() == ["exact", "overlap"]
    assert lines[3].split() == ["label", *(["P", "R", "F1", "match", "miss", "extra"] * 2)]
    rows = {line.split()[0]: " ".join(line.split()[-12:]) for line in lines[4:7]}
    # Claim: "Heavy rain" is not the key's span (exact: 0 matches, 1 miss, 1 extra) but
    # overlaps it (1 match). Source: the same span both ways. ALL exact: 1, 1, 1 -> 0.5.
    assert rows["Claim"] == "0.00 0.00 0.00 0 1 1 1.00 1.00 1.00 1 0 0"
    assert rows["Source"] == "1.00 1.00 1.00 1 0 0 1.00 1.00 1.00 1 0 0"
    assert rows["ALL"] == "0.50 0.50 0.50 1 1 1 1.00 1.00 1.00 2 0 0"
    # Characters: (C,C) 10, (C,none) 23, (S,S) 14, (none,none) 32: agreed 56 of 79.
    #   key C 33 S 14 none 32; Ana C 10 S 14 none 55; chance 330 + 196 + 1760 = 2286
    #   kappa = (79*56 - 2286)/(79² - 2286) = 2138/3955 = 0.5406
    assert "Cohen's kappa, characters: 0.541" in lines
    assert any(line.startswith("Cohen's kappa, tokens:") for line in lines)
    assert lines[-1].startswith("Krippendorff's u-alpha:")


def test_compare_json_has_the_same_numbers(capsys, library):
    two_layers(capsys, library)
    argv = ["--library", library, "compare", "--article", 1, "--key", "Maria", "--layer", "Ana"]
    table = run_cli(capsys, *argv)[1]
    code, out, _ = run_cli(capsys, *argv, "--json")
    assert code == 0
    result = json.loads(out)
    assert result["article"] == {"id": 1, "title": "Floods hit Lagos"}
    assert (result["key"], result["layer"]) == ("Maria", "Ana")
    exact_all, overlap_all = result["exact"][-1], result["overlap"][-1]
    assert exact_all == {
        "label": "ALL",
        "matches": 1,
        "misses": 1,
        "extras": 1,
        "precision": 0.5,
        "recall": 0.5,
        "f1": 0.5,
    }
    assert (overlap_all["matches"], overlap_all["f1"]) == (2, 1.0)
    assert result["kappa_chars"] == pytest.approx(2138 / 3955)
    for name in ("kappa_chars", "kappa_tokens", "alpha_unitizing"):
        assert f"{result[name]:.3f}" in table
    assert (result["missed"], result["extra"]) == ([], [])


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("--layer", "Zed"), "error: there is no layer 'Zed' (the layers of article 1: 'Ana', "),
        (("--key", "Nobody"), "error: there is no layer 'Nobody'"),
        (("--article", "9"), "error: there is no article 9"),
    ],
)
def test_compare_names_what_is_unknown_on_stderr(capsys, library, change, message):
    two_layers(capsys, library)
    options = {"--article": "1", "--key": "Maria", "--layer": "Ana"}
    options[change[0]] = change[1]
    argv = ["--library", library, "compare", *(x for pair in options.items() for x in pair)]
    code, out, err = run_cli(capsys, *argv)
    assert (code, out) == (1, "")
    assert err.startswith(message) and err.count("\n") == 1


def test_help_names_compare(capsys):
    code, out, _ = run_cli(capsys, "--help")
    assert code == 0 and "\n    compare " in out
    code, out, _ = run_cli(capsys, "compare", "--help")
    assert code == 0 and "--key NAME" in out and "--layer NAME" in out


# report: an article or class report as HTML or PDF


def report_library(capsys: pytest.CaptureFixture, library: Path) -> None:
    """floods.txt with the key layer "Key" ("Heavy rain", "officials said") and "Ana" ("rain")."""
    run_cli(capsys, "--library", library, "import", write(library.parent, "floods.txt", FLOODS))
    with closing_library(library) as opened:
        annotate(opened, 1, "Heavy rain", annotator="Key", note="Is it?")
        annotate(opened, 1, "officials said", "Source", annotator="Key")
        annotate(opened, 1, "rain", annotator="Ana")


def test_report_writes_an_article_report_as_html(capsys, library, tmp_path):
    report_library(capsys, library)
    output = tmp_path / "report.html"
    argv = ["--library", library, "report", "--article", 1, "--output", output]
    code, out, err = run_cli(capsys, *argv)
    assert (code, out, err) == (0, f"report written to {output}\n", "")
    html = output.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<h1>Floods hit Lagos</h1>" in html
    assert "<h3>Ana" in html and "<h3>Key" in html and "<td>Is it?</td>" in html


def test_report_layer_options_narrow_the_article_report(capsys, library, tmp_path):
    report_library(capsys, library)
    output = tmp_path / "report.html"
    argv = ["--library", library, "report", "--article", 1, "--output", output, "--layer", "Ana"]
    assert run_cli(capsys, *argv)[0] == 0
    html = output.read_text(encoding="utf-8")
    assert "<h3>Ana" in html and "<h3>Key" not in html


def test_report_with_a_key_writes_the_class_report(capsys, library, tmp_path):
    report_library(capsys, library)
    output = tmp_path / "class.html"
    argv = ["--library", library, "report", "--article", 1, "--key", "Key", "--output", output]
    assert run_cli(capsys, *argv)[0] == 0
    html = output.read_text(encoding="utf-8")
    # Ana: "rain" overlaps the key's "Heavy rain" (1 match), misses "officials said":
    # overlap F1 = 2 / (2 + 1) = 0.67; no exact match: 0.00.
    assert "<td>Ana</td><td>1</td><td>1</td><td>1</td><td>0</td><td>0.00</td><td>0.67</td>" in html
    assert "“officials said”" in html
    assert "--class-key NAME" in run_cli(capsys, "report", "--help")[1]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("--key", "Nobody"), "error: the answer key 'Nobody' has no annotations in this article"),
        (("--article", "9"), "error: there is no article 9"),
        (("--output", "/no/such/folder/r.html"), "error: cannot write /no/such/folder/r.html: "),
    ],
)
def test_report_names_what_went_wrong_on_stderr(capsys, library, tmp_path, change, message):
    report_library(capsys, library)
    options = {"--article": "1", "--output": str(tmp_path / "r.html")}
    options[change[0]] = change[1]
    argv = ["--library", library, "report", *(x for pair in options.items() for x in pair)]
    code, out, err = run_cli(capsys, *argv)
    assert (code, out) == (1, "")
    assert err.startswith(message) and err.count("\n") == 1


def test_report_html_loads_neither_qt_nor_spacy(capsys, library, tmp_path):
    report_library(capsys, library)
    argv = ["--library", str(library), "report", "--article", "1", "--key", "Key"]
    argv += ["--output", str(tmp_path / "class.html")]
    script = (
        "import sys, gui.cli.main\n"
        f"code = gui.cli.main.main({argv!r})\n"
        "assert code == 0, code\n"
        "assert 'PySide6' not in sys.modules, 'Qt was imported'\n"
        "assert 'spacy' not in sys.modules, 'spaCy was imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) is missing")
def test_report_pdf_runs_without_a_display(capsys, library, tmp_path):
    report_library(capsys, library)
    output = tmp_path / "class.pdf"
    argv = ["--library", library, "report", "--article", 1, "--key", "Key"]
    argv += ["--format", "pdf", "--output", output]
    # A process of its own: no Qt in this one, and no display or platform chosen for Qt.
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, argv)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    text = subprocess.run(["pdftotext", output, "-"], capture_output=True, text=True).stdout
    assert "Floods hit Lagos" in text and "0.67" in text

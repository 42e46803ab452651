"""The export command: own JSON with the sourcing, CSV, W3C and ClaimReview."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from gui.cli import common as cli_common
from gui.core.sourcing.commands import (
    AddSourcingCorrection,
    SetClaimAssessment,
    SourcingCorrection,
    claim_key,
)
from gui.core.sourcing.model import Attribution, NumericClaim
from gui.core.storage import (
    EntityStore,
    SourcingStore,
    apply,
    open_library,
)
from tests.cli.helpers import (
    FLOODS,
    TALKS,
    annotated_library,
    annotations_of,
    closing_library,
    mentions,
    run_cli,
    write,
)


def test_export_uses_cached_entities_without_loading_a_pipeline(capsys, monkeypatch, library):
    article = write(library.parent, "floods.txt", FLOODS)
    run_cli(capsys, "--library", library, "import", article)
    entities = mentions(FLOODS, ("Lagos", "PLACE", "Lagos"), ("Sunday", "DATE", "Sunday"))
    with_library = open_library(library)
    EntityStore(with_library).save(1, "cached-pipeline", entities)
    with_library.close()
    monkeypatch.setattr(
        "gui.core.entities.pipeline.pipeline_id", lambda outlets, model=None: "cached-pipeline"
    )
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
    monkeypatch.setattr(
        "gui.core.entities.pipeline.pipeline_id", lambda outlets, model=None: "fake-pipeline"
    )
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


def test_help_names_import_annotations_and_the_export_formats(capsys):
    code, out, _ = run_cli(capsys, "--help")
    assert code == 0 and "\n    import-annotations" in out
    code, out, _ = run_cli(capsys, "export", "--help")
    assert code == 0 and "{json,csv,w3c,claimreview,qdc,qdpx,jsonl,spacy}" in out


def test_export_csv_to_stdout_parses_back(capsys, library, articles):
    annotated_library(capsys, library, articles)
    code, out, err = run_cli(
        capsys, "--library", library, "export", "--article", 1, "--format", "csv"
    )
    assert (code, err) == (0, "")
    assert out.startswith("\ufeff")  # a byte order mark, for Excel
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"), newline="")))
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
    run_cli(capsys, "--library", second, "new")  # import-annotations creates no library
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

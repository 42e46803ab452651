"""The analyze command: entities of files, and with --json their sourcing."""

from __future__ import annotations

import json

import pytest

from gui.cli import common as cli_common
from gui.core.entities.pipeline import PipelineMissing
from gui.core.sourcing.model import Attribution, Hedge, Source, SpanText
from tests.cli.helpers import FLOODS, SOURCING_KEYS, TALKS, mentions, run_cli, write


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
    blank = " " * len("Article 3")  # the title line is metadata: not read, offsets kept
    assert fake_pipeline.texts == [f"{blank}\n\nText {n}.\n" for n in (3, 1, 2)]
    assert err.startswith("error: missing.txt: ")


def test_analyze_without_a_pipeline_exits_2(capsys, monkeypatch, articles):
    def missing(outlets=None, model=None):
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

"""The exercise command: the whole classroom cycle from the command line, refusals on stderr."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from gui.core.storage.exercise_store import ExerciseStore
from gui.core.trainer.exercises import CHECKLISTS, join_exercise, save_checklist_answers
from tests.cli.helpers import FLOODS, closing_library, run_cli, write
from tests.core.interchange_helpers import annotate

NOTE = "The official count comes last: check it"


def trainer_library(capsys: pytest.CaptureFixture, library: Path) -> None:
    """floods.txt in the library, with the trainer Maria's layer (the key, with a note)."""
    run_cli(capsys, "--library", library, "import", write(library.parent, "f.txt", FLOODS))
    with closing_library(library) as opened:
        annotate(opened, 1, "Heavy rain flooded parts of Lagos", "Claim", NOTE, "Maria")
        annotate(opened, 1, "officials said", "Source", annotator="Maria")


def create(capsys, library: Path, output: Path, *more: object) -> tuple[int, str, str]:
    """exercise create of article 1, titled Floods."""
    argv = ["--library", library, "exercise", "create", "--articles", "1", "--title", "Floods",
            "--output", output, *more]  # fmt: skip
    return run_cli(capsys, *argv)


def handed_in(exercise: Path, name: str, *marks: tuple[str, str]) -> Path:
    """A trainee's copy of the exercise, with their name, answers and annotations."""
    copy = exercise.with_name(f"{name}.sourcelight")
    shutil.copyfile(exercise, copy)
    with closing_library(copy) as opened:
        join_exercise(opened, name)
        save_checklist_answers(opened, {CHECKLISTS["SIFT"][0]: f"{name} stopped."})
        for quote, label in marks:
            annotate(opened, 1, quote, label, annotator=name)
    return copy


def test_create_collect_and_list_the_returns(capsys, library, tmp_path):
    trainer_library(capsys, library)
    exercise = tmp_path / "floods.sourcelight"
    code, out, err = create(capsys, library, exercise, "--key", "Maria", "--hide-findings",
                            "--checklist", "sift")  # fmt: skip
    assert (code, err) == (0, "")
    assert out.startswith("exercise “Floods” (") and "answer key “Maria” kept in" in out
    assert NOTE.encode() not in exercise.read_bytes()
    ana = handed_in(exercise, "Ana", ("Heavy rain", "Claim"), ("officials said", "Source"))
    ben = handed_in(exercise, "Ben", ("Lagos", "Claim"))
    code, out, err = run_cli(capsys, "--library", library, "exercise", "collect", ana, ben)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{ana}: 2 annotation(s) as layer “Ana”",
        f"{ben}: 1 annotation(s) as layer “Ben”",
    ]
    code, out, err = run_cli(capsys, "--library", library, "exercise", "returns")
    assert (code, err) == (0, "")
    assert out.startswith("Floods [") and "key: Maria (2)" in out
    assert "  Ana (layer Ana), handed in " in out and "2 annotations in Floods hit Lagos" in out
    assert "    Ana stopped." in out
    code, out, _ = run_cli(capsys, "--library", library, "exercise", "returns", "--json")
    [listed] = json.loads(out)
    ana_scores = {s["label"]: s for s in listed["returns"][0]["overlap"]}
    assert (ana_scores["ALL"]["matches"], ana_scores["ALL"]["f1"]) == (2, 1.0)
    exact = {s["label"]: s["f1"] for s in listed["returns"][0]["exact"]}
    assert exact == {"Claim": 0.0, "Source": 1.0, "ALL": 0.5}
    assert listed["returns"][0]["checklist_answers"][0]["answer"] == "Ana stopped."
    assert [r["trainee"] for r in listed["returns"]] == ["Ana", "Ben"]


def test_collect_refuses_hostile_and_foreign_files_on_stderr_and_keeps_the_rest(
    capsys, library, tmp_path
):
    trainer_library(capsys, library)
    exercise = tmp_path / "floods.sourcelight"
    create(capsys, library, exercise)
    ana = handed_in(exercise, "Ana", ("Heavy rain", "Claim"))
    fifo = tmp_path / "pipe.sourcelight"
    os.mkfifo(fifo)
    junk = write(tmp_path, "junk.sourcelight", "not a database")
    code, out, err = run_cli(capsys, "--library", library, "exercise", "collect", fifo, junk, ana)
    assert code == 1
    lines = err.splitlines()
    assert lines[0].startswith(f"error: {fifo} is a pipe (FIFO), not a file")
    assert lines[1] == f"error: {junk} is not a Sourcelight file (not a library or an exercise)."
    assert out == f"{ana}: 1 annotation(s) as layer “Ana”\n"
    code, out, err = run_cli(capsys, "--library", library, "exercise", "collect", ana)
    assert (code, out) == (0, f"{ana}: already imported as layer “Ana”; nothing added\n")


@pytest.mark.parametrize(
    ("more", "message"),
    [
        (("--key", "Nobody"), "The layer “Nobody” has no annotations in the chosen articles"),
        (("--checklist", "nowhere.txt"), "cannot read the checklist nowhere.txt"),
    ],
)
def test_create_refusals_are_on_stderr_with_exit_code_one(capsys, library, tmp_path, more, message):
    trainer_library(capsys, library)
    output = tmp_path / "e.sourcelight"
    code, out, err = create(capsys, library, output, *more)
    assert (code, out) == (1, "") and message in err and err.startswith("error: ")
    assert not output.exists()
    with closing_library(library) as opened:
        assert ExerciseStore(opened).exercises() == []


def test_create_takes_a_checklist_file_and_bad_ids_are_a_usage_error(capsys, library, tmp_path):
    trainer_library(capsys, library)
    questions = write(tmp_path, "q.txt", "Who says so?\n\nHow do they know?\n")
    exercise = tmp_path / "e.sourcelight"
    assert create(capsys, library, exercise, "--checklist", questions)[0] == 0
    with closing_library(library) as opened:
        [record] = ExerciseStore(opened).exercises()
    assert record.info["checklist"] == ["Who says so?", "How do they know?"]
    argv = ["--library", library, "exercise", "create", "--articles", "one", "--title", "T",
            "--output", exercise]  # fmt: skip
    code, _, err = run_cli(capsys, *argv)
    assert code == 2 and "not article ids: 'one'" in err


def test_the_answer_sheet_shows_the_key_with_its_notes(capsys, library, tmp_path):
    trainer_library(capsys, library)
    create(capsys, library, tmp_path / "e.sourcelight", "--key", "Maria")
    sheet = tmp_path / "sheet.html"
    argv = ["--library", library, "exercise", "answer-sheet", "--output", sheet]
    code, _, err = run_cli(capsys, *argv)
    assert (code, err) == (0, "")
    page = sheet.read_text(encoding="utf-8")
    assert "Answer sheet" in page and NOTE in page and "officials said" in page
    create(capsys, library, tmp_path / "f.sourcelight")
    code, _, err = run_cli(capsys, *argv)
    assert code == 1 and "was made without an answer key" in err

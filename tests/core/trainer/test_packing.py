"""Packing: the key never leaves the trainer's library, and the record and the file agree even
when the program is killed at any step of writing them."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from gui.core.sourcing.commands import SetClaimAssessment
from gui.core.storage import apply
from gui.core.storage.exercise_file import free_pages
from gui.core.storage.exercise_store import ExerciseStore
from gui.core.trainer.exercises import ExerciseError
from gui.core.trainer.packing import create_exercise, exercises_made
from gui.core.trainer.returns import import_returned, read_exercise
from tests.core.trainer.classroom import (
    ANA,
    TRAINER,
    annotate,
    hand_out,
    make_exercise,
    opened,
    snapshot,
    trainer_library,
)

ROOT = Path(__file__).resolve().parents[3]
SECRETS = ("KEY NOTE: the ministry count is the one", "COLLEAGUE NOTE: residents", "VERDICT NOTE")
QUOTE = "the toll was higher"  # a key annotation's quote: in the text once, and never again


def raw_bytes(path: Path) -> bytes:
    """Everything SQLite keeps of a library on the disk: the file and any journal beside it."""
    parts = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-journal")]
    return b"".join(part.read_bytes() for part in parts if part.exists())


@pytest.mark.parametrize("hide_findings", [False, True], ids=["findings shown", "hidden"])
def test_no_byte_of_the_key_notes_or_other_layers_is_in_the_file(trainer, tmp_path, hide_findings):
    annotate(trainer, "Mosul", "Claim", TRAINER, note=SECRETS[0])
    annotate(trainer, "Residents said", "Claim", "Colleague", note=SECRETS[1])
    apply(trainer, SetClaimAssessment(1, "40@15", "disputed", "B", "2", SECRETS[2], TRAINER))
    home = raw_bytes(trainer.path)
    assert all(secret.encode() in home for secret in SECRETS)  # the search would find them
    assert home.count(QUOTE.encode()) > 1  # the text, and the key's annotation of it
    exercise = make_exercise(trainer, tmp_path / "e.sourcelight", True, hide_findings=hide_findings)
    handed_out = raw_bytes(exercise)
    for secret in (*SECRETS, "Colleague", "key_annotation"):
        assert secret.encode() not in handed_out, secret
    assert handed_out.count(QUOTE.encode()) == 1  # the article's own text, nothing more
    assert free_pages(exercise) == 0  # no deleted page that could hold anything
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("e.")] == ["e.sourcelight"]
    record = ExerciseStore(trainer).exercise(read_exercise(exercise).exercise_id)
    assert record.key_layer == TRAINER and record.state == "written"
    assert {k.note for k in ExerciseStore(trainer).key(record.exercise_id)} >= {SECRETS[0]}


def test_a_key_layer_with_nothing_in_the_articles_is_refused(trainer, tmp_path):
    before = snapshot(trainer)
    with pytest.raises(ExerciseError, match="The layer “Nobody” has no annotations"):
        make_exercise(trainer, tmp_path / "e.sqlite", key_layer="Nobody")
    assert snapshot(trainer) == before and list(tmp_path.glob("e.*")) == []


def test_a_file_that_cannot_be_put_in_place_takes_its_record_back(trainer, tmp_path, monkeypatch):
    def refuse(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    before = snapshot(trainer)
    with pytest.raises(ExerciseError, match="No space left on device"):
        make_exercise(trainer, tmp_path / "e.sqlite")
    assert snapshot(trainer) == before
    assert list(tmp_path.glob("e.*")) == []  # no draft left behind either


CRASH = """
import os, sys
from pathlib import Path
from gui.core.storage import open_library
from gui.core.trainer import packing
from gui.core.trainer.exercises import ExerciseOptions

library_path, path, point = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]

def crash(*_args):
    os._exit(9)

def after(method):
    def crashing(self, *args):
        method(self, *args)
        crash()
    return crashing

Packed = packing.PackedExercise
if point == "writing the draft":
    packing.seal = crash
elif point == "recorded, not placed":
    Packed.place = crash
elif point == "placed, not marked":
    Packed.place = after(Packed.place)
library = open_library(library_path)
packing.create_exercise(library, [1], path, ExerciseOptions("Crash", key_layer="Maria"))
print("finished")
"""


def pack_and_kill(library_path: Path, path: Path, point: str) -> None:
    """Pack an exercise in another process that is killed at point (or finishes)."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CRASH), str(library_path), str(path), point],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == (0 if point == "finished" else 9), result.stderr


@pytest.mark.parametrize(
    ("point", "states", "exercise_exists"),
    [
        ("writing the draft", [], False),
        ("recorded, not placed", ["writing"], False),
        ("placed, not marked", ["writing"], True),
        ("finished", ["written"], True),
    ],
)
def test_record_and_file_agree_whenever_packing_is_killed(tmp_path, point, states, exercise_exists):
    library_path = tmp_path / "trainer.sqlite"
    for _ in trainer_library(tmp_path):
        pass  # made and closed
    path = tmp_path / "crash.sourcelight"
    pack_and_kill(library_path, path, point)
    with opened(library_path) as trainer:
        assert [record.state for record in ExerciseStore(trainer).exercises()] == states
        made = exercises_made(trainer)
        assert path.exists() == exercise_exists == bool(made)
        if exercise_exists:
            assert read_exercise(path).exercise_id == made[0].exercise_id
            assert import_returned(trainer, hand_out(path, "Ana", *ANA)).added == 3
        # Whatever was left behind, the same exercise can be made again at the same path.
        again = create_exercise(trainer, [1], path, make_options())
        assert read_exercise(path).exercise_id == again.exercise_id
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith("crash")] == [path.name]


def make_options():
    """The options of a plain exercise."""
    from gui.core.trainer.exercises import ExerciseOptions

    return ExerciseOptions("Again")

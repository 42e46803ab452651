"""The one reader of checklist answers: the exercise's questions in order, answers as text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gui.core.storage import Library
from gui.core.storage.exercise_store import ANSWERS_SETTING, EXERCISE_SETTING, ExerciseStore
from gui.core.trainer.checklist import ChecklistAnswer, checklist_answers, checklist_questions
from tests.core.interchange_helpers import memory_library

QUESTIONS = ["Stop", "Investigate the source", "Find"]


@pytest.fixture
def library() -> Iterator[Library]:
    """An in-memory library with an exercise row whose checklist is QUESTIONS."""
    with memory_library() as lib:
        ExerciseStore(lib).put_setting(EXERCISE_SETTING, {"title": "SIFT", "checklist": QUESTIONS})
        yield lib


def answered(library: Library, answers: object) -> Library:
    """The library with these checklist answers stored."""
    ExerciseStore(library).put_setting(ANSWERS_SETTING, answers)
    return library


def test_answers_follow_the_checklist_with_the_unanswered_ones_and_then_any_others(library):
    answered(library, {"Find": "Two outlets", "Stop": "Done", "Mine": "Asked"})
    assert checklist_answers(library) == [
        ChecklistAnswer("Stop", "Done"),
        ChecklistAnswer("Investigate the source", ""),
        ChecklistAnswer("Find", "Two outlets"),
        ChecklistAnswer("Mine", "Asked"),
    ]
    assert checklist_questions(library) == QUESTIONS


def test_the_list_shape_and_tick_boxes_read_as_text(library):
    answers = [{"question": "Stop", "answer": True}, {"question": "Find", "answer": None}]
    answered(library, [*answers, {"answer": "no question"}, "junk"])
    assert [(a.question, a.answer) for a in checklist_answers(library)] == [
        ("Stop", "yes"),
        ("Investigate the source", ""),
        ("Find", ""),
    ]


def test_no_answers_or_unreadable_ones_give_none(library):
    assert checklist_answers(library) == []
    assert checklist_answers(answered(library, {})) == []
    library.db.execute(
        "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [ANSWERS_SETTING, "{oops"]
    )
    assert checklist_answers(library) == []

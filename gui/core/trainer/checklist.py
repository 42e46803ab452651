"""The checklist answers of an exercise file: each question of its checklist with the answer given.

The trainee's window keeps the answers as a JSON object (question -> answer); files from
other tools hold a list of {question, answer}. Both read the same way here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gui.core.storage import Library
from gui.core.storage.exercise_store import ANSWERS_SETTING, EXERCISE_SETTING
from gui.core.storage.settings_store import json_setting


@dataclass(frozen=True)
class ChecklistAnswer:
    """One question of an exercise's checklist and the trainee's answer ("" when none)."""

    question: str
    answer: str


def checklist_answers(library: Library) -> list[ChecklistAnswer]:
    """The answers kept in an exercise file, in the checklist's order; [] when none were given.

    The exercise's own questions come first, unanswered ones included, then any other
    question that was answered.
    """
    return ordered_answers(checklist_questions(library), json_setting(library, ANSWERS_SETTING))


def ordered_answers(questions: Sequence[str], value: Any) -> list[ChecklistAnswer]:
    """Stored answers (either shape) by the checklist's questions, then any others; [] if none."""
    answers = _answer_pairs(value)
    if not answers:
        return []
    order = list(dict.fromkeys([*questions, *answers]))
    return [ChecklistAnswer(question, answers.get(question, "")) for question in order]


def checklist_questions(library: Library) -> list[str]:
    """The questions of the exercise's checklist, in order ([] when it has none)."""
    exercise = json_setting(library, EXERCISE_SETTING)
    asked = exercise.get("checklist") if isinstance(exercise, Mapping) else None
    return [str(question) for question in asked if question] if isinstance(asked, list) else []


def exercise_title(library: Library) -> str:
    """The title of the exercise the library is ("" when it is none)."""
    exercise = json_setting(library, EXERCISE_SETTING)
    return str(exercise.get("title") or "") if isinstance(exercise, Mapping) else ""


def _answer_pairs(value: Any) -> dict[str, str]:
    """question -> answer from either stored shape; {} for anything else."""
    if isinstance(value, Mapping):
        return {str(q): _answer_text(a) for q, a in value.items() if q}
    if isinstance(value, list):
        items = [item for item in value if isinstance(item, Mapping) and item.get("question")]
        return {str(item["question"]): _answer_text(item.get("answer")) for item in items}
    return {}


def _answer_text(answer: Any) -> str:
    """An answer as text: yes or no for a tick box, "" for none."""
    if isinstance(answer, bool):
        return "yes" if answer else "no"
    return "" if answer is None else str(answer)

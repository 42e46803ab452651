"""A returned exercise file's rows, checked one by one before anything reaches the trainer.

gui.core.storage.returned_file reads the file without running anything it defines; here each
value is checked: its type, its size, and for an annotation that its offsets lie inside the
article's text and that the text there is the quote it gives. The article's text itself is
checked against its content hash, so offsets are always checked against the text handed out.
A value of the wrong type, an over-long name or note refuses the whole file (a file written by
Sourcelight never has one); an annotation whose offsets do not fit its quote is placed where
its quote is found, else kept as an orphan with harmless offsets.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gui.core.anchoring import Anchor, anchor_for, resolve
from gui.core.annotations.model import Annotation, Label
from gui.core.articles import content_hash
from gui.core.storage.exercise_store import ANSWERS_SETTING, EXERCISE_SETTING, TRAINEE_SETTING
from gui.core.storage.returned_file import RefusedFile, ReturnedRows, read_returned
from gui.core.trainer.exercises import ExerciseError, ExerciseInfo, json_or_none, parse_info

UNNAMED = "Trainee"  # the layer of a trainee whose file names nobody
MAX_NAME_CHARS = 100  # a trainee's, an annotator's or a label's name
MAX_NOTE_CHARS = 20_000
MAX_QUOTE_CHARS = 200_000
MAX_ANSWERS = 200
MAX_ANSWER_CHARS = 20_000
MAX_TIME_CHARS = 40
_ANNOTATION = ("id", "article_id", "label_id", "start", "end", "exact", "note", "annotator",
               "created", "modified", "orphaned")  # fmt: skip
_WHOLE = ("id", "article_id", "label_id", "start", "end")
_TEXT_LIMITS = {"exact": MAX_QUOTE_CHARS, "note": MAX_NOTE_CHARS, "annotator": MAX_NAME_CHARS,
                "created": MAX_TIME_CHARS, "modified": MAX_TIME_CHARS}  # fmt: skip


@dataclass(frozen=True)
class WorkItem:
    """One of the trainee's annotations, checked and placed in the text that was handed out."""

    content_hash: str  # of the article's text as handed out
    label: Label
    annotation: Annotation


@dataclass(frozen=True)
class ReturnedWork:
    """What a returned file holds, every value checked: which exercise, which trainee, and work."""

    path: Path
    info: ExerciseInfo  # what the file says; only its exercise_id is relied on
    trainee_id: str
    trainee: str
    file_hash: str
    items: tuple[WorkItem, ...]
    checklist_answers: Any  # {question: answer} (texts), or None when the file has none
    handed_in: str = ""  # when the file was last changed (ISO 8601, UTC)
    left_out: tuple[str, ...] = ()  # why some annotations could not be used


def read_info(path: Path) -> ExerciseInfo:
    """The exercise a file holds, read as untrusted input; ExerciseError when it is none."""
    return _info(_rows(path, None), Path(path))


def read_work(path: Path, progress: Callable[[int, int], None] | None = None) -> ReturnedWork:
    """Read and check a returned file; ExerciseError (nothing read or kept) when it is unfit.

    progress(done, total) is called as the reading goes; what it raises (a cancel) stops it.
    """
    rows = _rows(path, progress)
    info = _info(rows, rows.path)
    trainee = _trainee_row(rows)
    answers = _answers(rows)
    items, left_out = _Checker(rows).items()
    if not items and not left_out and trainee is None and answers is None:
        raise ExerciseError(
            f"{rows.path} holds no trainee's work: no annotations and no checklist answers."
            " Is it the exercise as it was handed out?"
        )
    trainee_id, name = _trainee(trainee, items, rows.file_hash)
    return ReturnedWork(
        rows.path, info, trainee_id, name, rows.file_hash, tuple(items), answers,
        rows.modified, tuple(left_out),
    )  # fmt: skip


def clean_name(value: str) -> str:
    """A name on one line: control and format characters dropped, spaces collapsed."""
    kept = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in value)
    return " ".join(kept.split())


def _rows(path: Path, progress: Callable[[int, int], None] | None) -> ReturnedRows:
    """The file's rows, with the storage layer's refusal as an ExerciseError."""
    try:
        return read_returned(Path(path), progress)
    except RefusedFile as refused:
        raise ExerciseError(str(refused)) from None


def _info(rows: ReturnedRows, path: Path) -> ExerciseInfo:
    """The exercise row; ExerciseError for a file that is not an exercise, or a damaged row."""
    raw = rows.settings.get(EXERCISE_SETTING)
    if raw is None:
        raise ExerciseError(f"{path} is a Sourcelight library, but not an exercise.")
    return parse_info(raw, path)


def _trainee_row(rows: ReturnedRows) -> dict[str, str] | None:
    """The trainee row's id and name, checked; None when the file has none."""
    raw = rows.settings.get(TRAINEE_SETTING)
    if raw is None:
        return None
    value = json_or_none(raw)
    if not isinstance(value, dict):
        raise ExerciseError(f"{rows.path} is damaged: its trainee row cannot be read.")
    found = {}
    for field in ("trainee_id", "name"):
        text = value.get(field) or ""
        if not isinstance(text, str):
            raise ExerciseError(f"{rows.path} is damaged: the trainee's {field} is not text.")
        found[field] = clean_name(text)
        _refuse_long(rows.path, f"the trainee's {field}", found[field], MAX_NAME_CHARS)
    return found


def _answers(rows: ReturnedRows) -> dict[str, str] | None:
    """The checklist answers as question -> answer texts; None when the file has none."""
    raw = rows.settings.get(ANSWERS_SETTING)
    value = None if raw is None else json_or_none(raw)
    if value is None:
        return None
    pairs = _answer_pairs(value)
    if pairs is None:
        raise ExerciseError(f"{rows.path} is damaged: its checklist answers cannot be read.")
    if len(pairs) > MAX_ANSWERS:
        raise ExerciseError(
            f"{rows.path} answers {len(pairs):,} questions; a checklist has at most"
            f" {MAX_ANSWERS}. Nothing was imported."
        )
    for question, answer in pairs.items():
        _refuse_long(rows.path, "a checklist question", question, MAX_ANSWER_CHARS)
        _refuse_long(rows.path, "a checklist answer", answer, MAX_ANSWER_CHARS)
    return pairs


def _answer_pairs(value: Any) -> dict[str, str] | None:
    """question -> answer from either stored shape (an object, or a list of pairs); else None."""
    if isinstance(value, list):
        if not all(isinstance(item, dict) for item in value):
            return None
        value = {item.get("question"): item.get("answer") for item in value}
    if not isinstance(value, dict):
        return None
    pairs = {}
    for question, answer in value.items():
        if not isinstance(question, str) or not isinstance(answer, str | bool | None):
            return None
        text = ("yes" if answer else "no") if isinstance(answer, bool) else answer or ""
        pairs[question] = text
    return pairs


def _refuse_long(path: Path, what: str, text: str, limit: int) -> None:
    """ExerciseError when text is longer than limit characters."""
    if len(text) > limit:
        raise ExerciseError(
            f"{path} has {what} of {len(text):,} characters; at most {limit:,} are allowed."
            " Nothing was imported."
        )


class _Checker:
    """Checks the labels, articles and annotations of a file's rows."""

    def __init__(self, rows: ReturnedRows) -> None:
        self.rows, self.path = rows, rows.path
        self.labels = dict(self._label(row) for row in rows.labels)
        self.bodies: dict[int, tuple[str, str] | None] = dict(map(self._article, rows.articles))

    def items(self) -> tuple[list[WorkItem], list[str]]:
        """The trainee's annotations, and why any were left out."""
        items, left_out = [], []
        for row in self.rows.annotations:
            values = self._values(row)
            article = self.bodies.get(values["article_id"], False)
            if article is False:
                raise self._bad(values["id"], f"names article {values['article_id']}, not in it")
            if values["label_id"] not in self.labels:
                raise self._bad(values["id"], f"names label {values['label_id']}, not in it")
            if article is None:
                left_out.append(f"annotation {values['id']}: its article's text was changed")
                continue
            items.append(self._item(values, *article))
        return items, left_out

    def _label(self, row: Sequence[Any]) -> tuple[int, Label]:
        """A label row, checked: (id, Label)."""
        label_id, name, colour, hotkey, description = row
        texts = (name, colour, hotkey, description)
        if not isinstance(label_id, int) or not all(isinstance(t, str) for t in texts):
            raise ExerciseError(
                f"{self.path} is damaged: a label row holds values of the wrong type."
            )
        name = clean_name(name)
        _refuse_long(self.path, "a label name", name, MAX_NAME_CHARS)
        _refuse_long(self.path, "a label's description", description, MAX_NOTE_CHARS)
        if not name:
            raise ExerciseError(f"{self.path} is damaged: label {label_id} has no name.")
        return label_id, Label(label_id, name, colour[:7], hotkey[:1], description, 0)

    def _article(self, row: Sequence[Any]) -> tuple[Any, tuple[str, str] | None]:
        """(id, (content hash, body)) of an article whose text is its hash's; None if changed."""
        article_id, digest, body = row
        if not isinstance(article_id, int) or not isinstance(body, str):
            raise ExerciseError(
                f"{self.path} is damaged: an article row holds values of the wrong type."
            )
        if not isinstance(digest, str) or content_hash(body) != digest:
            return article_id, None
        return article_id, (digest, body)

    def _values(self, row: Sequence[Any]) -> dict[str, Any]:
        """An annotation row by column name, every value of the type and size it must have."""
        values = dict(zip(_ANNOTATION, row, strict=True))
        number = values["id"] if isinstance(values["id"], int) else "?"
        for name in _WHOLE:
            if not isinstance(values[name], int):
                raise self._bad(number, f"has a {name} that is {_kind(values[name])}")
        for name, limit in _TEXT_LIMITS.items():
            if not isinstance(values[name], str):
                raise self._bad(number, f"has a {name} that is {_kind(values[name])}")
            if len(values[name]) > limit:
                raise self._bad(number, f"has a {name} of {len(values[name]):,} characters")
        if values["orphaned"] not in (0, 1):
            raise self._bad(number, "is neither placed nor orphaned")
        return values

    def _item(self, values: Mapping[str, Any], digest: str, body: str) -> WorkItem:
        """The annotation, placed in the text handed out (or orphaned) with the trainee's label."""
        start, end, exact = values["start"], values["end"], values["exact"]
        fits = 0 <= start < end <= len(body) and body[start:end] == exact
        anchor, orphaned = (anchor_for(body, start, end), False) if fits else _re_place(exact, body)
        annotation = Annotation(
            0, values["article_id"], values["label_id"], anchor, values["note"],
            clean_name(values["annotator"]), _time(values["created"]), _time(values["modified"]),
            orphaned,
        )  # fmt: skip
        return WorkItem(digest, self.labels[values["label_id"]], annotation)

    def _bad(self, number: Any, what: str) -> ExerciseError:
        """The refusal of a file because of one annotation row."""
        return ExerciseError(
            f"{self.path} is damaged: its annotation {number} {what}. Nothing was imported."
        )


def _re_place(exact: str, body: str) -> tuple[Anchor, bool]:
    """Where the quote of an annotation whose offsets do not fit is found; else an orphan.

    An orphan keeps its quote but gets the empty span at the start of the text, so that
    nothing that reads offsets can be led outside the text.
    """
    placement = resolve(Anchor(-1, -1, exact, "", ""), body) if exact.strip() else None
    if placement is not None and placement.start < placement.end:
        return anchor_for(body, placement.start, placement.end), False
    return Anchor(0, 0, exact, "", ""), True


def _time(value: str) -> str:
    """A time from the file as the library stores it (ISO 8601, UTC); "" if it is no time."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return ""
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _kind(value: Any) -> str:
    """What a value from the file is, in words."""
    names = {int: "a number", float: "a fraction", str: "text", bytes: "binary data"}
    return "empty" if value is None else names.get(type(value), "something else")


def _trainee(
    row: dict[str, str] | None, items: Sequence[WorkItem], file_hash: str
) -> tuple[str, str]:
    """(trainee_id, name): from the file's trainee row, else from its annotators and hash."""
    row = row or {}
    name = row.get("name") or _main_annotator(items) or UNNAMED
    trainee_id = row.get("trainee_id") or f"file-{file_hash[:16]}"
    return trainee_id, name


def _main_annotator(items: Sequence[WorkItem]) -> str:
    """The annotator name found most often (ties: the first alphabetically); "" for none."""
    names = Counter(item.annotation.annotator for item in items if item.annotation.annotator)
    ranked = sorted(names.items(), key=lambda pair: (-pair[1], pair[0]))
    return ranked[0][0] if ranked else ""

"""Tests of quote integrity: bracket insertions and ellipses inside quoted content."""

from gui.core.sourcing.integrity import find_integrity
from gui.core.sourcing.model import IntegrityFlag
from tests.core.sourcing.claims_helpers import attribution, source

BODY = (
    "“Police said the army retook parts of al-Tash, [nearly 12 miles] south of the city, and "
    "… cleared the market,” reports Al Jazeera. The town [pop. 4,000] is quiet.\n\n"
    "“Obama has not done a thing to confront [ISIS]. . . nothing,” the general said.\n\n"
    "Officials said the troops had ... withdrawn [partly] from the hills."
)


def kinds(flags: list[IntegrityFlag]) -> list[tuple[str, str]]:
    """(text, kind) of each flag."""
    return [(f.text, f.kind) for f in flags]


def quoted(content: str, **kwargs):
    """A direct attribution of `content` in BODY."""
    return attribution(BODY, content, source(BODY, "Al Jazeera", "outlet"), **kwargs)


def test_insertions_and_ellipses_inside_quotes_are_flagged() -> None:
    first = quoted(
        "Police said the army retook parts of al-Tash, [nearly 12 miles] south of "
        "the city, and … cleared the market"
    )
    second = quoted("Obama has not done a thing to confront [ISIS]. . . nothing")
    flags = find_integrity(BODY, [second, first])
    assert kinds(flags) == [
        ("[nearly 12 miles]", "insertion"),
        ("…", "ellipsis"),
        ("[ISIS]", "insertion"),
        (". . .", "ellipsis"),
    ]
    for flag in flags:
        assert BODY[flag.start : flag.end] == flag.text


def test_brackets_outside_quotes_are_not_flagged() -> None:
    assert find_integrity(BODY, []) == []
    first = quoted("Police said the army retook parts of al-Tash")
    assert find_integrity(BODY, [first]) == []


def test_reported_speech_without_quotation_marks_is_not_checked() -> None:
    indirect = quoted(
        "the troops had ... withdrawn [partly] from the hills", kind="indirect", quote_marks=False
    )
    assert find_integrity(BODY, [indirect]) == []


def test_nested_attributions_flag_each_mark_once() -> None:
    outer = quoted("Police said the army retook parts of al-Tash, [nearly 12 miles] south")
    inner = quoted("the army retook parts of al-Tash, [nearly 12 miles]", kind="indirect")
    assert kinds(find_integrity(BODY, [outer, inner])) == [("[nearly 12 miles]", "insertion")]


def test_three_dots_count_as_an_ellipsis_inside_a_partial_quote() -> None:
    body = 'He called the plan "a farce ... and a lie" before leaving.'
    partial = attribution(body, "a farce ... and a lie", source(body, "He"), kind="partial")
    assert kinds(find_integrity(body, [partial])) == [("...", "ellipsis")]

"""Tests of quotation-mark pairing: curly and straight, reopen convention, odd marks."""

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from gui.core.sourcing.quotes import is_closed, mark_role, pair_quotes


def texts(body: str) -> list[str]:
    """The content of every quote of the body."""
    return [q.text for q in pair_quotes(body)]


def test_curly_quote_content_excludes_marks_and_trailing_comma() -> None:
    body = "“We will win,” he said."
    [quote] = pair_quotes(body)
    assert quote.text == "We will win"
    assert body[quote.start : quote.end] == quote.text


def test_straight_quotes_pair_like_curly_ones() -> None:
    body = '"We will win," he said. "They know it."'
    assert texts(body) == ["We will win", "They know it."]


def test_curly_and_straight_quotes_mix_in_one_text() -> None:
    body = '“Curly,” she said.\n\n"Straight," he said.'
    assert texts(body) == ["Curly", "Straight"]


def test_apostrophes_are_not_quote_marks() -> None:
    body = "\"It's our customers' data, and we didn't,\" said Raman’s aide."
    assert texts(body) == ["It's our customers' data, and we didn't"]


def test_single_quotes_nested_in_double_ones_belong_to_them() -> None:
    body = "“When my client said ‘gift,’ he meant wine,” Stathi said."
    assert texts(body) == ["When my client said ‘gift,’ he meant wine"]


def test_a_quote_reopened_in_the_next_paragraph_is_one_quote() -> None:
    body = "“Farmers are selling cattle.\n\n“Some walked 40 km.\n\n“We must import grain.”\n\nEnd."
    [quote] = pair_quotes(body)
    assert quote.text.startswith("Farmers are selling")
    assert quote.text.endswith("We must import grain.")


def test_an_unclosed_quote_not_reopened_ends_with_its_paragraph() -> None:
    body = "“We acted within the law. Look at the footage.\n\nLawmakers called for an inquiry."
    assert texts(body) == ["We acted within the law. Look at the footage."]


def test_an_unpaired_closing_mark_is_ignored() -> None:
    body = "The strike is over.” Then he said “talks resume” soon."
    assert texts(body) == ["talks resume"]


def test_a_closing_mark_that_opens_a_word_opens_the_quote() -> None:
    body = "He called it ”irresponsible” and left."
    assert texts(body) == ["irresponsible"]


def test_a_second_opening_mark_ends_the_unclosed_quote_before_it() -> None:
    body = "“First part never closed “Second part,” he said."
    assert texts(body) == ["First part never closed", "Second part"]


def test_no_marks_no_quotes() -> None:
    assert pair_quotes("The bank left rates unchanged, officials said.") == []
    assert pair_quotes("") == []


def test_empty_and_blank_quotes_are_dropped() -> None:
    assert pair_quotes('He said "" and “ ” twice.') == []


def test_guillemets_pair_as_quotes() -> None:
    assert texts("Il a dit «non» hier.") == ["non"]


def test_mark_roles_follow_the_neighbouring_characters() -> None:
    body = 'a "b" c'
    assert mark_role(body, 2) == "open"
    assert mark_role(body, 4) == "close"
    assert mark_role('x"y', 1) == "either"


def test_is_closed_tells_a_paired_quote_from_one_cut_at_the_paragraph_end() -> None:
    closed, open_ = pair_quotes("“Done,” he said.\n\n“Never closed")
    assert is_closed("“Done,” he said.\n\n“Never closed", closed)
    assert not is_closed("“Done,” he said.\n\n“Never closed", open_)


@given(st.text(alphabet="ab \n,.\"“”‘’'«»", max_size=80))
def test_any_marks_give_sorted_exact_spans_and_never_fail(body: str) -> None:
    quotes = pair_quotes(body)
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(body)
        assert body[quote.start : quote.end] == quote.text
    for first, second in pairwise(quotes):
        assert first.end <= second.start

"""Anchors find their text again: at the old offsets, moved, fuzzily, or not at all (orphans)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gui.core.anchoring import CONTEXT, Anchor, Placement, anchor_for, reanchor, resolve

TEXT = "The minister said that fighters left Mosul on Tuesday, according to officials in Baghdad."
QUOTE = "fighters left Mosul"
WORDS = ("Mosul", "fighters", "left", "the", "city", "said", "on", "Palmyra", "a", "😀", "Mōsul")
SEPARATORS = (" ", " ", " ", ", ", ". ", "\n")


def quote_anchor(text: str = TEXT, quote: str = QUOTE) -> Anchor:
    """The anchor of the first occurrence of quote in text."""
    start = text.index(quote)
    return anchor_for(text, start, start + len(quote))


def placed(text: str, placement: Placement | None) -> str | None:
    """The text a placement lands on."""
    return None if placement is None else text[placement.start : placement.end]


def test_anchor_keeps_position_quote_and_context():
    anchor = quote_anchor()
    assert (anchor.start, anchor.end, anchor.exact) == (23, 42, QUOTE)
    assert anchor.prefix == "The minister said that "
    assert anchor.suffix == TEXT[42 : 42 + CONTEXT]


def test_anchor_context_stops_at_the_ends_of_the_text():
    anchor = anchor_for("abc", 0, 3)
    assert (anchor.prefix, anchor.exact, anchor.suffix) == ("", "abc", "")


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 2), (0, len(TEXT) + 1)])
def test_anchor_outside_the_text_is_refused(start, end):
    with pytest.raises(ValueError):
        anchor_for(TEXT, start, end)


def test_unchanged_text_resolves_exactly():
    assert resolve(quote_anchor(), TEXT) == Placement(23, 42, "exact")


def test_offsets_win_even_when_the_context_changed():
    # Same lengths, so the quote stays where it was.
    changed = TEXT.replace("The minister", "Our premier!").replace("on Tuesday", "on Monday!")
    assert resolve(quote_anchor(), changed) == Placement(23, 42, "exact")


def test_text_inserted_before_moves_the_anchor():
    changed = "BREAKING: " + TEXT
    assert resolve(quote_anchor(), changed) == Placement(33, 52, "moved")


def test_the_occurrence_with_matching_context_wins_over_a_nearer_one():
    anchor = quote_anchor()
    decoy = "Rumours say fighters left Mosul weeks ago. "
    changed = decoy + "Earlier, " + TEXT
    placement = resolve(anchor, changed)
    assert placement == Placement(len(decoy) + 9 + 23, len(decoy) + 9 + 42, "moved")


def test_among_equal_contexts_the_nearest_occurrence_wins():
    text = "x Mosul y " * 10
    anchor = Anchor(42, 47, "Mosul", "", "")
    changed = "zz" + text
    assert resolve(anchor, changed) == Placement(44, 49, "moved")


@pytest.mark.parametrize(
    ("edited", "expected"),
    [
        ("fighters had left Mosul", "fighters had left Mosul"),
        ("militants left Mosul", "militants left Mosul"),
        ("fighters left Mosel", "fighters left Mosel"),
        ("fighters left", "fighters left"),
    ],
)
def test_an_edited_quote_is_found_fuzzily(edited, expected):
    changed = TEXT.replace(QUOTE, edited)
    placement = resolve(quote_anchor(), changed)
    assert placement is not None and placement.how == "fuzzy"
    assert placed(changed, placement) == expected


def test_fuzzy_match_far_from_the_old_place_is_found():
    filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 100
    changed = filler + TEXT.replace("left", "had left")
    placement = resolve(quote_anchor(), changed)
    assert placed(changed, placement) == "fighters had left Mosul"


def test_fuzzy_boundaries_hold_in_text_that_repeats_itself():
    body = " ".join(f"word{n:07d}" for n in range(2000))
    anchor = anchor_for(body, 12_000, 12_120)
    changed = body[:12_030] + "CHANGED" + body[12_040:]
    assert resolve(anchor, changed) == Placement(12_000, 12_117, "fuzzy")


@pytest.mark.parametrize(
    "changed",
    [
        "",
        "Something else entirely, with no fighters and no city in it at all.",
        TEXT.replace(QUOTE, "the army stayed in Raqqa"),
    ],
)
def test_text_that_is_gone_gives_an_orphan(changed):
    assert resolve(quote_anchor(), changed) is None


def test_an_empty_quote_is_only_placed_at_its_offsets():
    assert resolve(Anchor(3, 3, "", "", ""), "abcdef") == Placement(3, 3, "exact")
    assert resolve(Anchor(9, 9, "", "", ""), "abc") is None


def test_offsets_count_code_points_beside_emoji():
    text = "😀😀 fighters left Mosul 😀"
    anchor = quote_anchor(text)
    assert (anchor.start, anchor.end) == (3, 22)
    assert resolve(anchor, "😀" + text) == Placement(4, 23, "moved")


def test_reanchor_gives_one_result_per_anchor_in_order():
    anchors = [quote_anchor(), quote_anchor(quote="Baghdad"), Anchor(0, 4, "gone", "", "")]
    results = reanchor(anchors, "Breaking: " + TEXT)
    assert [placed("Breaking: " + TEXT, p) for p in results] == [QUOTE, "Baghdad", None]


# Property tests: random bodies, annotations and edits.

bodies = st.one_of(
    st.lists(
        st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=3, max_size=60
    ).map(lambda pairs: "".join(word + sep for word, sep in pairs)),
    st.text(min_size=3, max_size=200),
)
insertions = st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=4).map(" ".join), st.text(max_size=8)
)


@st.composite
def annotated(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    """A body and 1-6 non-empty spans in it (they may overlap)."""
    body = draw(bodies)
    spans = []
    for _ in range(draw(st.integers(1, 6))):
        start = draw(st.integers(0, len(body) - 1))
        spans.append((start, draw(st.integers(start + 1, min(len(body), start + 40)))))
    return body, spans


def replace_text(text: str, spans: list[tuple[int, int]], edit: tuple[int, int, str]):
    """text with text[a:b] replaced, and spans moved along when they lie after it."""
    a, b, insert = edit
    delta = len(insert) - (b - a)
    moved = [(s + delta, e + delta) if s >= b else (s, e) for s, e in spans]
    return text[:a] + insert + text[b:], moved


@st.composite
def outside_edit(draw: st.DrawFn, text: str, spans: list[tuple[int, int]]):
    """An insertion, deletion or replacement that touches no character of any span."""
    cuts = [p for p in range(len(text) + 1) if not any(s < p < e for s, e in spans)]
    a = draw(st.sampled_from(cuts))
    limit = min([s for s, _ in spans if s >= a] + [len(text), a + 20])
    return a, draw(st.integers(a, limit)), draw(insertions)


@st.composite
def edited_outside(draw: st.DrawFn):
    """(old text, spans, new text, where each span is now) after edits outside the spans."""
    body, spans = draw(annotated())
    text, now = body, list(spans)
    for _ in range(draw(st.integers(0, 5))):
        text, now = replace_text(text, now, draw(outside_edit(text, now)))
    return body, spans, text, now


@st.composite
def anywhere_edit(draw: st.DrawFn, text: str):
    """An insertion, deletion or replacement anywhere, spans or not."""
    a = draw(st.integers(0, len(text)))
    return a, draw(st.integers(a, min(len(text), a + 30))), draw(insertions)


@st.composite
def edited_anywhere(draw: st.DrawFn):
    """(old text, spans, new text) after edits that may cut into the spans."""
    body, spans = draw(annotated())
    text = body
    for _ in range(draw(st.integers(1, 5))):
        text, _ = replace_text(text, [], draw(anywhere_edit(text)))
    return body, spans, text


def occurrences(text: str, quote: str) -> int:
    """How many times quote occurs in text, overlapping ones included."""
    return sum(text.startswith(quote, i) for i in range(len(text)))


PROPERTY_SETTINGS = settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(edited_outside())
def test_untouched_text_always_lands_exactly_on_itself(case):
    body, spans, text, now = case
    anchors = [anchor_for(body, s, e) for s, e in spans]
    for anchor, placement, true_span in zip(anchors, reanchor(anchors, text), now, strict=True):
        assert placement is not None
        assert text[placement.start : placement.end] == anchor.exact
        assert placement.how in ("exact", "moved")
        if occurrences(text, anchor.exact) == 1:
            assert (placement.start, placement.end) == true_span


@PROPERTY_SETTINGS
@given(edited_anywhere())
def test_no_anchor_is_ever_lost_and_placements_lie_in_the_text(case):
    body, spans, text = case
    anchors = [anchor_for(body, s, e) for s, e in spans]
    placements = reanchor(anchors, text)
    assert len(placements) == len(anchors)
    for anchor, placement in zip(anchors, placements, strict=True):
        if placement is None:
            continue
        assert 0 <= placement.start < placement.end <= len(text)
        assert placement.how in ("exact", "moved", "fuzzy")
        if placement.how != "fuzzy":
            assert text[placement.start : placement.end] == anchor.exact


@settings(max_examples=100)
@given(annotated())
def test_an_unchanged_body_resolves_every_anchor_exactly(case):
    body, spans = case
    for s, e in spans:
        assert resolve(anchor_for(body, s, e), body) == Placement(s, e, "exact")

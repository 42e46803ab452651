"""The span index answers overlap queries exactly as a linear scan would."""

from hypothesis import given
from hypothesis import strategies as st

from gui.core.span_index import Highlight, SpanIndex, assign_lanes

spans = st.lists(
    st.tuples(st.integers(0, 200), st.integers(1, 30)).map(
        lambda t: Highlight(t[0], t[0] + t[1], "X")
    ),
    max_size=60,
)


@given(spans, st.integers(0, 240), st.integers(0, 40))
def test_overlapping_matches_linear_scan(items, start, length):
    index = SpanIndex(items)
    end = start + length
    expected = sorted(h for h in items if h.start < end and h.end > start)
    assert index.overlapping(start, end) == expected


def test_at_finds_the_span_under_an_offset():
    index = SpanIndex([Highlight(0, 5, "A"), Highlight(10, 20, "B"), Highlight(12, 14, "C")])
    assert [h.style for h in index.at(13)] == ["B", "C"]
    assert index.at(7) == []
    assert index.at(5) == []


def test_empty_spans_are_dropped_and_styles_listed_once():
    index = SpanIndex([Highlight(3, 3, "A"), Highlight(1, 2, "B"), Highlight(4, 6, "B")])
    assert len(index) == 2
    assert index.styles() == ["B"]
    assert index.first_from(3) == Highlight(4, 6, "B")
    assert index.first_from(7) is None


@given(
    st.lists(
        st.tuples(st.integers(0, 100), st.integers(0, 10), st.sampled_from("ABC")), max_size=40
    )
)
def test_rows_keep_their_positions_as_items_even_when_sorted(rows):
    spans = [(start, start + length, style) for start, length, style in rows]
    index = SpanIndex.of(spans)
    for highlight in index:
        assert spans[highlight.item] == (highlight.start, highlight.end, highlight.style)
    assert len(index) == sum(1 for s, e, _ in spans if e > s)


@given(st.lists(st.tuples(st.integers(0, 100), st.integers(1, 30)), max_size=40))
def test_overlapping_spans_never_share_a_lane(pairs):
    spans = [(start, start + length) for start, length in pairs]
    lanes = assign_lanes(spans)
    for i, (a_start, a_end) in enumerate(spans):
        for j, (b_start, b_end) in enumerate(spans):
            if i < j and a_start < b_end and b_start < a_end:
                assert lanes[i] != lanes[j]
    # Greedy by start uses no more lanes than the deepest overlap.
    depth = max((sum(s <= x < e for s, e in spans) for x in range(131)), default=0)
    assert max(lanes, default=-1) + 1 <= max(depth, 0) or not spans


def test_lanes_of_a_nested_pair_and_a_separate_span():
    assert assign_lanes([(0, 10), (2, 5), (20, 30)]) == [0, 1, 0]

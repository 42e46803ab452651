"""A trace over appearances made by hand: who joins, in which order, and where it began."""

from gui.core.tracing.model import Appearance
from gui.core.tracing.trace import build_trace, find_origin, order

QUOTE = "We will keep the harbour closed until every container has been checked"


def seen(article, text, key="elin stahl", outlet="Herald", published="2026-03-02", via=()):
    return Appearance(article, f"a{article}", outlet, published, 0, len(text), text, key, key, via)


def test_versions_join_through_each_other_and_a_different_speaker_is_listed_apart():
    first = seen(1, QUOTE)
    drifted = seen(2, "We will keep the harbour shut until every single container is checked")
    further = seen(3, "the harbour would stay shut until all the containers were checked")
    decoy = seen(4, "We will keep the harbour open until every boat has been checked", "piet maas")
    other = seen(5, "The harbour of Kestrel Bay will reopen on Friday", "")
    trace = build_trace(first, [first, drifted, further, decoy, other])
    assert [t.appearance.article_id for t in trace.appearances] == [1, 2, 3]
    assert [t.appearance.article_id for t in trace.similar] == [4]


def test_order_is_by_date_then_by_how_many_hands_then_undated_last():
    a = seen(1, QUOTE, published="2026-03-03")
    b = seen(2, QUOTE, published="2026-03-02", via=("Wire",))
    c = seen(3, QUOTE, published="2026-03-02")
    d = seen(4, QUOTE, published="")
    assert [x.article_id for x in order([a, b, c, d])] == [3, 2, 1, 4]


def test_the_origin_is_the_earliest_that_relays_no_one():
    ordered = [seen(1, QUOTE, outlet="Wire"), seen(2, QUOTE, via=("Wire",))]
    assert find_origin(ordered).index == 0
    assert find_origin(ordered).reason == "earliest"


def test_the_origin_is_the_outlet_the_earliest_points_to():
    relaying = seen(1, QUOTE, outlet="Wire", via=("the Kestrel Bay Herald",))
    pointed = seen(2, QUOTE, outlet="Kestrel Bay Herald", published="2026-03-03")
    origin = find_origin([relaying, pointed])
    assert (origin.index, origin.reason, origin.outlet) == (1, "pointed", "Kestrel Bay Herald")


def test_an_outlet_pointed_to_outside_the_library_is_named_alone():
    relaying = seen(1, QUOTE, outlet="Wire", via=("Harbor Ledger",))
    origin = find_origin([relaying])
    assert (origin.index, origin.reason, origin.outlet) == (None, "relayed", "Harbor Ledger")

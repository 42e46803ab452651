"""Tests of the sourcing profile: named and anonymous sources, relay shares, density, depth."""

import pytest

from gui.core.sourcing.model import Hedge, Profile, Statement
from gui.core.sourcing.profile import count_sources, sourcing_profile
from tests.core.sourcing.claims_helpers import attribution, source

BODY = (
    '"Police sources said the army had taken the silos," reports Al Jazeera. '
    '"We hold the town," Saad al-Hadithi told reporters. "Nobody is leaving," Hadithi said. '
    '"State TV said 40 died, citing a local official," notes Haaretz. The town fell.'
)


def sources():
    """The sources of BODY by short name."""
    return {
        "jazeera": source(BODY, "Al Jazeera", "outlet"),
        "police": source(BODY, "Police sources", "anonymous", anonymous=True),
        "hadithi": source(BODY, "Saad al-Hadithi"),
        "hadithi2": source(BODY, "Hadithi said", "person", resolved="Hadithi"),
        "haaretz": source(BODY, "Haaretz", "outlet"),
        "state": source(BODY, "State TV", "outlet"),
        "official": source(BODY, "a local official", "anonymous", anonymous=True),
    }


def attributions():
    """Primary, secondary and tertiary attributions of BODY."""
    s = sources()
    return [
        attribution(BODY, "Police sources said the army had taken the silos", s["jazeera"]),
        attribution(BODY, "the army had taken the silos", s["police"], via=(s["jazeera"],)),
        attribution(BODY, "We hold the town", s["hadithi"]),
        attribution(BODY, "Nobody is leaving", s["hadithi2"], kind="floating"),
        attribution(BODY, "40 died", s["official"], via=(s["haaretz"], s["state"])),
    ]


def test_shares_count_each_character_once_for_the_innermost_attribution() -> None:
    profile = sourcing_profile(BODY, attributions(), [], [])
    depth0 = len("Police sources said ") + len("We hold the town") + len("Nobody is leaving")
    depth1 = len("the army had taken the silos")
    depth2 = len("40 died")
    total = depth0 + depth1 + depth2
    assert profile.primary == pytest.approx(depth0 / total, abs=0.001)
    assert profile.secondary == pytest.approx(depth1 / total, abs=0.001)
    assert profile.tertiary == pytest.approx(depth2 / total, abs=0.001)
    assert profile.relayed_share == pytest.approx((depth1 + depth2) / total, abs=0.001)
    assert profile.chain_depth == 3


def test_named_and_anonymous_sources_include_relays_and_merge_short_names() -> None:
    assert count_sources(attributions()) == (4, 2)  # Al Jazeera, Hadithi, Haaretz, State TV


def test_hedge_density_and_unattributed_count() -> None:
    hedges = [Hedge(0, 1, "x", "possible")] * 3
    statements = [Statement(BODY.index("The town fell."), len(BODY), "The town fell.")]
    profile = sourcing_profile(BODY, attributions(), hedges, statements)
    words = len(BODY.replace(",", " ").replace(".", " ").replace('"', " ").split())
    assert profile.hedge_density == pytest.approx(3000 / words, abs=0.01)
    assert profile.unattributed == 1


def test_an_article_without_sources_has_an_empty_profile() -> None:
    assert sourcing_profile("", [], [], []) == Profile()
    assert sourcing_profile("The town fell.", [], [], []).relayed_share == 0.0

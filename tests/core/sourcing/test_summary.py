"""Sources are grouped by name with their channels, relay chains and statements."""

from dataclasses import replace

from gui.core.sourcing.model import Attribution, Findings, Profile, Source, SpanText
from gui.core.sourcing.summary import build_sources, profile_line


def attribution(start, end, text, type_="person", resolved="", via=(), channel="", anonymous=False):
    return Attribution(
        0,
        "direct",
        None,
        Source(SpanText(0, 1, text), type_, resolved, anonymous, channel, bool(resolved)),
        SpanText(start, end, "x"),
        tuple(Source(SpanText(0, 1, name)) for name in via),
    )


FINDINGS = Findings(
    attributions=(
        attribution(10, 20, "police sources", "anonymous", via=("Al Jazeera",), anonymous=True),
        attribution(30, 40, "Carter", channel="CNN"),
        attribution(50, 60, "he", "pronoun", resolved="Carter"),
    )
)


def test_a_pronoun_joins_the_source_it_refers_to():
    rows = build_sources(FINDINGS)
    assert [r.name for r in rows] == ["Carter", "police sources", "Al Jazeera"]
    assert rows[2].relayed and not rows[2].statements  # the relaying outlet is a source too
    carter = rows[0]
    assert len(carter.statements) == 2 and carter.verify and carter.channels == ("CNN",)


def test_relay_chain_runs_from_the_outlet_to_the_source():
    assert FINDINGS.attributions[0].chain == "Al Jazeera ← police sources"
    assert build_sources(FINDINGS)[1].chains == ("Al Jazeera ← police sources",)
    assert build_sources(FINDINGS)[1].anonymous


def test_a_source_without_a_name_is_listed_as_unknown():
    nameless = replace(FINDINGS.attributions[1], source=Source(None))
    [row] = build_sources(Findings(attributions=(nameless,)))
    assert (row.name, row.chains) == ("unknown", ("unknown",))


def test_profile_line_names_every_figure():
    line = profile_line(Profile(named=3, anonymous=2, relayed_share=0.5, primary=0.25,
                                secondary=0.5, tertiary=0.25, hedge_density=4.25,
                                unattributed=1))  # fmt: skip
    assert "3 named, 2 anonymous" in line and "relayed 50%" in line and "4.2 hedges" in line
    assert profile_line(None) == ""


def test_sources_named_in_one_alias_group_are_one_source():
    from gui.core.entities.pipeline import Entity

    def at(start: int, end: int, text: str, content: int) -> Attribution:
        """An attribution to text, written at [start, end) of the body."""
        said = attribution(content, content + 10, text)
        return replace(said, source=replace(said.source, span=SpanText(start, end, text)))

    findings = Findings(
        attributions=(
            at(100, 134, "Interior Minister Youssef al-Amari", 10),
            at(200, 205, "Amari", 30),
        )
    )
    entities = [
        Entity(118, 134, "PERSON", "Youssef al-Amari", "Youssef al-Amari"),
        Entity(200, 205, "PERSON", "Amari", "Youssef al-Amari"),
    ]
    rows = build_sources(findings, entities)
    assert [(r.name, len(r.statements)) for r in rows] == [("Youssef al-Amari", 2)]
    # without entities, a name whose words are all in a longer one joins it, as everywhere
    assert [r.name for r in build_sources(findings)] == ["Interior Minister Youssef al-Amari"]

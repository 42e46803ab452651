"""Sources are grouped by name with their channels, relay chains and statements."""

from gui.core.sourcing.summary import build_sources, profile_line, relay_chain


def attribution(start, end, text, type_="person", resolved="", via=(), channel="", anonymous=False):
    return {
        "content": {"start": start, "end": end, "text": "x"},
        "source": {"start": 0, "end": 1, "text": text, "type": type_, "resolved": resolved,
                   "anonymous": anonymous, "channel": channel, "verify": bool(resolved)},
        "via": [{"start": 0, "end": 1, "text": name, "resolved": ""} for name in via],
    }  # fmt: skip


FINDINGS = {
    "attributions": [
        attribution(10, 20, "police sources", "anonymous", via=("Al Jazeera",), anonymous=True),
        attribution(30, 40, "Carter", channel="CNN"),
        attribution(50, 60, "he", "pronoun", resolved="Carter"),
    ]
}


def test_a_pronoun_joins_the_source_it_refers_to():
    rows = build_sources(FINDINGS)
    assert [r.name for r in rows] == ["Carter", "police sources"]
    carter = rows[0]
    assert len(carter.statements) == 2 and carter.verify and carter.channels == ("CNN",)


def test_relay_chain_runs_from_the_outlet_to_the_source():
    assert relay_chain(FINDINGS["attributions"][0]) == "Al Jazeera ← police sources"
    assert build_sources(FINDINGS)[1].anonymous


def test_profile_line_names_every_figure():
    line = profile_line({"named": 3, "anonymous": 2, "relayed_share": 0.5, "primary": 0.25,
                         "secondary": 0.5, "tertiary": 0.25, "hedge_density": 4.25,
                         "unattributed": 1})  # fmt: skip
    assert "3 named, 2 anonymous" in line and "relayed 50%" in line and "4.2 hedges" in line
    assert profile_line({}) == ""


def test_sources_named_in_one_alias_group_are_one_source():
    from gui.core.entities.pipeline import Entity

    findings = {
        "attributions": [
            attribution(10, 20, "Interior Minister Youssef al-Amari"),
            attribution(30, 40, "Amari"),
        ]
    }
    findings["attributions"][0]["source"] |= {"start": 100, "end": 134}
    findings["attributions"][1]["source"] |= {"start": 200, "end": 205}
    entities = [
        Entity(118, 134, "PERSON", "Youssef al-Amari", "Youssef al-Amari"),
        Entity(200, 205, "PERSON", "Amari", "Youssef al-Amari"),
    ]
    rows = build_sources(findings, entities)
    assert [(r.name, len(r.statements)) for r in rows] == [("Youssef al-Amari", 2)]
    assert len(build_sources(findings)) == 2  # without entities, names as written

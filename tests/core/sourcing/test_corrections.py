"""The user's corrections of attributions, applied to typed findings: speaker, removal, addition."""

from __future__ import annotations

import pytest

from gui.core.sourcing.commands import SourcingCorrection
from gui.core.sourcing.corrections import (
    apply_sourcing_corrections,
    guess_source_type,
    looks_like_name,
    speaker_source,
)
from gui.core.sourcing.model import (
    Attribution,
    Findings,
    Hedge,
    NumericClaim,
    Source,
    SpanText,
)

BODY = (
    '"About 400 civilians were killed," the spokesman told Al Jazeera. Police sources said up to'
    ' 300 of them were soldiers. "It is likely worse," a witness said. The city fell.'
)


def span(text: str, occurrence: int = 0) -> SpanText:
    """The SpanText of an occurrence of text in BODY."""
    start = -1
    for _ in range(occurrence + 1):
        start = BODY.index(text, start + 1)
    return SpanText(start, start + len(text), text)


FIRST = span("About 400 civilians were killed,")
SECOND = span("up to 300 of them were soldiers")
THIRD = span("It is likely worse,")
FINDINGS = Findings(
    attributions=(
        Attribution(
            1,
            "direct",
            span("told"),
            Source(span("the spokesman"), "description", "", channel="told Al Jazeera"),
            FIRST,
            via=(Source(span("Al Jazeera"), "outlet"),),
            verb_class="neutral",
            quote_marks=True,
        ),
        Attribution(
            2,
            "indirect",
            span("said"),
            Source(span("Police sources"), "anonymous", "", anonymous=True),
            SECOND,
            verb_class="neutral",
        ),
        Attribution(
            3,
            "direct",
            span("said", 1),
            Source(span("a witness"), "anonymous", "", anonymous=True),
            THIRD,
            quote_marks=True,
            paragraph=1,
        ),
    ),
    hedges=(
        Hedge(
            span("likely").start, span("likely").end, "likely", "probable", "55-80%", "a witness"
        ),
    ),
    numbers=(
        NumericClaim(1, span("About 400"), 400, "about", "civilians", source="the spokesman"),
        NumericClaim(2, span("up to 300"), 300, "up to", "soldiers", source="Police sources"),
    ),
)


def correction(kind: str, where: SpanText, value: str = "", id_: int = 1) -> SourcingCorrection:
    """A saved correction of the attribution whose content is where."""
    return SourcingCorrection(id_, 1, kind, where.start, where.end, where.text, value)


def test_no_corrections_give_the_same_findings_and_never_change_the_input():
    before = FINDINGS.to_json()
    assert apply_sourcing_corrections(FINDINGS, []) == FINDINGS
    apply_sourcing_corrections(
        FINDINGS,
        [correction("speaker", FIRST, "Saad al-Hadithi"), correction("remove_quote", THIRD)],
    )
    assert FINDINGS.to_json() == before


def test_a_speaker_correction_changes_the_source_and_the_figures_it_said():
    fixed = apply_sourcing_corrections(FINDINGS, [correction("speaker", FIRST, "Saad al-Hadithi")])
    first = fixed.attributions[0]
    assert first.source == Source(
        None,
        type="person",
        resolved="Saad al-Hadithi",
        channel="told Al Jazeera",  # the channel belongs to the cue
    )
    assert first.corrected is True
    assert first.content == FINDINGS.attributions[0].content
    assert first.via == FINDINGS.attributions[0].via
    assert [n.source for n in fixed.numbers] == ["Saad al-Hadithi", "Police sources"]
    assert fixed.attributions[1:] == FINDINGS.attributions[1:]
    assert not any(a.corrected for a in fixed.attributions[1:])


def test_a_corrected_attribution_is_exported_with_the_corrected_key():
    fixed = apply_sourcing_corrections(FINDINGS, [correction("speaker", FIRST, "Saad al-Hadithi")])
    first, second, _ = fixed.to_json()["attributions"]
    assert first["corrected"] is True and "corrected" not in second
    assert first["source"] == {
        "start": None,
        "end": None,
        "text": "",
        "type": "person",
        "resolved": "Saad al-Hadithi",
        "anonymous": False,
        "channel": "told Al Jazeera",
        "verify": False,
    }
    assert Findings.from_json(fixed.to_json()) == fixed


def test_a_speaker_named_elsewhere_keeps_that_sources_type():
    fixed = apply_sourcing_corrections(FINDINGS, [correction("speaker", THIRD, "al jazeera")])
    source = fixed.attributions[2].source
    assert (source.type, source.resolved) == ("outlet", "al jazeera")
    assert fixed.hedges[0].speaker == "al jazeera"


def test_removing_a_quote_drops_it_and_its_speaker_from_what_it_contained():
    fixed = apply_sourcing_corrections(FINDINGS, [correction("remove_quote", SECOND)])
    assert [a.id for a in fixed.attributions] == [1, 3]
    assert [n.source for n in fixed.numbers] == ["the spokesman", ""]


def test_adding_a_quote_makes_a_direct_attribution_in_body_order():
    added = span("The city fell.")
    earlier = span("Police sources said")
    fixed = apply_sourcing_corrections(
        FINDINGS,
        [
            correction("add_quote", added, "Ashton Carter", 1),
            correction("add_quote", earlier, "Reuters", 2),
        ],
    )
    starts = [a.content.start for a in fixed.attributions]
    assert starts == sorted(starts) and len(starts) == 5
    new = next(a for a in fixed.attributions if a.content.start == added.start)
    assert (new.id, new.kind, new.cue, new.via) == (4, "direct", None, ())
    assert new.content == added and new.paragraph == 1
    assert (new.source.resolved, new.source.type) == ("Ashton Carter", "person")
    assert new.corrected is True
    other = next(a for a in fixed.attributions if a.content.start == earlier.start)
    assert (other.id, other.paragraph) == (5, 0)


def test_adding_a_quote_that_is_there_changes_its_speaker():
    fixed = apply_sourcing_corrections(FINDINGS, [correction("add_quote", THIRD, "Omar Ali")])
    assert len(fixed.attributions) == 3
    assert fixed.attributions[2].source.resolved == "Omar Ali"
    assert fixed.attributions[2].kind == "direct"


def test_corrections_apply_in_id_order_and_stale_ones_change_nothing():
    gone = SpanText(500, 510, "not there")
    later_removal = correction("remove_quote", FIRST, id_=9)
    earlier_speaker = correction("speaker", FIRST, "Somebody Else", id_=3)
    fixed = apply_sourcing_corrections(
        FINDINGS, [later_removal, correction("speaker", gone, "X Y", 1), earlier_speaker]
    )
    assert [a.id for a in fixed.attributions] == [2, 3]
    assert fixed.numbers[0].source == ""  # the corrected speaker went with the quote


def test_findings_without_some_lists_still_work():
    fixed = apply_sourcing_corrections(Findings(), [correction("add_quote", THIRD, "Omar Ali")])
    assert [a.source.resolved for a in fixed.attributions] == ["Omar Ali"]
    assert fixed.numbers == () and fixed.hedges == ()


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Saad al-Hadithi", "person"),
        ("Ashton Carter", "person"),
        ("The Associated Press", "institution"),
        ("Ministry of Defence", "institution"),
        ("a senior official", "anonymous"),
        ("Some of the officials", "anonymous"),
        ("police sources", "anonymous"),
        ("the spokesman", "description"),
        ("3 witnesses", "anonymous"),
    ],
)
def test_the_type_of_a_named_speaker_is_guessed(name, kind):
    assert guess_source_type(name) == kind
    assert speaker_source(f"  {name} ").resolved == name


def test_what_looks_like_a_name():
    assert looks_like_name("Qassem Soleimani") and looks_like_name("Osama bin Laden")
    assert not looks_like_name("") and not looks_like_name("the spokesman")
    assert not looks_like_name("Unit 731") and not looks_like_name("A B C D E F")

"""A source the sourcing typed a person or an institution is an outlet when the library knows it."""

from gui.core.sourcing.known_outlets import source_type
from gui.core.sourcing.model import Attribution, Findings, Source, SpanText
from gui.core.sourcing.summary import summarise

OUTLETS = frozenset({"baltic wire", "kestrel bay herald"})  # as findings.known_outlets keys them


def said_by(name: str, kind: str, start: int) -> Attribution:
    return Attribution(
        start, "direct", None, Source(SpanText(0, 1, name), kind), SpanText(start, start + 5, "x")
    )


FINDINGS = Findings(
    attributions=(
        said_by("the Baltic Wire", "person", 10),  # quoted like a person
        said_by("Kestrel Bay Herald", "institution", 20),
        said_by("Elin Stahl", "person", 30),
        said_by("officials", "anonymous", 40),
    )
)


def test_the_article_s_sources_call_a_known_outlet_an_outlet():
    rows = {row.name: row.type for row in summarise(FINDINGS, (), OUTLETS).sources}
    assert rows == {
        "the Baltic Wire": "outlet",
        "Kestrel Bay Herald": "outlet",
        "Elin Stahl": "person",
        "officials": "anonymous",
    }
    summary = summarise(FINDINGS, (), OUTLETS)
    assert summary.counts["source"] == 3 and summary.counts["anonymous"] == 1  # named, as before


def test_without_the_library_s_outlets_the_types_are_as_found():
    rows = {row.name: row.type for row in summarise(FINDINGS).sources}
    assert rows["the Baltic Wire"] == "person" and rows["Kestrel Bay Herald"] == "institution"


def test_only_a_person_or_an_institution_is_taken_for_an_outlet():
    assert source_type("person", "The Baltic Wire", OUTLETS) == "outlet"
    assert source_type("anonymous", "Baltic Wire", OUTLETS) == "anonymous"
    assert source_type("pronoun", "Baltic Wire", OUTLETS) == "pronoun"
    assert source_type("person", "Baltic Wire correspondent", OUTLETS) == "person"

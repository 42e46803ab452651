"""Article and class reports as HTML: exact highlights, valid nesting, escaping, every section."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gui.core.anchoring import anchor_for
from gui.core.annotations.commands import AddAnnotation
from gui.core.annotations.model import Annotation
from gui.core.articles import Metadata
from gui.core.entities.pipeline import Entity
from gui.core.findings import ArticleFindings, stored
from gui.core.reports import article_report_html, class_report_html
from gui.core.reports.highlight import ANNOTATION, ENTITY, Highlight, highlighted_html
from gui.core.sourcing.model import Attribution, Findings, NumericClaim, Profile, Source, SpanText
from gui.core.storage import ArticleStore, Library, apply
from tests.core.interchange_helpers import add_article, label_id, memory_library
from tests.core.reports.helpers import cells, walk

# Curly quotes, markup characters and an emoji outside the BMP before the spans: offsets
# counted in UTF-16 units or bytes, or text escaped twice, would land elsewhere.
BODY = (
    "Fighters left Mosul\n\n"
    "\u201cThey left <on> Tuesday & Wednesday,\u201d a local official told reporters "
    "\U0001f642, adding that 40 people were killed in Mosul.\n\n"
    "Officials in Baghdad said the figure was reportedly lower.\n"
)
TITLE = "Fighters <left> Mosul & more"


def at(text: str, occurrence: int = 1) -> tuple[int, int]:
    """(start, end) of the n-th occurrence of text in BODY."""
    start = -1
    for _ in range(occurrence):
        start = BODY.index(text, start + 1)
    return start, start + len(text)


def entity(text: str, label: str, occurrence: int = 1) -> Entity:
    """An entity on the n-th occurrence of text."""
    start, end = at(text, occurrence)
    return Entity(start, end, label, text, text)


def annotate(library: Library, article_id: int, span: tuple[int, int], label: str, **kw) -> int:
    """Add an annotation on BODY[span] and return its id."""
    body = ArticleStore(library).get(article_id).body
    annotation = Annotation(
        0,
        article_id,
        label_id(library, label),
        anchor_for(body, *span),
        kw.get("note", ""),
        kw.get("annotator", "trainer"),
        "2024-05-01T10:00:00Z",
        "2024-05-01T10:00:00Z",
    )
    return apply(library, AddAnnotation(annotation)).annotation_id


def shown(
    library: Library, entities=(), findings: Findings | None = None, article_id: int = 1
) -> ArticleFindings:
    """What a report shows of an article: its stored verdicts, with these entities and findings."""
    base = stored(library, ArticleStore(library).get(article_id))
    return replace(base, entities=tuple(entities), findings=findings)


@pytest.fixture
def library() -> Iterator[Library]:
    """An in-memory library with BODY as article 1 (title with markup characters)."""
    with memory_library() as lib:
        add_article(lib, BODY, Metadata(title=TITLE, outlet="Example Wire", byline="Dana"))
        yield lib


# The text and its highlights


def test_text_content_equals_the_body_and_every_element_closes(library):
    trainer = annotate(library, 1, at("a local official told reporters"), "Source")
    inner = annotate(library, 1, at("local official"), "Claim")  # nested in the first
    across = annotate(library, 1, at("reporters \U0001f642, adding that 40"), "Hedge")  # overlaps
    entities = [entity("Mosul", "PLACE"), entity("Tuesday", "DATE"), entity("40", "NUMBER")]
    html = article_report_html(library, shown(library, entities))
    walker = walk(html)
    assert "".join(walker.text) == BODY
    assert {trainer, inner, across} == {int(a) for _, anns in walker.around for a in anns}


def test_each_character_is_inside_exactly_the_marks_and_boxes_that_cover_it(library):
    spans = {
        annotate(library, 1, at("a local official told reporters"), "Source"): at(
            "a local official told reporters"
        ),
        annotate(library, 1, at("official told"), "Claim"): at("official told"),
        annotate(library, 1, at("40 people were killed in Mosul"), "Claim"): at(
            "40 people were killed in Mosul"
        ),
    }
    entities = [entity("Mosul", "PLACE", 2), entity("40", "NUMBER"), entity("Baghdad", "PLACE")]
    walker = walk(article_report_html(library, shown(library, entities)))
    for position, (classes, anns) in enumerate(walker.around):
        expected = {str(i) for i, (start, end) in spans.items() if start <= position < end}
        assert set(anns) == expected, (position, BODY[position])
        kinds = {e.label for e in entities if e.start <= position < e.end}
        assert {c[2:] for c in classes if c.startswith("e-")} == kinds, (position, BODY[position])


def test_each_annotation_gets_its_number_after_its_last_character(library):
    first = annotate(library, 1, at("Tuesday & Wednesday"), "Claim")
    second = annotate(library, 1, at("Wednesday"), "Hedge")  # ends with the first
    walker = walk(article_report_html(library, shown(library)))
    # Both end at the same character: the inner one (second) closes, then the outer one,
    # its number set apart by a comma.
    assert walker.refs == [
        ("2", frozenset({str(first), str(second)})),
        (",1", frozenset({str(first)})),
    ]


def test_a_box_is_open_on_the_inside_where_another_span_cuts_it():
    text = "abcdefgh"
    box = Highlight(1, 7, ANNOTATION, "span", "ann", data="1")
    cut = Highlight(3, 5, ENTITY, "mark", "ent e-DATE")
    html = highlighted_html(text, [box, cut])
    assert html == (
        'a<span class="ann a-first" data-ann="1">bc</span>'
        '<span class="ann" data-ann="1"><mark class="ent e-DATE">de</mark></span>'
        '<span class="ann a-last" data-ann="1">fg</span>h'
    )


def test_spans_outside_the_text_or_empty_are_left_out():
    spans = [Highlight(2, 2, ENTITY, "mark", "x"), Highlight(3, 99, ENTITY, "mark", "y")]
    assert highlighted_html("a<b>c", spans) == "a&lt;b&gt;c"


@st.composite
def texts_and_spans(draw) -> tuple[str, list[Highlight]]:
    """A text with markup and astral characters, and spans of both kinds anywhere in it."""
    text = draw(st.text(alphabet="ab <&>\"'\n\U0001f642", min_size=1, max_size=40))
    n = len(text)
    spans = []
    for index in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, n - 1))
        end = draw(st.integers(start + 1, n))
        rank = draw(st.sampled_from([ANNOTATION, ENTITY]))
        tag = "span" if rank == ANNOTATION else "mark"
        spans.append(Highlight(start, end, rank, tag, f"k{index}", data=str(index), ref="r"))
    return text, spans


@settings(max_examples=200, deadline=None)
@given(texts_and_spans())
def test_any_spans_give_valid_html_with_the_text_unchanged(case):
    text, spans = case
    walker = walk(f'<div class="article-text">{highlighted_html(text, spans)}</div>')
    assert "".join(walker.text) == text
    for position, (classes, _) in enumerate(walker.around):
        covering = {f"k{i}" for i, s in enumerate(spans) if s.start <= position < s.end}
        assert {c for c in classes if c.startswith("k")} == covering
    assert len(walker.refs) == len(spans)


# The document around the text


def test_markup_in_titles_text_and_notes_is_escaped(library):
    annotate(library, 1, at("<on>"), "Claim", note="</td><script>alert(1)</script> & co")
    html = article_report_html(library, shown(library))
    assert "<script" not in html.lower()
    assert "&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html
    assert "<title>Fighters &lt;left&gt; Mosul &amp; more</title>" in html
    assert "<h1>Fighters &lt;left&gt; Mosul &amp; more</h1>" in html


def test_the_report_is_self_contained_and_printable(library):
    html = article_report_html(library, shown(library, [entity("Mosul", "PLACE")]))
    lowered = html.lower()
    for external in ("<script", "<link", "src=", "href=", "url(", "@import"):
        assert external not in lowered
    assert "@page { size: A4" in html
    assert "page-break-before: always" in html  # the notes start on a new page
    # 35% of #009E73 = (0, 158, 115) over white: 0.65 * 255 = 165.75 plus 0, 55.3, 40.25.
    assert ".e-PLACE { background-color: #a6ddce; }" in html


def test_the_legend_names_what_the_text_shows(library):
    annotate(library, 1, at("Tuesday"), "Hedge", annotator="ana")
    html = article_report_html(library, shown(library, [entity("Baghdad", "PLACE")]))
    legend = html[html.index('<div class="legend">') : html.index("</div>", html.index("legend"))]
    assert "Places" in legend and "People" not in legend
    assert "Hedge" in legend and "Claim" not in legend
    assert "ana" in legend


def test_notes_are_grouped_by_layer_and_numbered_as_in_the_text(library):
    annotate(library, 1, at("reportedly"), "Hedge", annotator="ben", note="Whose report?")
    annotate(library, 1, at("40 people"), "Claim", annotator="ana", note="Count them")
    annotate(library, 1, at("Tuesday"), "Claim", annotator="ana")
    html = article_report_html(library, shown(library))
    notes = cells(html, "notes")  # the first table: ana's, by position
    assert [row[:3] for row in notes] == [
        ["1", "Claim", "“Tuesday”"],
        ["2", "Claim", "“40 people”"],
    ]
    assert notes[1][3] == "Count them"
    assert html.index("<h3>ana") < html.index("<h3>ben") < html.index("<td>Whose report?</td>")
    assert [ref for ref, _ in walk(html).refs] == ["1", "2", "3"]


def test_layers_choose_and_order_what_is_shown(library):
    annotate(library, 1, at("reportedly"), "Hedge", annotator="ben")
    annotate(library, 1, at("Tuesday"), "Claim", annotator="ana")
    html = article_report_html(library, shown(library), layers=["ben"])
    assert "<h3>ben" in html and "<h3>ana" not in html
    assert [len(anns) for _, anns in walk(html).around if anns] == [1] * len("reportedly")


def test_an_orphaned_annotation_is_listed_but_not_highlighted(library):
    annotate(library, 1, at("Tuesday"), "Claim")
    library.db.execute("UPDATE annotations SET orphaned = 1")
    html = article_report_html(library, shown(library))
    assert not any(anns for _, anns in walk(html).around)
    assert "text not found in the article any more" in html


# Sourcing and checklist


def findings_for(body: str) -> Findings:
    """Findings with a profile, one source and two numeric claims."""
    forty, lower = at("40"), at("reportedly lower")
    source = Source(SpanText(0, 0, "a local official"), "anonymous", "", True, "told reporters",
                    True)  # fmt: skip
    content = SpanText(forty[0], at("killed")[1], "40 people were killed")
    attribution = Attribution(1, "indirect", None, source, content, (), "neutral", False)
    numbers = (
        NumericClaim(1, SpanText(*forty, "40"), counted="people killed", event="attack",
                     source="a local official", group=1),
        NumericClaim(2, SpanText(*lower, "lower"), counted="people killed", event="attack",
                     source="Officials", via=("Example Wire",), group=1),
    )  # fmt: skip
    shares = {"relayed_share": 0.25, "primary": 0.5, "secondary": 0.25, "tertiary": 0.25}
    profile = Profile(2, 1, **shares, hedge_density=12.34, unattributed=3, chain_depth=2)
    return Findings(attributions=(attribution,), numbers=numbers, profile=profile)


def test_the_claims_table_shows_verdicts_grades_and_relations(library):
    from gui.core.sourcing.commands import SetClaimAssessment, SetClaimRelation

    forty, lower = f"40@{at('40')[0]}", f"lower@{at('reportedly lower')[0]}"
    apply(library, SetClaimAssessment(1, forty, "disputed", "C", "3", "Only one source"))
    apply(library, SetClaimRelation(1, forty, lower, "contradicts"))
    html = article_report_html(library, shown(library, findings=findings_for(BODY)))
    claims = cells(html, "claims")
    assert claims[0] == [
        "#1 attack", "40", "people killed", "a local official", "disputed", "C3",
        "contradicts “lower”", "Only one source",
    ]  # fmt: skip
    assert claims[1][3:6] == ["Example Wire ← Officials", "unverified", ""]
    assert 'title="fairly reliable; possibly true"' in html


def test_the_sourcing_profile_and_sources_are_shown(library):
    html = article_report_html(library, shown(library, findings=findings_for(BODY)))
    profile = dict(map(tuple, cells(html, "profile")))
    # Counted again from the attributions, as every view counts them (the stored profile is
    # the analysis's): one anonymous source, nothing relayed; the hedge density is kept.
    assert (profile["Named sources"], profile["Anonymous sources"]) == ("0", "1")
    assert profile["Statements relayed by another outlet"] == "0%"
    assert profile["Hedges per 1,000 words"] == "12.3"
    assert cells(html, "sources") == [
        ["a local official", "anonymous (anonymous, verify)", "1", "0", "a local official"]
    ]


def test_without_findings_there_is_no_sourcing_section(library):
    html = article_report_html(library, shown(library))
    assert "<h2>Sourcing</h2>" not in html and "<h2>Claims</h2>" not in html


def set_setting(library: Library, key: str, value: str) -> None:
    """Write a settings row as an exercise file would have it."""
    library.db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [key, value])


def test_checklist_answers_of_an_exercise_are_shown(library):
    answers = [
        {"question": "Who is the source?", "answer": "An unnamed <official>"},
        {"question": "Is it corroborated?", "answer": None},
        {"question": "Lateral reading done?", "answer": True},
        {"answer": "no question: left out"},
    ]
    set_setting(library, "checklist_answers", json.dumps(answers))
    set_setting(library, "exercise", json.dumps({"title": "Counting the dead"}))
    html = article_report_html(library, shown(library))
    assert cells(html, "checklist") == [
        ["Who is the source?", "An unnamed <official>"],
        ["Is it corroborated?", "(no answer)"],
        ["Lateral reading done?", "yes"],
    ]
    assert "Exercise: Counting the dead" in html


def test_checklist_answers_by_question_follow_the_exercises_checklist(library):
    exercise = {"title": "SIFT", "checklist": ["Stop", "Investigate the source", "Find"]}
    set_setting(library, "exercise", json.dumps(exercise))
    answers = {"Find": "Two outlets", "Stop": "Done", "My own question": "Asked"}
    set_setting(library, "checklist_answers", json.dumps(answers))
    assert cells(article_report_html(library, shown(library)), "checklist") == [
        ["Stop", "Done"],
        ["Investigate the source", "(no answer)"],
        ["Find", "Two outlets"],
        ["My own question", "Asked"],
    ]


@pytest.mark.parametrize("value", [None, "not json", "{}", '[{"answer": "no question"}]', "[1, 2]"])
def test_missing_or_malformed_checklist_answers_leave_the_section_out(library, value):
    if value is not None:
        set_setting(library, "checklist_answers", value)
    assert "<h2>Checklist</h2>" not in article_report_html(library, shown(library))


def test_a_missing_article_is_a_key_error(library):
    with pytest.raises(KeyError):
        article_report_html(library, shown(library, article_id=99))


# The class report

# "aaaa bbbb cccc dddd": 19 characters, 4 tokens. The key marks "aaaa" and "cccc" as claims.
CLASS_BODY = "aaaa bbbb cccc dddd"


@pytest.fixture
def classroom() -> Iterator[Library]:
    """The key (trainer) and two trainees: ana finds "aaaa" exactly; ben marks "bbbb cccc"."""
    with memory_library() as lib:
        add_article(lib, CLASS_BODY, Metadata(title="Counting exercise"))
        for layer, spans, note in (
            ("trainer", [(0, 4), (10, 14)], "the key's note"),
            ("ana", [(0, 4)], ""),
            ("ben", [(5, 14)], ""),
        ):
            for span in spans:
                annotate(lib, 1, span, "Claim", annotator=layer, note=note)
        yield lib


def test_the_scoreboard_has_one_row_per_trainee_with_hand_worked_scores(classroom):
    board = cells(class_report_html(classroom, 1, "trainer"), "scoreboard")
    ana, ben = board
    # ana: 1 match, 1 miss, 0 extras, exact and overlap alike: F1 = 2*1 / (2*1 + 1 + 0) = 0.67.
    # kappa over 19 characters: both Claim on "aaaa" (4), both none on 11 characters (the
    # key's 11, all none for ana too); po = 15/19; key 8 Claim / 11 none, ana 4 / 15:
    # pe = (8*4 + 11*15) / 19^2 = 197/361; kappa = (285 - 197) / (361 - 197) = 88/164 = 0.54.
    # Over the 4 tokens: key C n C n, ana C n n n: po = 3/4, pe = (2*1 + 2*3)/16 = 1/2,
    # kappa = (3/4 - 1/2) / (1/2) = 0.50.
    assert ana[:9] == ["ana", "1", "1", "1", "0", "0.67", "0.67", "0.54", "0.50"]
    # ben: "bbbb cccc" is no exact match (exact F1 = 0 / (0 + 2 + 1) = 0.00), but overlaps
    # "cccc": overlap 1 match, 1 miss ("aaaa"), 0 extras: F1 = 2 / (2 + 1) = 0.67.
    assert ben[:7] == ["ben", "1", "1", "1", "0", "0.00", "0.67"]


def test_the_class_report_lists_what_each_trainee_missed(classroom):
    html = class_report_html(classroom, 1, "trainer")
    ana, ben = html.index("Trainee: ana"), html.index("Trainee: ben")
    assert "“cccc”" in html[ana:ben] and "“aaaa”" not in html[ana:ben].split("Missed")[1]
    assert "“aaaa”" in html[ben:] and "the key&#x27;s note" in html[ben:]
    assert "Found 1 of 2 key annotations; overlap F1 0.67." in html[ben:]
    assert "<h1>Counting exercise</h1>" in html


def test_the_class_report_scores_only_the_layers_asked_for(classroom):
    board = cells(class_report_html(classroom, 1, "trainer", ["ben", "trainer"]), "scoreboard")
    assert [row[0] for row in board] == ["ben"]


def test_a_key_layer_without_annotations_is_refused_with_the_layers_there(classroom):
    with pytest.raises(ValueError, match=r"'nobody'.*layers: ana, ben, trainer"):
        class_report_html(classroom, 1, "nobody")


def test_the_class_report_of_an_exercise_lists_every_return_its_answers_and_scores(tmp_path):
    from gui.core.reports.scores import exercise_report_html
    from gui.core.trainer.exercises import join_exercise, save_checklist_answers
    from gui.core.trainer.results import all_results
    from gui.core.trainer.returns import import_returned
    from tests.core.trainer.classroom import ANA, hand_out, make_exercise, opened, trainer_library

    for trainer in trainer_library(tmp_path):
        exercise = make_exercise(trainer, tmp_path / "e.sourcelight", include_key=True)
        ana = hand_out(exercise, "Ana", *ANA)
        with opened(ana) as library:
            join_exercise(library, "Ana <b>")
            save_checklist_answers(library, {"Stop": "Wire copy & no byline."})
        import_returned(trainer, ana)
        [results] = all_results(trainer)
        page = exercise_report_html(results)
    assert "<title>Class report: Mosul toll</title>" in page
    assert "answer key: 3 annotations of Maria" in page
    assert "Trainee: Ana &lt;b&gt;" in page and "<b>" not in page.split("<body>")[1]
    assert "Wire copy &amp; no byline." in page
    rows = {row.split("</td>")[0]: row for row in page.split("<tr><td>")[1:]}
    assert "0.33" in rows["Ana &lt;b&gt;"] and "0.67" in rows["Ana &lt;b&gt;"]  # exact, overlap
    assert "<td>Claim</td><td>2</td><td>1</td><td>1</td><td>1</td>" in page
    assert "<td>Source</td><td>1</td><td>1</td><td>0</td><td>0</td>" in page

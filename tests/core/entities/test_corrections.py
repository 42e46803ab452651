"""Entity corrections: rules that retype, remove, regroup and add entities, applied in id order."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gui.core.entities.corrections import KINDS, Correction, apply_corrections, describe
from gui.core.entities.pipeline import Entity

BODY = "Palmyra said Palmyra fell. Palmyrene ruins near Palmyra. Bashar al-Assad spoke."


def mention(text: str, label: str = "PERSON", group: str = "", nth: int = 0) -> Entity:
    """An entity on the nth occurrence of text in BODY."""
    start = -1
    for _ in range(nth + 1):
        start = BODY.index(text, start + 1)
    return Entity(start, start + len(text), label, text, group or text)


MODEL = [
    mention("Palmyra", "PERSON", nth=0),
    mention("Palmyra", "PERSON", nth=1),
    mention("Palmyra", "PLACE", nth=2),
    mention("Bashar", "PERSON"),
]


def texts(entities: list[Entity]) -> list[tuple[int, str, str, str]]:
    """(start, text, label, group) of each entity, for short assertions."""
    return [(e.start, e.text, e.label, e.group) for e in entities]


def test_no_rules_sorts_and_keeps_everything():
    assert apply_corrections(BODY, list(reversed(MODEL)), []) == sorted(MODEL)


def test_palmyra_is_a_place_retypes_every_mention_with_that_text():
    result = apply_corrections(BODY, MODEL, [Correction(1, "type", "Palmyra", "PLACE")])
    assert [e.label for e in result if e.text == "Palmyra"] == ["PLACE", "PLACE", "PLACE"]
    assert [e for e in result if e.text == "Bashar"] == [MODEL[3]]


def test_rules_match_the_exact_text_only():
    rules = [Correction(1, "type", "palmyra", "PLACE"), Correction(2, "remove", "Palmyr")]
    assert apply_corrections(BODY, MODEL, rules) == sorted(MODEL)


def test_remove_drops_every_mention_with_that_text():
    result = apply_corrections(BODY, MODEL, [Correction(1, "remove", "Palmyra")])
    assert texts(result) == [(BODY.index("Bashar"), "Bashar", "PERSON", "Bashar")]


def test_merge_puts_mentions_into_the_group():
    result = apply_corrections(BODY, MODEL, [Correction(1, "merge", "Bashar", group="Assad")])
    assert [e.group for e in result if e.text == "Bashar"] == ["Assad"]


def test_split_gives_mentions_a_group_of_their_own():
    merged = [Entity(e.start, e.end, e.label, e.text, "Tadmur") for e in MODEL]
    result = apply_corrections(BODY, merged, [Correction(1, "split", "Palmyra")])
    assert [e.group for e in result] == ["Palmyra", "Palmyra", "Palmyra", "Tadmur"]


def test_add_marks_whole_words_only_and_never_doubles_an_entity():
    result = apply_corrections(BODY, MODEL[:1], [Correction(1, "add", "Palmyra", "PLACE")])
    assert texts(result) == [
        (0, "Palmyra", "PERSON", "Palmyra"),  # already an entity: kept as it was
        (13, "Palmyra", "PLACE", "Palmyra"),
        (48, "Palmyra", "PLACE", "Palmyra"),  # "Palmyrene" (27) is another word
    ]


def test_add_does_not_go_inside_a_longer_entity():
    longer = [Entity(48, 62, "PLACE", "Palmyra. Basha", "x")]
    result = apply_corrections(BODY, longer, [Correction(1, "add", "Palmyra", "PLACE")])
    assert [e.start for e in result] == [0, 13, 48]
    assert result[2] == longer[0]


def test_add_replaces_an_entity_the_model_cut_short():
    rule = Correction(1, "add", "Bashar al-Assad", "PERSON")
    result = apply_corrections(BODY, MODEL, [rule])
    assert texts(result)[-1] == (57, "Bashar al-Assad", "PERSON", "Bashar al-Assad")
    assert len(result) == len(MODEL)


def test_add_joins_the_group_the_text_already_has():
    grouped = [Entity(0, 7, "PLACE", "Palmyra", "Tadmur")]
    result = apply_corrections(BODY, grouped, [Correction(1, "add", "Palmyra", "PLACE")])
    assert {e.group for e in result} == {"Tadmur"}


def test_add_of_text_that_is_not_a_word_matches_anywhere():
    result = apply_corrections("a+b, a+b", [], [Correction(1, "add", "+b", "OTHER")])
    assert [(e.start, e.end) for e in result] == [(1, 3), (6, 8)]


def test_rules_apply_in_id_order_whatever_order_they_come_in():
    first, later = (
        Correction(1, "type", "Palmyra", "ORG"),
        Correction(2, "type", "Palmyra", "PLACE"),
    )
    for rules in ([first, later], [later, first]):
        result = apply_corrections(BODY, MODEL, rules)
        assert {e.label for e in result if e.text == "Palmyra"} == {"PLACE"}


def test_a_later_rule_applies_to_what_an_earlier_add_made():
    rules = [Correction(1, "add", "Palmyra", "PLACE"), Correction(2, "remove", "Palmyra")]
    assert [e.text for e in apply_corrections(BODY, [], rules)] == []
    rules = [Correction(2, "add", "Palmyra", "PLACE"), Correction(1, "remove", "Palmyra")]
    assert len(apply_corrections(BODY, MODEL, rules)) == 4


def test_inputs_are_left_as_they_were():
    model = list(MODEL)
    rules = [Correction(1, "type", "Palmyra", "PLACE"), Correction(2, "add", "ruins", "OTHER")]
    apply_corrections(BODY, model, rules)
    assert model == MODEL


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        (Correction(1, "type", "Palmyra", "PLACE"), "Palmyra is a place"),
        (Correction(1, "type", "ISIS", "ORG"), "ISIS is an organisation"),
        (Correction(1, "remove", "Tuesday"), "Tuesday is not an entity"),
        (Correction(1, "merge", "IS", group="Islamic State"), "IS is the same as Islamic State"),
        (Correction(1, "split", "Jordan"), "Jordan is a name of its own"),
        (Correction(1, "add", "Tadmur", "PLACE"), "Tadmur is always a place"),
    ],
)
def test_describe_says_the_rule_in_words(rule, words):
    assert describe(rule) == words


@pytest.mark.parametrize(
    "fields",
    [
        ("rename", "x"),
        ("type", ""),
        ("type", "x"),
        ("add", "x"),
        ("merge", "x"),
    ],
)
def test_incomplete_rules_are_refused(fields):
    with pytest.raises(ValueError):
        Correction(1, *fields)


def test_every_kind_is_described():
    extra = {"label": "PLACE", "group": "g"}
    assert all(describe(Correction(1, kind, "x", **extra)) for kind in KINDS)


def test_a_hundred_thousand_entities_with_fifty_rules_stay_fast():
    body = " ".join(f"Name{n % 5000}" for n in range(100_000))
    entities, offset = [], 0
    for n in range(100_000):
        text = f"Name{n % 5000}"
        entities.append(Entity(offset, offset + len(text), "PERSON", text, text))
        offset += len(text) + 1
    kinds = ("type", "remove", "merge", "split", "add")
    rules = [
        Correction(i + 1, kinds[i % 5], f"Name{i * 7}", label="PLACE", group="G") for i in range(50)
    ]
    started = time.perf_counter()
    result = apply_corrections(body, entities, rules)
    elapsed = time.perf_counter() - started
    assert len(result) == 100_000 - 10 * 20  # ten remove rules, 20 mentions each
    assert elapsed < 1.0  # the bar is 0.1 s; ten times that catches a quadratic slip


# Property test: the fast implementation agrees with the rules applied one by one, naively.

VOCABULARY = ("Palmyra", "Tadmur", "IS", "ISIS", "Bashar", "al-Assad", "the", "Mosul")


def naive(body: str, entities: list[Entity], rules: list[Correction]) -> list[Entity]:
    """The rules applied in id order by rebuilding the whole list each time."""
    current = list(entities)
    for r in sorted(rules, key=lambda rule: rule.id):
        same = [e for e in current if e.text == r.text]
        if r.kind == "remove":
            current = [e for e in current if e.text != r.text]
        elif r.kind == "add":
            current = naive_add(body, current, r, same[0].group if same else r.text)
        else:
            label = r.label if r.kind == "type" else None
            group = {"merge": r.group, "split": r.text}.get(r.kind)
            current = [
                Entity(e.start, e.end, label or e.label, e.text, group or e.group)
                if e.text == r.text
                else e
                for e in current
            ]
    return sorted(current)


def naive_add(body: str, current: list[Entity], rule: Correction, known: str) -> list[Entity]:
    """An "add" rule by regular expression and list scans."""
    before = r"(?<!\w)" if re.match(r"\w", rule.text[0]) else ""
    after = r"(?!\w)" if re.match(r"\w", rule.text[-1]) else ""
    for match in re.finditer(before + re.escape(rule.text) + after, body):
        start, end = match.span()
        touching = [e for e in current if e.start < end and e.end > start]
        if any(e.start <= start and e.end >= end for e in touching):
            continue
        current = [e for e in current if e not in touching]
        current.append(Entity(start, end, rule.label, rule.text, rule.group or known))
    return current


@st.composite
def corrected(draw: st.DrawFn) -> tuple[str, list[Entity], list[Correction]]:
    """A body of known words, some of them entities, and a few rules about those words."""
    words = draw(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=40))
    separators = draw(st.lists(st.sampled_from((" ", ", ", "-", "")), min_size=len(words)))
    body, spans = "", []
    for word, separator in zip(words, separators, strict=False):
        spans.append((len(body), len(body) + len(word)))
        body += word + separator
    chosen = draw(st.lists(st.sampled_from(spans), unique=True)) if spans else []
    labels = st.sampled_from(("PERSON", "PLACE", "ORG"))
    entities = [Entity(s, e, draw(labels), body[s:e], body[s:e]) for s, e in chosen]
    texts = st.sampled_from((*VOCABULARY, "Bashar al-Assad", "IS-ISIS"))
    rules = [
        Correction(n, draw(st.sampled_from(KINDS)), draw(texts), draw(labels), draw(texts))
        for n in draw(st.lists(st.integers(1, 99), unique=True, max_size=8))
    ]
    return body, entities, rules


@settings(max_examples=300)
@given(corrected())
def test_the_fast_way_agrees_with_the_naive_one(case):
    body, entities, rules = case
    assert apply_corrections(body, entities, rules) == naive(body, entities, rules)

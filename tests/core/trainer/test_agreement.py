"""Agreement scores, each checked against a case worked out by hand (arithmetic in comments)."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from gui.core.anchoring import Anchor
from gui.core.annotations.model import Annotation
from gui.core.trainer.agreement import (
    ALL,
    LabelScore,
    cohen_kappa,
    compare,
    scoreboard,
    unitizing_alpha,
)

# Five tokens of four letters: aaaa 0-4, bbbb 5-9, cccc 10-14, dddd 15-19, eeee 20-24 (L = 24).
BODY = "aaaa bbbb cccc dddd eeee"
CLAIM, SOURCE = 1, 2
LABELS = {CLAIM: "Claim", SOURCE: "Source"}  # codebook order: Claim wins over Source


def ann(id_: int, label: int, start: int, end: int, annotator: str = "", **kw) -> Annotation:
    """An annotation of BODY[start:end]."""
    anchor = Anchor(start, end, BODY[start:end], "", "")
    return Annotation(id_, 1, label, anchor, "", annotator, "", "", **kw)


def counts(score: LabelScore) -> tuple:
    """A score as (label, matches, misses, extras, precision, recall, f1)."""
    s = score
    return (s.label, s.matches, s.misses, s.extras, s.precision, s.recall, s.f1)


# P/R/F1, exact and overlap

KEY = [ann(1, CLAIM, 0, 9), ann(2, CLAIM, 15, 19), ann(3, SOURCE, 20, 24)]
LAYER = [ann(11, CLAIM, 0, 9), ann(12, CLAIM, 10, 17), ann(13, SOURCE, 5, 9)]


def test_exact_scores_per_label_and_micro_all():
    result = compare(BODY, KEY, LAYER, LABELS, "key", "ana")
    # Claim: 1 (0-9) same span; key 15-19 missed; layer 10-17 extra (not the same span).
    #   P = 1/(1+1) = 0.5, R = 1/(1+1) = 0.5, F1 = 2*1/(2*1+1+1) = 0.5
    # Source: key 20-24 missed, layer 5-9 extra: P = 0/1 = 0, R = 0/1 = 0, F1 = 0/2 = 0
    # ALL: matches 1, misses 2, extras 2: P = 1/3, R = 1/3, F1 = 2/(2+2+2) = 1/3
    assert [counts(s) for s in result.exact] == [
        ("Claim", 1, 1, 1, 0.5, 0.5, 0.5),
        ("Source", 0, 1, 1, 0.0, 0.0, 0.0),
        (ALL, 1, 2, 2, pytest.approx(1 / 3), pytest.approx(1 / 3), pytest.approx(1 / 3)),
    ]
    assert (result.key, result.layer) == ("key", "ana")


def test_overlap_scores_and_what_was_missed_or_extra():
    result = compare(BODY, KEY, LAYER, LABELS)
    # Claim: 0-9 with 0-9 (9 chars shared), 15-19 with 10-17 (15, 16: 2 chars): P = R = F1 = 1
    # Source: 20-24 and 5-9 share nothing: 0 matches, 1 miss, 1 extra: all 0
    # ALL: matches 2, misses 1, extras 1: P = 2/3, R = 2/3, F1 = 4/(4+1+1) = 2/3
    assert [counts(s) for s in result.overlap] == [
        ("Claim", 2, 0, 0, 1.0, 1.0, 1.0),
        ("Source", 0, 1, 1, 0.0, 0.0, 0.0),
        (ALL, 2, 1, 1, pytest.approx(2 / 3), pytest.approx(2 / 3), pytest.approx(2 / 3)),
    ]
    assert [a.id for a in result.missed] == [3]
    assert [a.id for a in result.extra] == [13]
    assert result.score("Claim", "exact").f1 == 0.5
    assert result.score().f1 == pytest.approx(2 / 3)


def test_overlap_matching_prefers_the_largest_overlap():
    key = [ann(1, CLAIM, 0, 9)]
    layer = [ann(11, CLAIM, 0, 2), ann(12, CLAIM, 3, 14)]
    result = compare(BODY, key, layer, LABELS)
    # 0-9 shares 2 chars with 0-2 and 6 chars (3..8) with 3-14: 3-14 is taken, 0-2 is extra.
    assert [a.id for a in result.extra] == [11]
    assert counts(result.score()) == (ALL, 1, 0, 1, 0.5, 1.0, pytest.approx(2 / 3))


def test_overlap_ties_go_to_the_earlier_layer_annotation_then_the_earlier_key():
    # Key 0-9 shares 4 chars with 0-4 and 4 chars (5..8) with 5-14: the earlier, 0-4, wins.
    result = compare(
        BODY, [ann(1, CLAIM, 0, 9)], [ann(12, CLAIM, 5, 14), ann(11, CLAIM, 0, 4)], LABELS
    )
    assert [a.id for a in result.extra] == [12]
    # Layer 0-9 shares 4 chars with key 0-4 and 4 with key 5-9: one-to-one, the earlier key wins.
    result = compare(
        BODY, [ann(2, CLAIM, 5, 9), ann(1, CLAIM, 0, 4)], [ann(11, CLAIM, 0, 9)], LABELS
    )
    assert [a.id for a in result.missed] == [2]


def test_labels_must_agree_to_match():
    result = compare(BODY, [ann(1, CLAIM, 0, 9)], [ann(11, SOURCE, 0, 9)], LABELS)
    # Same span, other label: Claim missed, Source extra, nothing matched in either mode.
    assert result.score("ALL", "exact").matches == result.score().matches == 0
    assert [s.label for s in result.overlap] == ["Claim", "Source", ALL]


def test_duplicate_annotations_match_one_to_one():
    key = [ann(1, CLAIM, 0, 4)]
    layer = [ann(11, CLAIM, 0, 4), ann(12, CLAIM, 0, 4)]
    # Two identical layer spans for one key span: one matches, the other is an extra.
    assert counts(compare(BODY, key, layer, LABELS).score("Claim", "exact")) == (
        "Claim", 1, 0, 1, 0.5, 1.0, pytest.approx(2 / 3),
    )  # fmt: skip


# Cohen's kappa


def test_cohen_kappa_of_a_textbook_table():
    # 50 units: yes/yes 20, yes/no 5, no/yes 10, no/no 15.
    # po = 35/50 = 0.7; pe = (25*30 + 25*20)/2500 = 0.5; kappa = (0.7-0.5)/(1-0.5) = 0.4
    table = {("y", "y"): 20, ("y", "n"): 5, ("n", "y"): 10, ("n", "n"): 15}
    assert cohen_kappa(table) == pytest.approx(0.4)


def test_kappa_over_characters_and_tokens():
    key = [ann(1, CLAIM, 0, 9)]
    layer = [ann(11, CLAIM, 0, 4), ann(12, SOURCE, 10, 14)]
    result = compare(BODY, key, layer, LABELS)
    # Characters (24): 0-3 (Claim, Claim) 4; 4-8 (Claim, none) 5; 10-13 (none, Source) 4;
    #   9 and 14-23 (none, none) 11. po = (4+11)/24 = 15/24.
    #   Marginals: key Claim 9, none 15; layer Claim 4, Source 4, none 16.
    #   pe = (9*4 + 15*16)/24² = 276/576. kappa = (24*15 - 276)/(576 - 276) = 84/300 = 0.28
    assert result.kappa_chars == pytest.approx(0.28)
    # Tokens (5): aaaa (Claim, Claim), bbbb (Claim, none), cccc (none, Source), dddd and eeee
    #   (none, none). po = 3/5. Marginals: key Claim 2, none 3; layer Claim 1, Source 1, none 3.
    #   pe = (2*1 + 3*3)/25 = 11/25. kappa = (5*3 - 11)/(25 - 11) = 4/14 = 2/7
    assert result.kappa_tokens == pytest.approx(2 / 7)


def test_overlapping_labels_of_one_side_the_first_in_the_codebook_wins():
    # Key: Source 0-9 under Claim 5-14; Claim comes first in LABELS, so chars 5-8 are Claim.
    key = [ann(1, SOURCE, 0, 9), ann(2, CLAIM, 5, 14)]
    # The layer says exactly that without overlaps: Source 0-5, Claim 5-14.
    layer = [ann(11, SOURCE, 0, 5), ann(12, CLAIM, 5, 14)]
    result = compare(BODY, key, layer, LABELS)
    # Every character and token then has the same category on both sides: kappa = 1.
    # (Tokens: aaaa Source; bbbb touched by Source and Claim -> Claim; cccc Claim.)
    assert (result.kappa_chars, result.kappa_tokens) == (1.0, 1.0)
    # Had Source won, chars 5-8 would be (Source, Claim) and kappa < 1.
    swapped = compare(BODY, key, layer, {SOURCE: "Source", CLAIM: "Claim"})
    assert swapped.kappa_chars < 1.0


def test_a_token_takes_a_label_that_touches_any_of_it():
    # Key marks "aaaa"; the layer only its last letter: every token agrees, the chars do not.
    result = compare(BODY, [ann(1, CLAIM, 0, 4)], [ann(11, CLAIM, 3, 4)], LABELS)
    assert result.kappa_tokens == 1.0
    # Chars: (C,C) 1, (C,none) 3, (none,none) 20. po = 21/24.
    #   pe = (4*1 + 20*23)/576 = 464/576. kappa = (24*21 - 464)/(576 - 464) = 40/112 = 5/14
    assert result.kappa_chars == pytest.approx(5 / 14)


# Krippendorff's u-alpha


def test_u_alpha_of_two_overlapping_units_by_hand():
    # L = 10, one category. A: unit b=2 l=4, gaps (0,2) (6,4). B: unit b=3 l=3, gaps (0,3) (6,4).
    # Do: only unit vs unit overlaps: (2-3)² + (6-6)² = 1 each way: 2 / (2*1*10²) = 0.01
    # De = (2/L) * sum over units / (mL(mL-1) - sum l(l-1)); N = 2, gaps 4, 4, 3, 2:
    #   l=4: (1/3)(2*64 - 3*16 + 4) = 28;  16 * ((4-4+1) + (4-4+1)) = 32  -> 60
    #   l=3: (1/3)(2*27 - 3*9 + 3) = 10;   9 * (2 + 2 + 1) = 45             -> 55
    #   De = (2/10) * 115 / (20*19 - (12 + 6)) = 23/362
    # alpha = 1 - 0.01 / (23/362) = 1 - 3.62/23
    assert unitizing_alpha(10, [[(2, 6, "c")], [(3, 6, "c")]]) == pytest.approx(1 - 3.62 / 23)


def test_u_alpha_of_disjoint_units_by_hand():
    # L = 10. A: unit (0,2), gap (2,8). B: gap (0,5), unit (5,3), gap (8,2).
    # Do: A's unit lies in B's gap (0,5): 2² = 4; B's unit in A's gap (2,8): 3² = 9;
    #   both ways: 2 * 13 = 26; Do = 26/200 = 0.13
    # De: N = 2, gaps 8, 5, 2.
    #   l=2: (1/3)(16 - 12 + 2) = 2;  4 * ((8-1) + (5-1) + (2-1)) = 48  -> 50
    #   l=3: (1/3)(54 - 27 + 3) = 10; 9 * ((8-2) + (5-2)) = 81          -> 91
    #   De = (2/10) * 141 / (380 - (2 + 6)) = 28.2/372
    # alpha = 1 - 0.13 * 372 / 28.2 = 1 - 48.36/28.2 (below 0: worse than chance)
    alpha = unitizing_alpha(10, [[(0, 2, "c")], [(5, 8, "c")]])
    assert alpha == pytest.approx(1 - 48.36 / 28.2)
    assert alpha < 0


def test_u_alpha_reproduces_krippendorffs_worked_example():
    # Krippendorff (2004), Content Analysis, p. 254: continuum 150-450 (here shifted by 150),
    # categories c and k, two observers. The book gives alpha_c = .7286 and alpha = .8591.
    first = [(75, 145, "c"), (220, 250, "c"), (30, 90, "k"), (150, 200, "k")]
    second = [(70, 150, "c"), (205, 225, "c"), (250, 270, "c"), (30, 90, "k"), (150, 200, "k")]
    only_c = [[u for u in coder if u[2] == "c"] for coder in (first, second)]
    assert unitizing_alpha(300, only_c) == pytest.approx(0.7286, abs=0.0001)
    assert unitizing_alpha(300, [first, second]) == pytest.approx(0.8591, abs=0.0005)


def test_u_alpha_of_a_comparison_sums_over_labels():
    key = [ann(1, CLAIM, 0, 9)]
    layer = [ann(11, CLAIM, 0, 4), ann(12, SOURCE, 10, 14)]
    # L = 24, m = 2, mL(mL-1) = 48*47 = 2256.
    # Claim: key unit (0,9) gap (9,15); layer unit (0,4) gap (4,20).
    #   Do: unit/unit (0-0)² + (9-4)² = 25 each way -> 50 / (2*576) = 50/1152
    #   De: N = 2; l=9: (1/3)(1458 - 243 + 9) = 408, 81 * ((15-8) + (20-8)) = 1539 -> 1947
    #              l=4: (1/3)(128 - 48 + 4) = 28, 16 * ((15-3) + (20-3)) = 464  -> 492
    #       De = (2/24) * 2439 / (2256 - (72 + 12)) = 2439/26064
    # Source: key has only the gap (0,24); layer unit (10,4), gaps (0,10) (14,10).
    #   Do: the unit lies in the key's gap: 16 each way -> 32/1152
    #   De: N = 1 (first term 0); 16 * ((24-3) + (10-3) + (10-3)) = 560
    #       De = (2/24) * 560 / (2256 - 12) = 560/26928
    expected = 1 - Fraction(82, 1152) / (Fraction(2439, 26064) + Fraction(560, 26928))
    result = compare(BODY, key, layer, LABELS)
    assert result.alpha_unitizing == pytest.approx(float(expected))


def test_u_alpha_does_not_fit_overlapping_units_of_one_label():
    key = [ann(1, CLAIM, 0, 9), ann(2, CLAIM, 5, 14)]
    result = compare(BODY, key, [ann(11, CLAIM, 0, 9)], LABELS)
    assert result.alpha_unitizing is None
    assert result.score().matches == 1  # the other figures are still there


# Edge cases


def test_no_annotations_on_either_side_is_perfect_agreement_on_nothing():
    result = compare(BODY, [], [], LABELS)
    # Only ALL, with nothing counted: P = R = F1 = 1.0 by the module's zero rule.
    assert [counts(s) for s in result.exact] == [(ALL, 0, 0, 0, 1.0, 1.0, 1.0)]
    assert result.overlap == result.exact
    # Every char and token is (none, none): pe = 1, kappa defined as 1.0.
    assert (result.kappa_chars, result.kappa_tokens) == (1.0, 1.0)
    assert result.alpha_unitizing is None  # no units at all: De = 0
    assert (result.missed, result.extra) == ((), ())


def test_identical_layers_agree_perfectly():
    layer = [ann(10 + a.id, a.label_id, a.start, a.end) for a in KEY]
    result = compare(BODY, KEY, layer, LABELS)
    assert all((s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0) for s in result.exact)
    assert all((s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0) for s in result.overlap)
    assert (result.kappa_chars, result.kappa_tokens, result.alpha_unitizing) == (1.0, 1.0, 1.0)


def test_an_empty_layer_scores_zero_and_kappa_zero():
    result = compare(BODY, [ann(1, CLAIM, 0, 9)], [], LABELS)
    assert counts(result.score()) == (ALL, 0, 1, 0, 0.0, 0.0, 0.0)
    # Chars: (C, none) 9, (none, none) 15: po = 15/24; pe = (9*0 + 15*24)/576 = 360/576
    #   kappa = (24*15 - 360)/(576 - 360) = 0
    assert result.kappa_chars == 0.0


def test_disjoint_layers():
    result = compare(BODY, [ann(1, CLAIM, 0, 4)], [ann(11, CLAIM, 10, 14)], LABELS)
    assert counts(result.score()) == (ALL, 0, 1, 1, 0.0, 0.0, 0.0)
    # Chars: (C, none) 4, (none, C) 4, (none, none) 16: po = 16/24
    #   pe = (4*4 + 20*20)/576 = 416/576; kappa = (24*16 - 416)/(576 - 416) = -32/160 = -0.2
    assert result.kappa_chars == pytest.approx(-0.2)
    # Tokens: (C, none), (none, C), 3 x (none, none): po = 3/5; pe = (1*1 + 4*4)/25 = 17/25
    #   kappa = (5*3 - 17)/(25 - 17) = -2/8 = -0.25
    assert result.kappa_tokens == pytest.approx(-0.25)
    # u-alpha: units (0,4) and (10,4); each lies in the other's gap: Do = 2*(16+16)/1152
    #   De: N = 2, gaps 20 (key), 10 and 10 (layer); each unit: 28 + 16*(17+7+7) = 524
    #   De = (2/24) * 1048 / (2256 - 24) = 1048/26784
    assert result.alpha_unitizing == pytest.approx(1 - (64 / 1152) / (1048 / 26784))


def test_orphans_and_empty_spans_are_left_out():
    layer = [ann(11, CLAIM, 0, 9), ann(12, CLAIM, 15, 19, orphaned=True), ann(13, CLAIM, 30, 40)]
    result = compare(BODY, [ann(1, CLAIM, 0, 9)], layer, LABELS)
    # The orphan and the span beyond the body are not compared at all: one perfect match.
    assert counts(result.score()) == (ALL, 1, 0, 0, 1.0, 1.0, 1.0)
    assert result.extra == ()


def test_an_empty_body_has_perfect_kappa_and_no_alpha():
    result = compare("", [], [], LABELS)
    assert (result.kappa_chars, result.kappa_tokens, result.alpha_unitizing) == (1.0, 1.0, None)


def test_unknown_labels_get_a_name_and_come_after_the_codebook():
    result = compare(BODY, [ann(1, 99, 0, 4)], [ann(11, CLAIM, 0, 4)], LABELS)
    assert [s.label for s in result.exact] == ["Claim", "label 99", ALL]


def test_scoreboard_compares_every_layer_in_order():
    layers = {"Ben": [ann(21, CLAIM, 0, 9)], "Ana": LAYER}
    board = scoreboard(BODY, KEY, layers, LABELS, key_name="key")
    assert [(c.key, c.layer) for c in board] == [("key", "Ben"), ("key", "Ana")]
    assert board[1] == compare(BODY, KEY, LAYER, LABELS, "key", "Ana")


def test_to_json_carries_the_same_numbers():
    result = compare(BODY, KEY, LAYER, LABELS, "key", "ana")
    data = json.loads(json.dumps(result.to_json()))
    assert data["overlap"][-1] == {
        "label": ALL,
        "matches": 2,
        "misses": 1,
        "extras": 1,
        "precision": result.score().precision,
        "recall": result.score().recall,
        "f1": result.score().f1,
    }
    assert data["kappa_chars"] == result.kappa_chars
    assert data["alpha_unitizing"] == result.alpha_unitizing
    assert [(m["id"], m["start"], m["end"], m["text"]) for m in data["missed"]] == [
        (3, 20, 24, "eeee")
    ]

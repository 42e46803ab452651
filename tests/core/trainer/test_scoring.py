"""The inputs of the scores, built once: layers, label names, and the comparisons made of them."""

from __future__ import annotations

from gui.core.annotations.model import Label
from gui.core.trainer.agreement import compare, scoreboard
from gui.core.trainer.scoring import class_scores, compare_layers, label_names, layers_of
from tests.core.trainer.test_agreement import BODY, CLAIM, SOURCE, ann

CODEBOOK = [Label(CLAIM, "Claim", "#000", "1", "", 0), Label(SOURCE, "Source", "#fff", "2", "", 1)]
KEY = [ann(1, CLAIM, 0, 9, "key"), ann(2, SOURCE, 20, 24, "key")]
ANA = [ann(11, CLAIM, 0, 4, "ana"), ann(12, SOURCE, 5, 9, "ana", orphaned=True)]
BEN = [ann(21, SOURCE, 20, 24, "ben")]
ANNOTATIONS = [KEY[0], ANA[0], BEN[0], KEY[1], ANA[1]]


def test_layers_keep_the_order_met_and_their_orphans():
    layers = layers_of(ANNOTATIONS)
    assert list(layers) == ["key", "ana", "ben"]
    assert layers["ana"] == ANA
    assert label_names(CODEBOOK) == {CLAIM: "Claim", SOURCE: "Source"}


def test_a_layer_is_scored_on_its_placed_annotations_against_the_key():
    result = compare_layers(BODY, ANNOTATIONS, CODEBOOK, "key", "ana")
    assert result == compare(BODY, KEY, ANA[:1], label_names(CODEBOOK), "key", "ana")
    assert result.extra == ()  # the orphan is no extra: it has no place in the text
    assert compare_layers(BODY, ANNOTATIONS, CODEBOOK, "key", "nobody").score().matches == 0


def test_the_class_is_scored_layer_by_layer_in_the_order_asked():
    board = class_scores(BODY, ANNOTATIONS, CODEBOOK, "key", ["ben", "ana"])
    expected = scoreboard(BODY, KEY, {"ben": BEN, "ana": ANA[:1]}, label_names(CODEBOOK), "key")
    assert board == expected and [c.layer for c in board] == ["ben", "ana"]

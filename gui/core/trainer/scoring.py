"""What every score of a layer against the answer key starts from, built in one place.

The Compare overlay and scoreboard, the compare command and the class report all score the
layers of one article: the annotations by layer, the placed ones only, with the codebook's
label names in its order, handed to gui.core.trainer.agreement.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from gui.core.annotations.model import Annotation, Label
from gui.core.trainer.agreement import Comparison, compare, scoreboard

# What the figures mean, one line each, as the scoreboard, the Returns view and reports say it.
MATCHING_LINE = (
    "Exact: the same label on the same span as the key. Overlap: the same label and at least "
    "one character in common (found, missed and extra count overlap matches)."
)
KAPPA_LINE = (
    "κ (Cohen's kappa): how often the layer and the key give a character (or a word) the same "
    "label, corrected for the agreement chance alone would give; 1 is full agreement, 0 chance."
)
ALPHA_LINE = (
    "α (Krippendorff's alpha for unitizing): how far the marked stretches themselves agree "
    "with the key's, label by label; 1 is full agreement, 0 chance, – where it does not apply."
)


def layers_of(annotations: Iterable[Annotation]) -> dict[str, list[Annotation]]:
    """The annotations by layer (annotator), in the order given, orphaned ones included."""
    layers: dict[str, list[Annotation]] = {}
    for annotation in annotations:
        layers.setdefault(annotation.annotator, []).append(annotation)
    return layers


def label_names(codebook: Iterable[Label]) -> dict[int, str]:
    """Label id -> name, in codebook order (the order the scores list labels in)."""
    return {label.id: label.name for label in codebook}


def compare_layers(
    body: str, annotations: Iterable[Annotation], codebook: Iterable[Label], key: str, layer: str
) -> Comparison:
    """The layer's annotations scored against the key's, over the article's body."""
    placed = _placed(annotations)
    found = (placed.get(key, []), placed.get(layer, []))
    return compare(body, *found, label_names(codebook), key, layer)


def class_scores(
    body: str,
    annotations: Iterable[Annotation],
    codebook: Iterable[Label],
    key: str,
    layers: Sequence[str],
) -> list[Comparison]:
    """Each of layers scored against the key, in the order of layers."""
    placed = _placed(annotations)
    trainees = {name: placed.get(name, []) for name in layers}
    return scoreboard(body, placed.get(key, []), trainees, label_names(codebook), key)


def _placed(annotations: Iterable[Annotation]) -> dict[str, list[Annotation]]:
    """The layers with only the annotations found in the text: an orphan has no span to score."""
    return layers_of(a for a in annotations if not a.orphaned)

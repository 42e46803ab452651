"""How reports look: the entity palette as light tints, label and layer classes, print CSS.

Two readers of one style sheet. Browsers (screen, projection, print) draw annotations as boxes
in their label colour. Qt's rich text (QTextDocument, for the PDF) cannot draw borders around
inline text, so the base rules underline annotations in the label colour instead, and the
boxes and the projection sizes sit in media queries with features (BROWSER_CSS, last): Qt
drops a style sheet from the first such query on, and browsers apply it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from gui.core.annotations.model import Label

# Okabe-Ito hues, the same as the reader's highlights (gui/article_view/palette.py).
ENTITY_COLOURS: dict[str, str] = {
    "PERSON": "#E69F00",
    "ORG": "#0072B2",
    "OUTLET": "#CC79A7",
    "PLACE": "#009E73",
    "GROUP": "#56B4E9",
    "DATE": "#F0E442",
    "NUMBER": "#D55E00",
    "EVENT": "#7F6A93",
    "OTHER": "#999999",
}
TINT = 0.35  # share of the hue in an entity's background; the rest is white paper
LAYER_STYLES: tuple[str, ...] = ("solid", "dashed", "dotted", "double")
UNKNOWN_LABEL_COLOUR = "#666666"
STATUS_CLASSES = {"verified": "ok", "disputed": "warn", "false": "bad"}

BASE_CSS = """\
@page { size: A4; margin: 15mm; }
body { font-family: Georgia, "DejaVu Serif", "Times New Roman", serif; font-size: 11pt;
  line-height: 1.45; color: #111111; background-color: #ffffff; margin: 0;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 20pt; margin: 0 0 4pt 0; }
h2 { font-size: 14pt; margin: 16pt 0 6pt 0; page-break-after: avoid; break-after: avoid; }
h3 { font-size: 12pt; margin: 12pt 0 4pt 0; page-break-after: avoid; break-after: avoid; }
p { margin: 0 0 6pt 0; }
.meta { color: #444444; font-size: 10pt; }
.small { color: #444444; font-size: 9pt; }
.article-text { white-space: pre-wrap; font-size: 12pt; line-height: 1.7; }
.appendix { page-break-before: always; break-before: page; }
table { border-collapse: collapse; font-size: 9.5pt; margin: 4pt 0 8pt 0; }
th, td { border: 1px solid #888888; padding: 3px 5px; text-align: left; vertical-align: top; }
th { background-color: #e8e8e8; }
tr { page-break-inside: avoid; break-inside: avoid; }
td.num, th.num { text-align: right; }
mark.ent { color: #111111; }
.ann { text-decoration: underline; }
sup.ref { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 8pt; font-weight: bold; }
.legend { font-size: 10pt; }
.swatch { padding: 0 3pt; }
.quote { font-style: italic; }
.ok { color: #1a7f37; font-weight: bold; }
.warn { color: #b04a00; font-weight: bold; }
.bad { color: #c00000; font-weight: bold; }
.orphan { color: #777777; }
.nowrap { white-space: nowrap; }
.w-added { text-decoration: underline; font-weight: bold; }
.w-removed { text-decoration: line-through; color: #8a1c1c; }
.timeline { margin: 4pt 0 4pt 0; line-height: 100%; }
"""


BROWSER_CSS = """\
@media print, screen and (min-width: 1px) {
  .ann { text-decoration: none; border-style: solid; border-width: 1.5pt 0;
    padding: 1pt 0; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
  .ann.a-first { border-left-width: 1.5pt; padding-left: 1pt; }
  .ann.a-last { border-right-width: 1.5pt; padding-right: 1pt; }
  .swatch { border-radius: 2pt; }
%(layers)s
}
@media screen and (min-width: 1px) {
  body { font-size: 15pt; max-width: 48em; margin: 0 auto; padding: 1.5em; }
  .article-text { font-size: 19pt; line-height: 1.8; }
  table { font-size: 13pt; }
  sup.ref { font-size: 10pt; }
}
"""


def tint(colour: str, share: float = TINT) -> str:
    """colour (#rrggbb) mixed with white: share of the colour, the rest white."""
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mixed = (round(share * value + (1 - share) * 255) for value in channels)
    return "#" + "".join(f"{value:02x}" for value in mixed)


def entity_class(label: str) -> str:
    """The CSS class of an entity type (unknown types look like OTHER)."""
    return f"e-{label if label in ENTITY_COLOURS else 'OTHER'}"


def label_class(label_id: int) -> str:
    """The CSS class of a codebook label."""
    return f"l{label_id}"


def layer_class(index: int) -> str:
    """The CSS class of the index-th layer shown (border styles repeat after four)."""
    return f"y{index % len(LAYER_STYLES)}"


def report_css(labels: Iterable[Label], layer_count: int = 0) -> str:
    """The whole style sheet: base rules, entity tints, label colours, layer border styles."""
    rules = [BASE_CSS]
    rules += [f".e-{name} {{ background-color: {tint(hue)}; }}" for name, hue in _entities()]
    rules += [_label_rule(label.id, label.colour) for label in labels]
    rules.append(_label_rule(0, UNKNOWN_LABEL_COLOUR))
    layers = [_layer_rule(index) for index in range(min(layer_count, len(LAYER_STYLES)))]
    rules.append(BROWSER_CSS % {"layers": "\n".join(layers)})
    return "\n".join(rules)


def _entities() -> Sequence[tuple[str, str]]:
    """(type, hue) in legend order."""
    return list(ENTITY_COLOURS.items())


def _label_rule(label_id: int, colour: str) -> str:
    """Border, underline and reference colour of one label's annotations."""
    cls = label_class(label_id)
    return (
        f".{cls} {{ border-color: {colour}; text-decoration-color: {colour}; }}\n"
        f"sup.{cls} {{ color: {colour}; }}"
    )


def _layer_rule(index: int) -> str:
    """The border style of one layer's annotation boxes (browsers only)."""
    return f"  .ann.{layer_class(index)} {{ border-style: {LAYER_STYLES[index]}; }}"

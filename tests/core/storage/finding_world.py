"""An article with findings of every kind, for the finding rows' tests."""

from __future__ import annotations

from gui.core.entities.pipeline import Entity
from gui.core.sourcing.model import (
    Attribution,
    Findings,
    Hedge,
    NumericClaim,
    Profile,
    Source,
    SpanText,
    Statement,
)

BODY = (
    "About 400 civilians were killed since Wednesday, Minister Ali Hassan told Al Jazeera."
    ' "We saw the bodies," a witness told Reuters. The army reportedly denied it.'
)


def span(text: str, after: int = 0) -> SpanText:
    """The span of text's first occurrence in BODY from after."""
    start = BODY.index(text, after)
    return SpanText(start, start + len(text), text)


TOLL = span("About 400 civilians were killed since Wednesday")
BODIES = span("We saw the bodies,")
MINISTER = Source(span("Minister Ali Hassan"), "person")
WITNESS = Source(span("a witness"), "anonymous", anonymous=True)
DENIED = span("The army reportedly denied it.")
FINDINGS = Findings(
    attributions=(
        Attribution(
            1,
            "indirect",
            span("told"),
            MINISTER,
            TOLL,
            via=(Source(span("Al Jazeera"), "outlet"),),
            verb_class="neutral",
        ),
        Attribution(
            2,
            "direct",
            span("told", BODIES.end),
            WITNESS,
            BODIES,
            via=(Source(span("Reuters"), "outlet"),),
            quote_marks=True,
            paragraph=0,
        ),
    ),
    hedges=(Hedge(*span("reportedly").as_dict().values(), "agentless"),),
    numbers=(
        NumericClaim(
            1,
            span("About 400"),
            400.0,
            "about",
            "civilians killed",
            "since Wednesday",
            "the shelling",
            "Ali Hassan",
            ("Al Jazeera",),
            1,
        ),
    ),
    unattributed=(Statement(DENIED.start, DENIED.end, DENIED.text),),
    profile=Profile(named=1, anonymous=1, relayed_share=1.0, unattributed=1, chain_depth=1),
)
# The minister's name is an entity of the alias group "Hassan": sources are counted under it.
NAME = span("Ali Hassan")
ENTITIES = (Entity(NAME.start, NAME.end, "PERSON", NAME.text, "Hassan"),)
ROW_TABLES = ("finding_sets", "quotes", "relays", "sources", "hedges", "numeric_claims", "checks")


def row_counts(db, article_id: int) -> dict[str, int]:
    """How many rows of each finding table the article has."""
    return {
        table: db.execute(
            f"SELECT count(*) FROM {table} WHERE article_id = ?", [article_id]
        ).fetchone()[0]
        for table in ROW_TABLES
    }


def all_rows(db) -> dict[str, list[tuple]]:
    """Every finding row, ids included, and the quote index's rowids."""
    rows = {t: db.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in ROW_TABLES}
    rows["quotes_fts"] = db.execute("SELECT rowid, text FROM quotes_fts ORDER BY rowid").fetchall()
    return rows

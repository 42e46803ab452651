"""Every figure by event (claims without a search): as the figures sorted one by one give them."""

from __future__ import annotations

import random

from gui.core.storage import open_library
from gui.core.storage.library_rows_store import LibraryRowsStore
from gui.core.tracing import queries
from gui.core.tracing.claims import group_claims

OUTLETS = ("Baltic Wire", "baltic wire", "Évora Post", "evora post", "Zeit", "ärzte blatt")
EVENTS = ("killed", "died", "injured", "evacuated", "")
COUNTED = ("people", "civilians", "homes", "")


def test_every_figure_comes_in_the_order_of_sorting_them_by_date_outlet_article_place():
    rng = random.Random(5)
    library = open_library(None)
    try:
        with library.transaction() as db:
            for article_id in range(1, 41):
                day = rng.choice(("", "", "2026-03-01", "2026-03-02", "2026-02-28"))
                db.execute(
                    "INSERT INTO articles (id, title, outlet, published, source, format,"
                    " content_hash, imported_at, body) VALUES (?, ?, ?, ?, 'f', 'txt', ?, '2026',"
                    " 'b')",
                    [article_id, f"Story {article_id}", rng.choice(OUTLETS), day, f"h{article_id}"],
                )
            claims = [(a, c) for a in range(1, 41) for c in range(rng.randint(0, 4))]
            rng.shuffle(claims)  # an article's rows apart, and not in the order of their place
            for article_id, claim in claims:
                start = (3 - claim) * 10  # the later claims first in the text
                db.execute(
                    'INSERT INTO numeric_claims (article_id, claim, start, "end", text, value,'
                    " counted, event, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'x')",
                    [
                        article_id,
                        claim,
                        start,
                        start + 2,
                        str(claim),
                        claim,
                        rng.choice(COUNTED),
                        rng.choice(EVENTS),
                    ],
                )
        store = LibraryRowsStore(library)
        pairs = [(e, c) for e, c, _ in store.claim_pairs()]
        one_by_one = group_claims(store.figures_of(pairs))
        assert queries.library_claims(library) == one_by_one
        assert sum(len(g.figures) for g in one_by_one) > 40
    finally:
        library.close()

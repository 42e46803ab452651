"""The Sources list's alias groups follow the library's commands: deletion, undo, corrections."""

from __future__ import annotations

from gui.core.changes import Batch
from gui.core.library.commands import DeleteArticle
from gui.core.sourcing.commands import AddSourcingCorrection, SourcingCorrection
from gui.core.storage import apply
from gui.core.tracing import queries
from tests.core.storage.test_source_groups import assert_settled

ELIN = (1, 3, 5)  # the articles naming Elin Stahl in full; 2 and 4 say "Stahl"


def stahl_sources(library) -> dict[str, tuple]:
    """The sources of a Stahl: key -> (name, aliases, articles, keys)."""
    return {
        s.key: (s.name, s.aliases, s.articles, s.keys)
        for s in queries.library_sources(library, "stahl")
    }


def test_deleting_the_full_names_and_undoing_it_regroups(library):
    before = stahl_sources(library)
    assert before == {"elin stahl": ("Elin Stahl", ("Stahl",), 5, ("elin stahl", "stahl"))}
    undo = apply(library, Batch("Delete", tuple(DeleteArticle(a) for a in ELIN)))
    assert_settled(library.db)
    assert stahl_sources(library) == {"stahl": ("Stahl", (), 2, ("stahl",))}
    apply(library, undo)
    assert_settled(library.db)
    assert stahl_sources(library) == before
    assert queries.library_sources(library)[0].keys == ("elin stahl", "stahl")


def test_a_correction_renaming_a_speaker_moves_the_short_name_to_the_other_group(library):
    fixes = []
    for article_id in ELIN[:2]:  # two articles now say Erik, one Elin: "Stahl" joins Erik
        start, end, text = library.db.execute(
            'SELECT start, "end", text FROM quotes WHERE article_id = ?'
            " AND speaker_key = 'elin stahl'",
            [article_id],
        ).fetchone()
        fix = SourcingCorrection(0, article_id, "speaker", start, end, text, "Erik Stahl")
        fixes.append(AddSourcingCorrection(fix))
    undo = apply(library, Batch("Correct", tuple(fixes)))
    assert_settled(library.db)
    found = stahl_sources(library)
    assert found["erik stahl"][1:] == (("Stahl",), 4, ("erik stahl", "stahl"))
    assert found["elin stahl"][1:] == ((), 1, ("elin stahl",))
    apply(library, undo)
    assert_settled(library.db)
    assert stahl_sources(library) == {
        "elin stahl": ("Elin Stahl", ("Stahl",), 5, ("elin stahl", "stahl"))
    }

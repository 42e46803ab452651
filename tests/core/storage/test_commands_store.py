"""Commands carried out on the library: one transaction each, undone and redone exactly."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from gui.core.anchoring import anchor_for
from gui.core.annotations.commands import (
    AddAnnotation,
    DeleteAnnotation,
    DeleteLabel,
    MoveAnnotation,
    RestoreAnnotation,
    SaveLabel,
    SetAnnotationLabel,
    SetNote,
)
from gui.core.annotations.model import Annotation, Label
from gui.core.articles import Metadata
from gui.core.changes import Batch, Command
from gui.core.entities.commands import AddCorrection, RemoveCorrection
from gui.core.entities.corrections import Correction
from gui.core.entities.pipeline import Entity
from gui.core.library.commands import DeleteArticle, ReplaceBody, UpdateMetadata
from gui.core.storage import (
    AnnotationStore,
    ArticleStore,
    DuplicateArticle,
    EntityStore,
    LabelStore,
    Library,
    LibraryError,
    LibraryLocked,
    LibraryReadOnly,
    apply,
    articles_store,
    open_library,
)
from tests.core.test_anchoring import edited_anywhere

from .factories import imported
from .test_database import other_connection

BODY = "Officials said fighters left Palmyra on Tuesday. The city fell fast, a witness said."
OTHER_BODY = "Another article about Palmyra, with a claim in it."
LONG_AGO = "2020-01-02T03:04:05+00:00"  # so that a lost or restamped time shows
TABLES = ("articles", "entities", "analyses", "annotations", "labels", "corrections", "settings")


@dataclass(frozen=True)
class World:
    """Ids of what seed() put into a library."""

    article: int
    other_article: int
    claim: int
    hedge: int
    unused_label: int
    annotations: tuple[int, ...]
    rule: int


def annotation(article_id: int, label_id: int, body: str, quote: str, note: str = "") -> Annotation:
    """A new annotation on the first occurrence of quote in body."""
    start = body.index(quote)
    anchor = anchor_for(body, start, start + len(quote))
    return Annotation(0, article_id, label_id, anchor, note, "tester", LONG_AGO, LONG_AGO)


def add(library: Library, new: Annotation) -> int:
    """Save a new annotation and return its id."""
    inverse = apply(library, AddAnnotation(new))
    assert isinstance(inverse, DeleteAnnotation)
    return inverse.annotation_id


def seed(library: Library) -> World:
    """Two articles (one analysed), three annotations, a rule and a label nobody uses."""
    articles = ArticleStore(library)
    first = articles.add(imported(BODY, "Palmyra falls", outlet="Amaq", credits=("AP",)))
    second = articles.add(imported(OTHER_BODY, "Second"))
    found = [Entity(29, 36, "PERSON", "Palmyra", "Palmyra"), Entity(40, 47, "DATE", "Tuesday", "")]
    EntityStore(library).save(first, "pipeline-1", found)
    labels = LabelStore(library).labels()
    claim, hedge = labels[0].id, labels[2].id
    ids = (
        add(library, annotation(first, claim, BODY, "fighters left Palmyra", "check the date")),
        add(library, annotation(first, hedge, BODY, "a witness said")),
        add(library, annotation(second, claim, OTHER_BODY, "a claim")),
    )
    rule = apply(library, AddCorrection(Correction(0, "type", "Palmyra", "PLACE")))
    unused = apply(library, SaveLabel(Label(0, "Rumour", "#445566", "9", "Hearsay.", 7)))
    return World(first, second, claim, hedge, unused.label_id, ids, rule.rule_id)  # type: ignore[attr-defined]


def snapshot(library: Library) -> dict[str, Any]:
    """Every row of the tables commands touch, and what searches find."""
    rows = {}
    for table in TABLES:
        order = "article_id, rowid" if table == "entities" else "rowid"
        rows[table] = library.db.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
    rows["annotation search"] = [a.id for a in AnnotationStore(library).search("witne")]
    rows["article search"] = [s.id for s in ArticleStore(library).summaries("palmyra")]
    return rows


def assert_sound(library: Library) -> None:
    """The file and its full-text indexes are consistent, and no reference dangles."""
    db = library.db
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    for fts in ("articles_fts", "annotations_fts"):
        db.execute(f"INSERT INTO {fts} ({fts}) VALUES ('integrity-check')")


CASES: dict[str, Callable[[World], Command]] = {
    "add annotation": lambda w: AddAnnotation(
        annotation(w.article, w.claim, BODY, "The city fell", "a note"), "Claim"
    ),
    "delete annotation": lambda w: DeleteAnnotation(w.annotations[0]),
    "set note": lambda w: SetNote(w.annotations[0], "a witness is not enough"),
    "set label": lambda w: SetAnnotationLabel(w.annotations[0], w.hedge),
    "move annotation": lambda w: MoveAnnotation(w.annotations[1], anchor_for(BODY, 0, 9)),
    "orphan annotation": lambda w: MoveAnnotation(
        w.annotations[1], anchor_for(BODY, 0, 9), orphaned=True
    ),
    "add label": lambda w: SaveLabel(Label(0, "Satire", "#123456", "8", "Not meant seriously.", 8)),
    "edit label": lambda w: SaveLabel(Label(w.claim, "Assertion", "#101010", "", "Said.", 3)),
    "delete label": lambda w: DeleteLabel(w.unused_label),
    "add correction": lambda w: AddCorrection(Correction(0, "merge", "IS", group="ISIS")),
    "remove correction": lambda w: RemoveCorrection(w.rule),
    "update metadata": lambda w: UpdateMetadata(
        w.article, Metadata(title="Palmyra retaken", credits=("Reuters", "AP"))
    ),
    "delete article": lambda w: DeleteArticle(w.article),
    "replace body": lambda w: ReplaceBody(
        w.article, "BREAKING: Officials said fighters left Palmyra on Tuesday. It was retaken."
    ),
    "batch": lambda w: Batch(
        "Tidy up",
        (
            SetNote(w.annotations[2], "first"),
            DeleteAnnotation(w.annotations[0]),
            AddCorrection(Correction(0, "remove", "Tuesday")),
        ),
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_inverse_restores_exactly_and_redo_repeats_with_the_same_ids(library, name):
    command = CASES[name](seed(library))
    before = snapshot(library)
    inverse = apply(library, command)
    after = snapshot(library)
    assert after != before
    redo = apply(library, inverse)
    assert snapshot(library) == before
    assert apply(library, redo) == inverse
    assert snapshot(library) == after
    assert_sound(library)


@pytest.mark.parametrize("name", CASES)
def test_a_failing_apply_changes_nothing(library, name):
    command = CASES[name](seed(library))
    before = snapshot(library)
    with pytest.raises(LibraryError, match="no longer in the library"):
        apply(library, Batch("Doomed", (command, SetNote(999_999, "boom"))))
    assert snapshot(library) == before
    assert_sound(library)


def test_a_failure_half_way_through_a_body_change_changes_nothing(library, monkeypatch):
    world = seed(library)
    before = snapshot(library)
    real = articles_store.set_anchor

    def fail_second(db, state, modified=None):
        if state.annotation_id == world.annotations[1]:
            raise sqlite3.OperationalError("disk I/O error")
        real(db, state, modified)

    monkeypatch.setattr(articles_store, "set_anchor", fail_second)
    with pytest.raises(LibraryError, match="disk I/O error"):
        apply(library, CASES["replace body"](world))
    assert snapshot(library) == before


def test_commands_inside_an_outer_transaction_roll_back_with_it(library):
    world = seed(library)
    before = snapshot(library)
    with pytest.raises(RuntimeError), library.transaction():
        apply(library, DeleteAnnotation(world.annotations[0]))
        apply(library, DeleteArticle(world.other_article))
        raise RuntimeError("import failed")
    assert snapshot(library) == before


def test_new_annotation_is_stamped_and_readable(library):
    world = seed(library)
    new = replace(annotation(world.article, world.claim, BODY, "The city"), created="", modified="")
    saved = AnnotationStore(library).get(add(library, new))
    assert saved.created > LONG_AGO and saved.modified == saved.created
    assert (saved.text, saved.note, saved.annotator) == ("The city", "", "tester")
    assert BODY[saved.start : saved.end] == saved.text


def test_changes_stamp_the_modified_time(library):
    world = seed(library)
    apply(library, SetNote(world.annotations[0], "new"))
    changed = AnnotationStore(library).get(world.annotations[0])
    assert (changed.created, changed.note) == (LONG_AGO, "new")
    assert changed.modified > LONG_AGO


def test_ids_are_never_handed_out_twice(library):
    world = seed(library)
    newest = max(world.annotations)
    apply(library, DeleteAnnotation(newest))
    assert add(library, annotation(world.article, world.claim, BODY, "The city")) == newest + 1


def test_restore_annotation_puts_it_back_as_it_was(library):
    world = seed(library)
    old = AnnotationStore(library).get(world.annotations[1])
    apply(library, DeleteAnnotation(old.id))
    assert apply(library, RestoreAnnotation(old)) == DeleteAnnotation(old.id)
    assert AnnotationStore(library).get(old.id) == old


def test_body_change_moves_what_it_can_and_orphans_the_rest(library):
    world = seed(library)
    store = AnnotationStore(library)
    old = store.for_article(world.article)
    new_body = "BREAKING: Officials said fighters left Palmyra on Tuesday. It was retaken."
    apply(library, ReplaceBody(world.article, new_body))
    moved, lost = store.for_article(world.article)
    assert (moved.start, moved.orphaned, new_body[moved.start : moved.end]) == (
        25,
        False,
        "fighters left Palmyra",
    )
    assert lost.orphaned and lost.anchor == old[1].anchor
    assert ArticleStore(library).get(world.article).body == new_body


def test_an_orphan_is_reattached_by_a_move(library):
    world = seed(library)
    apply(library, ReplaceBody(world.article, "It was retaken, a witness now says."))
    orphan = next(a for a in AnnotationStore(library).for_article(world.article) if a.orphaned)
    body = ArticleStore(library).get(world.article).body
    apply(library, MoveAnnotation(orphan.id, anchor_for(body, 16, 30)))
    moved = AnnotationStore(library).get(orphan.id)
    assert (moved.orphaned, moved.text) == (False, "a witness now ")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited_anywhere())
def test_a_body_change_never_loses_an_annotation(case):
    body, spans, new_body = case
    library = open_library(None)
    try:
        article = ArticleStore(library).add(imported(body))
        label = LabelStore(library).labels()[0].id
        for start, end in spans:
            new = Annotation(0, article, label, anchor_for(body, start, end), "", "", "", "")
            add(library, new)
        before = AnnotationStore(library).for_article(article)
        undo = apply(library, ReplaceBody(article, new_body))
        after = {a.id: a for a in AnnotationStore(library).for_article(article)}
        assert sorted(after) == sorted(a.id for a in before)
        for old in before:
            now = after[old.id]
            if now.orphaned:
                assert now.anchor == old.anchor
            else:
                assert new_body[now.start : now.end] == now.text
        apply(library, undo)
        assert AnnotationStore(library).for_article(article) == before
    finally:
        library.close()


def test_a_used_label_cannot_be_deleted(library):
    world = seed(library)
    with pytest.raises(LibraryError, match="'Claim' is used by 2 annotations"):
        apply(library, DeleteLabel(world.claim))
    assert LabelStore(library).get(world.claim).name == "Claim"


@pytest.mark.parametrize(
    ("label", "message"),
    [
        (Label(0, " ", "#000000", "", "", 0), "needs a name"),
        (Label(0, "claim", "#000000", "", "", 0), "already is a label called 'Claim'"),
        (Label(0, "New", "red", "", "", 0), "not a colour"),
        (Label(0, "New", "#000000", "0", "", 0), "cannot be a hotkey"),
        (Label(0, "New", "#000000", "1", "", 0), "Hotkey 1 already belongs to the label 'Claim'"),
    ],
)
def test_bad_labels_are_refused(library, label, message):
    with pytest.raises(LibraryError, match=message):
        apply(library, SaveLabel(label))


def test_a_label_may_keep_its_own_name_and_hotkey(library):
    claim = LabelStore(library).labels()[0]
    apply(library, SaveLabel(replace(claim, description="Changed.")))
    assert LabelStore(library).get(claim.id).description == "Changed."


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda w: SetNote(999, "x"), "annotation is no longer"),
        (lambda w: SetAnnotationLabel(w.annotations[0], 999), "label is no longer"),
        (lambda w: AddAnnotation(annotation(999, w.claim, BODY, "The")), "article is no longer"),
        (lambda w: AddAnnotation(annotation(w.article, 999, BODY, "The")), "label is no longer"),
        (lambda w: UpdateMetadata(999, Metadata()), "article is no longer"),
        (lambda w: RemoveCorrection(999), "correction is no longer"),
        (lambda w: ReplaceBody(w.article, OTHER_BODY), "already in the library"),
    ],
)
def test_commands_on_what_is_gone_or_clashing_are_refused(library, change, message):
    world = seed(library)
    before = snapshot(library)
    with pytest.raises(LibraryError, match=message):
        apply(library, change(world))
    assert snapshot(library) == before


def test_an_empty_annotation_is_refused(library):
    world = seed(library)
    empty = replace(
        annotation(world.article, world.claim, BODY, "The"), anchor=anchor_for(BODY, 3, 3)
    )
    with pytest.raises(LibraryError, match="at least one character"):
        apply(library, AddAnnotation(empty))


def test_undoing_a_delete_after_the_text_came_back_is_refused(library):
    world = seed(library)
    undo = apply(library, DeleteArticle(world.article))
    ArticleStore(library).add(imported(BODY, "Again"))
    before = snapshot(library)
    with pytest.raises(DuplicateArticle):
        apply(library, undo)
    assert snapshot(library) == before


def test_undoing_a_delete_after_its_id_was_reused_is_refused(library):
    world = seed(library)
    undo = apply(library, DeleteArticle(world.other_article))
    assert ArticleStore(library).add(imported("A newer text.")) == world.other_article
    with pytest.raises(LibraryError, match="id 2 now belongs to another article"):
        apply(library, undo)


def test_a_read_only_library_refuses_commands(library_path):
    setup = open_library(library_path)
    seed(setup)
    setup.close()
    library = open_library(library_path, read_only=True)
    try:
        with pytest.raises(LibraryReadOnly):
            apply(library, SetNote(1, "x"))
    finally:
        library.close()


def test_a_locked_library_says_so_and_changes_nothing(library_path):
    setup = open_library(library_path)
    world = seed(setup)
    setup.close()
    library = open_library(library_path, busy_timeout=0.05)
    try:
        before = snapshot(library)
        with other_connection(library_path), pytest.raises(LibraryLocked):
            apply(library, SetNote(world.annotations[0], "x"))
        assert snapshot(library) == before
    finally:
        library.close()

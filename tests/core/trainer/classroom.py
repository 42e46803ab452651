"""What the classroom tests share: the trainer's library, exercises made from it, and copies
handed out to trainees and annotated by them."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from gui.core.anchoring import anchor_for
from gui.core.annotations.commands import AddAnnotation
from gui.core.annotations.model import Annotation
from gui.core.articles import ImportedText, Metadata
from gui.core.entities.pipeline import Entity
from gui.core.storage import (
    AnnotationStore,
    ArticleStore,
    EntityStore,
    LabelStore,
    Library,
    apply,
    open_library,
)
from gui.core.trainer.exercises import CHECKLISTS, ExerciseOptions
from gui.core.trainer.packing import create_exercise

# Offsets: "Officials said" 0-14, "40 people died" 15-29, "Mosul" 33-38, "the toll was
# higher" 55-74; 76 characters and 13 whitespace tokens in all.
BODY = "Officials said 40 people died in Mosul. Residents said the toll was higher.\n"
TRAINER = "Maria"


@contextmanager
def opened(path: Path) -> Iterator[Library]:
    """A library file, open for the block."""
    library = open_library(path)
    try:
        yield library
    finally:
        library.close()


def label_id(library: Library, name: str) -> int:
    """The id of the label called name."""
    return next(label.id for label in LabelStore(library).labels() if label.name == name)


def annotate(
    library: Library, quote: str, label: str, annotator: str, article_id: int = 1, note: str = ""
) -> int:
    """Annotate the first occurrence of quote through commands_store.apply(AddAnnotation)."""
    body = ArticleStore(library).get(article_id).body
    start = body.index(quote)
    anchor = anchor_for(body, start, start + len(quote))
    label = label_id(library, label)
    annotation = Annotation(0, article_id, label, anchor, note, annotator, "", "")
    return apply(library, AddAnnotation(annotation)).annotation_id


def snapshot(library: Library) -> dict[str, list[tuple]]:
    """Every row of every table but the revision token any change renews: "unchanged"."""
    db = library.db
    rows = {name: db.execute(f'SELECT * FROM "{name}"').fetchall() for name in db.table_names()}
    rows["settings"] = [row for row in rows["settings"] if row[0] != "library_revision"]
    return rows


def layer(library: Library, name: str, article_id: int = 1) -> set[tuple[str, str]]:
    """(label, text) of one layer's annotations in an article."""
    names = {label.id: label.name for label in LabelStore(library).labels()}
    found = AnnotationStore(library).for_article(article_id)
    return {(names[a.label_id], a.text) for a in found if a.annotator == name}


def trainer_library(tmp_path: Path) -> Iterator[Library]:
    """The trainer's library: the article, its entities, the key and a colleague's layer."""
    with opened(tmp_path / "trainer.sqlite") as library:
        ArticleStore(library).add(ImportedText(BODY, Metadata(title="Mosul toll"), "m.txt", "txt"))
        EntityStore(library).save(1, "test-pipeline", [Entity(33, 38, "PLACE", "Mosul", "Mosul")])
        annotate(library, "40 people died", "Claim", TRAINER)
        annotate(library, "Officials said", "Source", TRAINER)
        annotate(library, "the toll was higher", "Claim", TRAINER)
        annotate(library, "Residents", "Source", "Colleague")  # must not leak into the file
        yield library


def make_exercise(trainer: Library, path: Path, include_key: bool = False, **options) -> Path:
    """Create an exercise of article 1 at path (with the trainer's layer as its key)."""
    choice = ExerciseOptions(
        "Mosul toll", "Mark claims and sources.", CHECKLISTS["SIFT"], hide_findings=True,
        key_layer=TRAINER if include_key else "", trainer=TRAINER,
    )  # fmt: skip
    create_exercise(trainer, [1], path, replace(choice, **options))
    return path


def hand_out(exercise: Path, name: str, *work: tuple[str, str]) -> Path:
    """A trainee's copy of the exercise file, annotated as name with (quote, label) pairs."""
    copy = exercise.with_name(f"{name.lower()}-{len(list(exercise.parent.iterdir()))}.sqlite")
    shutil.copyfile(exercise, copy)
    with opened(copy) as library:
        for quote, label in work:
            annotate(library, quote, label, name)
    return copy


ANA = (("40 people died", "Claim"), ("Officials", "Source"), ("Mosul", "Claim"))
BEN = (("people died in Mosul", "Claim"),)

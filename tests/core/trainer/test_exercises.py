"""The classroom cycle: trainer makes an exercise, two trainees annotate copies, trainer scores."""

from __future__ import annotations

import random
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from gui.core.annotations.commands import SaveLabel
from gui.core.annotations.model import Label
from gui.core.articles import ImportedText, Metadata
from gui.core.entities.commands import SetPipeline
from gui.core.library.commands import ReplaceBody
from gui.core.storage import (
    AnnotationStore,
    ArticleStore,
    EntityStore,
    LabelStore,
    PipelineStore,
    apply,
    open_library,
)
from gui.core.storage.exercise_store import ExerciseStore
from gui.core.trainer.agreement import scoreboard
from gui.core.trainer.exercises import (
    CHECKLISTS,
    ExerciseError,
    ExerciseOptions,
    checklist_answers,
    join_exercise,
    save_checklist_answers,
)
from gui.core.trainer.packing import create_exercise
from gui.core.trainer.results import exercise_results
from gui.core.trainer.returns import import_returned, read_exercise
from tests.core.trainer.classroom import (
    ANA,
    BEN,
    BODY,
    TRAINER,
    annotate,
    hand_out,
    layer,
    make_exercise,
    opened,
    snapshot,
)


@pytest.mark.parametrize("include_key", [False, True], ids=["no key", "key kept"])
def test_the_whole_classroom_cycle(trainer, tmp_path, include_key):
    own_before = AnnotationStore(trainer).for_article(1)
    content_before = {t: rows for t, rows in snapshot(trainer).items() if "exercise" not in t}
    exercise = make_exercise(trainer, tmp_path / "mosul.sourcelight", include_key)
    assert {t: r for t, r in snapshot(trainer).items() if "exercise" not in t} == content_before

    info = read_exercise(exercise)
    assert (info.title, info.trainer, info.hide_findings) == ("Mosul toll", TRAINER, True)
    assert info.checklist == CHECKLISTS["SIFT"]
    assert "key" not in str(info.to_json())  # nothing of the key, not even whether there is one
    with opened(exercise) as handed_out:
        assert ArticleStore(handed_out).get(1).body == BODY
        assert EntityStore(handed_out).counts(1) == {}  # findings hidden
        assert LabelStore(handed_out).labels() == LabelStore(trainer).labels()
        assert AnnotationStore(handed_out).search() == []  # no key, no other layer
    key = {("Claim", "40 people died"), ("Source", "Officials said")}
    key.add(("Claim", "the toll was higher"))
    frozen = ExerciseStore(trainer).key(info.exercise_id)
    assert {(k.label, k.exact) for k in frozen} == (key if include_key else set())

    ana = hand_out(exercise, "Ana", *ANA)
    ben = hand_out(exercise, "Ben", *BEN)
    reports = [import_returned(trainer, ana), import_returned(trainer, ben)]
    assert [(r.trainee, r.layer, r.added, r.duplicate) for r in reports] == [
        ("Ana", "Ana", 3, False),
        ("Ben", "Ben", 1, False),
    ]
    assert AnnotationStore(trainer).annotators(1) == ["Ana", "Ben", "Colleague", TRAINER]
    assert layer(trainer, "Ana") == {(label, quote) for quote, label in ANA}
    assert layer(trainer, "Ben") == {(label, quote) for quote, label in BEN}
    mine = [a for a in AnnotationStore(trainer).for_article(1) if a.annotator not in ("Ana", "Ben")]
    assert mine == own_before  # the trainer's own annotations, ids and all, untouched

    everyone = AnnotationStore(trainer).for_article(1)
    labels = {label.id: label.name for label in LabelStore(trainer).labels()}
    key = [a for a in everyone if a.annotator == TRAINER]
    layers = {name: [a for a in everyone if a.annotator == name] for name in ("Ana", "Ben")}
    ana_scores, ben_scores = scoreboard(BODY, key, layers, labels, TRAINER)

    # Ana, exact: Claim 40-people-died matches, the-toll missed, Mosul extra; Source
    # "Officials" is not "Officials said". ALL: 1 match, 2 misses, 2 extras: P = R = F1 = 1/3.
    assert ana_scores.score("ALL", "exact").f1 == pytest.approx(1 / 3)
    # Ana, overlap: "Officials" overlaps "Officials said": 2 matches, 1 miss, 1 extra: 2/3.
    total = ana_scores.score()
    assert (total.matches, total.misses, total.extras) == (2, 1, 1)
    assert (total.precision, total.recall, total.f1) == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert ana_scores.score("Source").f1 == 1.0
    assert ana_scores.score("Claim").f1 == 0.5  # 1 match, 1 miss, 1 extra: 2/(2+1+1)
    # Ana, chars (76): (S,S) 9, (S,n) 5, (C,C) 14, (n,C) 5, (C,n) 19, (n,n) 1+4+17+2 = 24.
    #   agreed 9+14+24 = 47; key S 14 C 33 n 29; Ana S 9 C 19 n 48;
    #   chance 14*9 + 33*19 + 29*48 = 2145; kappa = (76*47 - 2145)/(76² - 2145) = 1427/3631
    assert ana_scores.kappa_chars == pytest.approx(1427 / 3631)

    # Ben, exact: nothing matches: P = 0/1, R = 0/3, F1 = 0.
    assert ben_scores.score("ALL", "exact").f1 == 0.0
    # Ben, overlap: "people died in Mosul" shares "people died" (11 chars) with the key claim:
    #   1 match, misses the-toll and the Source, no extras: P = 1, R = 1/3, F1 = 2/(2+2) = 0.5
    total = ben_scores.score()
    assert (total.matches, total.misses, total.extras) == (1, 2, 0)
    assert (total.precision, total.recall, total.f1) == pytest.approx((1.0, 1 / 3, 0.5))
    # Ben, chars: (S,n) 14, (n,n) 1, (C,n) 3, (C,C) 11, (n,C) 9, (n,n) 17, (C,n) 19, (n,n) 2.
    #   agreed 11+1+17+2 = 31; key S 14 C 33 n 29; Ben C 20 n 56;
    #   chance 33*20 + 29*56 = 2284; kappa = (76*31 - 2284)/(5776 - 2284) = 72/3492
    assert ben_scores.kappa_chars == pytest.approx(72 / 3492)
    # Ben, tokens (13): key S S C C C n n n n C C C C; Ben n n n C C C C n n n n n n.
    #   agreed: people, died, Residents, said = 4; key S 2 C 7 n 4; Ben C 4 n 9;
    #   chance 7*4 + 4*9 = 64; kappa = (13*4 - 64)/(169 - 64) = -12/105
    assert ben_scores.kappa_tokens == pytest.approx(-12 / 105)
    assert [a.text for a in ben_scores.missed] == ["Officials said", "the toll was higher"]

    # The Returns view scores each return against the key frozen with the exercise: the same.
    results = exercise_results(trainer, info.exercise_id)
    assert [r.record.layer for r in results.returns] == ["Ana", "Ben"]
    ana_result, ben_result = results.returns
    if not include_key:
        assert (results.key_size, ana_result.overlap, ana_result.score()) == (0, (), None)
        return
    assert results.key_size == 3
    assert ana_result.score("exact").f1 == pytest.approx(1 / 3)
    assert ana_result.score().f1 == pytest.approx(2 / 3)
    assert ben_result.score().f1 == pytest.approx(0.5)
    by_label = {s.label: s for s in ana_result.overlap}
    assert (by_label["Source"].f1, by_label["Claim"].f1) == (1.0, 0.5)


def test_findings_go_in_when_shown_and_the_key_never(trainer, tmp_path):
    exercise = make_exercise(trainer, tmp_path / "e.sqlite", include_key=True, hide_findings=False)
    with opened(exercise) as handed_out:
        assert EntityStore(handed_out).counts(1) == {"PLACE": 1}
        assert AnnotationStore(handed_out).search() == []
    assert not exercise.with_name("e.sqlite-wal").exists()  # one file to hand out
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("e.")] == ["e.sqlite"]


def test_the_trainees_see_the_findings_of_the_pipeline_the_trainer_chose(trainer, tmp_path):
    apply(trainer, SetPipeline("en_core_web_md"))  # the entities above: that pipeline's
    exercise = make_exercise(trainer, tmp_path / "e.sqlite", hide_findings=False)
    with opened(exercise) as handed_out:
        assert PipelineStore(handed_out).model() == "en_core_web_md"


def test_the_trainer_library_records_the_exercise_and_the_returns(trainer, tmp_path):
    exercise = make_exercise(trainer, tmp_path / "e.sqlite")
    info = read_exercise(exercise)
    store = ExerciseStore(trainer)
    assert store.exercise(info.exercise_id).title == "Mosul toll"
    ana = hand_out(exercise, "Ana", *ANA)
    with opened(ana) as library:
        trainee_id = join_exercise(library, "Ana")
        assert join_exercise(library, "Ana B.") == trainee_id  # kept once made
        save_checklist_answers(library, {"Stop": "Wire copy, no byline."})
        assert checklist_answers(library) == {"Stop": "Wire copy, no byline."}
    report = import_returned(trainer, ana)
    assert (report.trainee, report.layer, report.trainee_id) == ("Ana B.", "Ana B.", trainee_id)
    [record] = store.returns(info.exercise_id)
    assert record.checklist_answers == {"Stop": "Wire copy, no byline."}
    assert (record.layer, record.annotations) == ("Ana B.", 3)


# Bad input: a clear ExerciseError and the trainer's library exactly as it was


def plain_library(path: Path) -> Path:
    """A Sourcelight library with the same article, but no exercise."""
    with opened(path) as library:
        ArticleStore(library).add(ImportedText(BODY, Metadata(title="x"), "m.txt", "txt"))
        annotate(library, "Mosul", "Claim", "Ana")
    return path


def random_bytes(path: Path) -> Path:
    """A file of random bytes."""
    path.write_bytes(random.Random(5).randbytes(8192))
    return path


def text_file(path: Path) -> Path:
    """A text file."""
    path.write_text("Officials said 40 people died.\n", encoding="utf-8")
    return path


def foreign_database(path: Path) -> Path:
    """Another program's SQLite database."""
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE recipes (name TEXT)")
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (plain_library, "is a Sourcelight library, but not an exercise"),
        (random_bytes, "is not a Sourcelight file"),
        (text_file, "is not a Sourcelight file"),
        (foreign_database, "not a Sourcelight file"),
    ],
)
def test_a_file_that_is_no_exercise_is_refused(trainer, tmp_path, make, message):
    make_exercise(trainer, tmp_path / "e.sqlite")
    before = snapshot(trainer)
    path = make(tmp_path / "returned.sqlite")
    with pytest.raises(ExerciseError, match=message) as raised:
        import_returned(trainer, path)
    assert str(path) in str(raised.value)
    assert snapshot(trainer) == before


def test_another_exercises_file_is_refused(trainer, tmp_path):
    make_exercise(trainer, tmp_path / "mine.sqlite")
    with opened(tmp_path / "other-trainer.sqlite") as other:
        ArticleStore(other).add(ImportedText(BODY, Metadata(title="x"), "m.txt", "txt"))
        theirs = make_exercise(other, tmp_path / "theirs.sqlite", title="Other class")
    returned = hand_out(theirs, "Ana", *ANA)
    before = snapshot(trainer)
    with pytest.raises(ExerciseError, match="belongs to another exercise") as raised:
        import_returned(trainer, returned)
    assert "Other class" in str(raised.value) and "Nothing was imported" in str(raised.value)
    assert snapshot(trainer) == before


def truncated(path: Path) -> None:
    """Cut the file in half."""
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def scribbled(path: Path) -> None:
    """Overwrite two pages in the middle with junk (the header stays intact)."""
    data = bytearray(path.read_bytes())
    data[8192:16384] = b"\xff" * 8192
    path.write_bytes(bytes(data))


def bad_setting(path: Path) -> None:
    """Spoil the exercise settings row."""
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("UPDATE settings SET value = '{\"format\": 1' WHERE key = 'exercise'")


@pytest.mark.parametrize("spoil", [truncated, scribbled, bad_setting])
def test_a_damaged_file_is_refused(trainer, tmp_path, spoil):
    returned = hand_out(make_exercise(trainer, tmp_path / "e.sqlite"), "Ana", *ANA)
    spoil(returned)
    before = snapshot(trainer)
    with pytest.raises(ExerciseError, match="damaged") as raised:
        import_returned(trainer, returned)
    assert str(returned) in str(raised.value)
    assert snapshot(trainer) == before


def test_a_missing_file_and_the_untouched_exercise_are_refused(trainer, tmp_path):
    exercise = make_exercise(trainer, tmp_path / "e.sqlite")
    before = snapshot(trainer)
    with pytest.raises(ExerciseError, match="Could not read"):
        import_returned(trainer, tmp_path / "missing.sqlite")
    with pytest.raises(ExerciseError, match="holds no trainee's work"):
        import_returned(trainer, exercise)
    assert snapshot(trainer) == before


def test_the_same_file_twice_is_a_duplicate_that_adds_nothing(trainer, tmp_path):
    returned = hand_out(make_exercise(trainer, tmp_path / "e.sqlite"), "Ana", *ANA)
    first = import_returned(trainer, returned)
    before = snapshot(trainer)
    again = import_returned(trainer, returned)
    assert (again.trainee, again.layer, again.added, again.duplicate) == ("Ana", "Ana", 0, True)
    assert again.trainee_id == first.trainee_id
    assert snapshot(trainer) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("ana")) == [
        returned.name
    ]  # reading left nothing beside the returned file


def test_two_trainees_called_ana_are_both_kept_apart(trainer, tmp_path):
    exercise = make_exercise(trainer, tmp_path / "e.sqlite")
    first = hand_out(exercise, "Ana", ("Mosul", "Claim"))
    second = hand_out(exercise, "Ana", ("Residents", "Source"))
    one, two = import_returned(trainer, first), import_returned(trainer, second)
    assert [(r.trainee, r.layer, r.added) for r in (one, two)] == [
        ("Ana", "Ana", 1),
        ("Ana", "Ana (2)", 1),
    ]
    assert one.trainee_id != two.trainee_id
    assert layer(trainer, "Ana") == {("Claim", "Mosul")}
    assert layer(trainer, "Ana (2)") == {("Source", "Residents")}


def test_a_changed_article_gets_the_work_re_anchored(trainer, tmp_path):
    returned = hand_out(make_exercise(trainer, tmp_path / "e.sqlite"), "Ana", *ANA)
    apply(trainer, ReplaceBody(1, "Update: " + BODY.replace("Mosul", "Hawija")))
    report = import_returned(trainer, returned)
    # "40 people died" and "Officials" moved 8 characters; "Mosul" is gone: kept, orphaned.
    assert (report.added, report.orphaned, report.skipped) == (3, 1, 0)
    found = [a for a in AnnotationStore(trainer).for_article(1) if a.annotator == "Ana"]
    body = ArticleStore(trainer).get(1).body
    placed = {a.text for a in found if not a.orphaned and body[a.start : a.end] == a.text}
    assert placed == {"40 people died", "Officials"}


def test_a_label_the_trainee_added_joins_the_codebook(trainer, tmp_path):
    returned = hand_out(make_exercise(trainer, tmp_path / "e.sqlite"), "Ana")
    with opened(returned) as library:
        apply(library, SaveLabel(Label(0, "Rumour", "#123456", "", "Unconfirmed talk", 9)))
        annotate(library, "Residents said", "Rumour", "Ana")
    import_returned(trainer, returned)
    assert "Rumour" in {label.name for label in LabelStore(trainer).labels()}
    assert layer(trainer, "Ana") == {("Rumour", "Residents said")}


def test_create_exercise_refuses_what_it_cannot_do(trainer, tmp_path):
    before = snapshot(trainer)
    options = ExerciseOptions("t")
    with pytest.raises(ExerciseError, match="at least one article"):
        create_exercise(trainer, [], tmp_path / "e.sqlite", options)
    with pytest.raises(ExerciseError, match="no article 7"):
        create_exercise(trainer, [7], tmp_path / "e.sqlite", options)
    with pytest.raises(ExerciseError, match="is the open library"):
        create_exercise(trainer, [1], trainer.path, options)
    assert snapshot(trainer) == before
    assert not any(p.name.startswith("e.sqlite") for p in tmp_path.iterdir())


def test_read_exercise_explains_a_plain_library(tmp_path):
    path = plain_library(tmp_path / "plain.sqlite")
    with pytest.raises(ExerciseError, match="not an exercise"):
        read_exercise(path)


def test_a_read_only_trainer_library_cannot_make_an_exercise(trainer, tmp_path):
    read_only = open_library(trainer.path, read_only=True)
    try:
        with pytest.raises(ExerciseError, match="read-only"):
            create_exercise(read_only, [1], tmp_path / "e.sqlite", ExerciseOptions("t"))
    finally:
        read_only.close()
    assert not (tmp_path / "e.sqlite").exists()

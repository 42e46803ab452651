"""Returned files are untrusted: each hostile file below is refused (or tamed) quickly, with a
message naming the file and the reason, and the trainer's library stays exactly as it was."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from contextlib import closing
from pathlib import Path

import pytest

from gui.core.storage import AnnotationStore, ArticleStore, LabelStore
from gui.core.storage import returned_file as reading
from gui.core.storage.exercise_store import ExerciseStore
from gui.core.trainer.exercises import ExerciseError
from gui.core.trainer.results import exercise_results
from gui.core.trainer.returns import import_returned, read_returns, read_work
from tests.core.trainer.classroom import (
    ANA,
    BODY,
    TRAINER,
    hand_out,
    layer,
    make_exercise,
    snapshot,
)


@pytest.fixture
def returned(trainer, tmp_path) -> Path:
    """Ana's file, handed back: an exercise made from the trainer's library, annotated."""
    return hand_out(make_exercise(trainer, tmp_path / "e.sqlite", True), "Ana", *ANA)


def tamper(path: Path, *statements: str, params=()) -> Path:
    """Change a returned file as a hostile trainee could, with any SQL at all."""
    with closing(sqlite3.connect(path)) as db:
        for sql in statements:
            db.execute(sql, params) if params else db.executescript(sql)
        db.commit()
    return path


def refused(trainer, path: Path, message: str) -> str:
    """Import path; assert it is refused with message, naming it, and nothing changed."""
    before = snapshot(trainer)
    with pytest.raises(ExerciseError, match=message) as raised:
        import_returned(trainer, path)
    assert str(path) in str(raised.value)
    assert snapshot(trainer) == before
    return str(raised.value)


def test_an_endless_view_in_place_of_a_table_is_refused_before_anything_runs(trainer, returned):
    tamper(
        returned,
        "DROP TABLE annotations; CREATE VIEW annotations AS WITH RECURSIVE n(i) AS"
        " (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i AS id FROM n",
    )
    started = time.monotonic()
    refused(trainer, returned, "defines views .'annotations'.")
    assert time.monotonic() - started < 5


def test_any_view_at_all_is_refused(trainer, returned):
    tamper(returned, "CREATE VIEW spare AS SELECT * FROM labels, labels AS b, labels AS c")
    refused(trainer, returned, "defines views")


def test_a_trigger_is_refused_but_the_full_text_triggers_of_every_library_are_not(
    trainer, returned, tmp_path
):
    fine = tmp_path / "fine.sqlite"
    fine.write_bytes(returned.read_bytes())
    assert read_work(fine).trainee == "Ana"  # it has the usual full-text triggers
    tamper(returned, "CREATE TRIGGER spy AFTER INSERT ON labels BEGIN DELETE FROM articles; END")
    refused(trainer, returned, "defines triggers .'spy'.")


def test_a_file_from_schema_14_without_the_article_count_is_read(trainer, returned, tmp_path):
    # Schema 15 added article_count and its triggers; a trainee's older Sourcelight has none.
    older = tmp_path / "older.sqlite"
    older.write_bytes(returned.read_bytes())
    tamper(
        older,
        "DROP TRIGGER article_count_added; DROP TRIGGER article_count_removed;"
        " DROP TABLE article_count; PRAGMA user_version = 14",
    )
    with closing(sqlite3.connect(returned)) as db:
        # The exercise file counts the articles copied into it (the triggers ran there too).
        kept = db.execute("SELECT articles FROM article_count").fetchone()
        assert kept == db.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    assert read_work(older).trainee == read_work(returned).trainee == "Ana"
    assert import_returned(trainer, older).added == 3


def test_a_changed_full_text_trigger_is_refused(trainer, returned):
    with closing(sqlite3.connect(returned)) as db:
        name, sql = db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        ).fetchone()
        db.executescript(f"DROP TRIGGER [{name}]; {sql.replace('BEGIN', 'BEGIN SELECT 1;')}")
    refused(trainer, returned, "defines triggers")


def test_a_computed_column_is_refused(trainer, returned):
    tamper(
        returned,
        "ALTER TABLE labels RENAME TO old_labels; CREATE TABLE labels (id INTEGER PRIMARY KEY,"
        " name TEXT, colour TEXT, hotkey TEXT, position INTEGER,"
        " description TEXT GENERATED ALWAYS AS (printf('%.*c', 1000000, 'x')));"
        " INSERT INTO labels (id, name, colour, hotkey, position)"
        " SELECT id, name, colour, hotkey, position FROM old_labels; DROP TABLE old_labels",
    )
    refused(trainer, returned, "labels table computes the column 'description'")


def test_a_table_without_a_column_read_is_refused(trainer, returned):
    tamper(
        returned,
        "DROP TABLE annotations; CREATE TABLE annotations (id INTEGER PRIMARY KEY, article_id,"
        ' label_id, start, "end", exact, annotator, created, modified, orphaned)',
    )
    refused(trainer, returned, "annotations table lacks the column 'note'")


def test_twenty_thousand_labels_are_refused_and_none_joins_the_codebook(trainer, returned):
    tamper(
        returned,
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)"
        " INSERT INTO labels (name, colour) SELECT 'spam ' || i, '#123456' FROM n",
    )
    refused(trainer, returned, r"holds 20,0\d\d labels; an exercise file may hold at most 200")
    assert len(LabelStore(trainer).labels()) < 20


def test_too_many_annotations_are_refused(trainer, returned, monkeypatch):
    monkeypatch.setattr(reading, "MAX_ANNOTATIONS", 2)
    refused(trainer, returned, "holds 3 annotations; an exercise file may hold at most 2")


def test_a_ten_megabyte_trainee_name_is_refused(trainer, returned):
    name = json.dumps({"trainee_id": "t", "name": "A" * 10_000_000})
    tamper(returned, "INSERT OR REPLACE INTO settings VALUES ('trainee', ?)", params=[name])
    message = refused(trainer, returned, "trainee's name row of 10,000,0")
    assert len(message) < 500


def test_a_long_label_name_or_note_is_refused(trainer, returned):
    tamper(returned, "UPDATE annotations SET note = ?", params=["n" * 30_000])
    refused(trainer, returned, "annotation 1 has a note of 30,000 characters")


def test_a_value_over_sqlites_length_limit_is_refused(trainer, returned, monkeypatch):
    monkeypatch.setattr(reading, "MAX_VALUE_BYTES", 50)
    refused(trainer, returned, "holds a value longer than")


@pytest.mark.parametrize(
    ("start", "end", "what"),
    [(-5, 9, "negative"), (10**12, 10**12 + 9, "huge"), (24, 15, "reversed"), (0, 9, "wrong text")],
)
def test_offsets_that_do_not_fit_are_placed_by_their_quote_or_orphaned_inside_the_text(
    trainer, returned, start, end, what
):
    exact = "40 people died" if what != "wrong text" else "not in the article at all"
    tamper(
        returned,
        'UPDATE annotations SET start = ?, "end" = ?, exact = ? WHERE id = 1',
        params=[start, end, exact],
    )
    report = import_returned(trainer, returned)
    assert report.added == 3
    mine = [a for a in AnnotationStore(trainer).for_article(1) if a.annotator == "Ana"]
    body = ArticleStore(trainer).get(1).body
    for annotation in mine:
        assert 0 <= annotation.start <= annotation.end <= len(body)
        assert annotation.orphaned or body[annotation.start : annotation.end] == annotation.text
    lost = [a for a in mine if a.orphaned]
    assert [a.text for a in lost] == ([exact] if what == "wrong text" else [])
    exercise_results(trainer, report_exercise(trainer))  # scores still work on the article


def report_exercise(trainer) -> str:
    """The id of the one exercise made from the trainer's library."""
    [record] = ExerciseStore(trainer).exercises()
    return record.exercise_id


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        (
            "UPDATE annotations SET start = 'abc' WHERE id = 1",
            "annotation 1 has a start that is text",
        ),
        (
            'UPDATE annotations SET "end" = 3.5 WHERE id = 2',
            "annotation 2 has a end that is a fraction",
        ),
        (
            "UPDATE annotations SET exact = x'00ff' WHERE id = 3",
            "annotation 3 has a exact that is binary",
        ),
        ("UPDATE annotations SET orphaned = 7 WHERE id = 1", "neither placed nor orphaned"),
        ("UPDATE annotations SET label_id = 999 WHERE id = 1", "names label 999, not in it"),
        ("UPDATE annotations SET article_id = 42 WHERE id = 1", "names article 42, not in it"),
        (
            "UPDATE labels SET name = x'00' WHERE id = 1",
            "a label row holds values of the wrong type",
        ),
    ],
)
def test_values_of_the_wrong_type_refuse_the_whole_file(trainer, returned, sql, message):
    with closing(sqlite3.connect(returned)) as db:
        db.execute("PRAGMA ignore_check_constraints = ON")
        db.execute(sql)
        db.commit()
    refused(trainer, returned, message)


def test_emptied_key_ids_and_a_copied_key_only_ever_make_the_trainees_own_layer(trainer, returned):
    # An old-style row claiming a key with no ids, and the trainer's key copied in by hand.
    with closing(sqlite3.connect(returned)) as db:
        row = json.loads(
            db.execute("SELECT value FROM settings WHERE key = 'exercise'").fetchone()[0]
        )
        row.update(key_included=True, key_layer=TRAINER, key_annotation_ids=[], articles=["x"])
        db.execute("UPDATE settings SET value = ? WHERE key = 'exercise'", [json.dumps(row)])
        db.execute(
            'INSERT INTO annotations (article_id, label_id, start, "end", exact, annotator,'
            " created, modified) VALUES (1, 1, 55, 74, 'the toll was higher', ?, '', '')",
            [TRAINER],
        )
        db.commit()
    key_before = ExerciseStore(trainer).key(report_exercise(trainer))
    own_before = layer(trainer, TRAINER)
    report = import_returned(trainer, returned)
    assert (report.layer, report.added) == ("Ana", 4)
    assert layer(trainer, TRAINER) == own_before  # nothing joined the trainer's layer
    assert ExerciseStore(trainer).key(report_exercise(trainer)) == key_before
    assert ("Claim", "the toll was higher") in layer(trainer, "Ana")


def test_a_trainee_called_like_the_trainer_gets_a_layer_of_their_own(trainer, returned):
    name = json.dumps({"trainee_id": "t", "name": TRAINER})
    tamper(returned, "INSERT OR REPLACE INTO settings VALUES ('trainee', ?)", params=[name])
    own_before = layer(trainer, TRAINER)
    assert import_returned(trainer, returned).layer == f"{TRAINER} (2)"
    assert layer(trainer, TRAINER) == own_before


def test_work_on_a_changed_article_or_one_not_of_the_exercise_is_left_out(trainer, returned):
    with closing(sqlite3.connect(returned)) as db:
        db.execute("UPDATE articles SET body = body || ' (edited)' WHERE id = 1")
        db.commit()
    report = import_returned(trainer, returned)
    assert report.added == 0 and report.skipped == 3
    assert "its article's text was changed" in report.reasons[0]
    assert layer(trainer, "Ana") == set()


def test_a_fifo_is_refused_without_waiting_for_a_writer(trainer, tmp_path):
    make_exercise(trainer, tmp_path / "e.sqlite")
    fifo = tmp_path / "pipe.sourcelight"
    os.mkfifo(fifo)
    outcome = []
    reader = threading.Thread(target=lambda: outcome.append(read_returns([fifo])), daemon=True)
    reader.start()
    reader.join(10)
    if reader.is_alive():  # let the stuck reader go before failing
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("reading a FIFO hung")
    [[result]] = outcome
    assert "is a pipe (FIFO), not a file" in result.message
    refused(trainer, fifo, "is a pipe")


def test_a_link_to_a_device_is_refused(trainer, tmp_path):
    make_exercise(trainer, tmp_path / "e.sqlite")
    link = tmp_path / "zero.sourcelight"
    link.symlink_to("/dev/zero")
    refused(trainer, link, "is a link to a device, not a file")


def test_a_link_to_a_real_exercise_file_is_read(trainer, returned, tmp_path):
    link = tmp_path / "link.sourcelight"
    link.symlink_to(returned)
    assert import_returned(trainer, link).added == 3


def test_a_file_too_big_for_an_exercise_is_refused_before_it_is_read(
    trainer, returned, monkeypatch
):
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 4096)
    refused(trainer, returned, "more than an exercise file can be")


def test_a_file_with_changes_waiting_beside_it_is_refused(trainer, returned):
    returned.with_name(returned.name + "-wal").write_bytes(b"\0" * 100)
    refused(trainer, returned, "was handed in while it was still open")


def test_the_reading_is_stopped_at_its_time_limit(trainer, returned, monkeypatch):
    monkeypatch.setattr(reading, "TIME_LIMIT", 0.0)
    refused(trainer, returned, "took longer than 0 seconds")


def test_a_cancel_from_the_progress_callback_stops_the_reading(returned):
    class Stop(Exception):
        pass

    calls = []

    def progress(done, total):
        calls.append(done)
        if done >= 2:
            raise Stop

    with pytest.raises(Stop):
        read_work(returned, progress)
    assert calls[-1] == 2 and max(calls) < reading.STEPS


def test_the_returned_file_is_never_written_nor_migrated(trainer, returned):
    tamper(returned, "PRAGMA user_version = 4")  # as an older Sourcelight left it
    before = (returned.read_bytes(), returned.stat().st_mtime_ns)
    neighbours = sorted(p.name for p in returned.parent.iterdir())
    assert import_returned(trainer, returned).added == 3
    assert (returned.read_bytes(), returned.stat().st_mtime_ns) == before
    assert sorted(p.name for p in returned.parent.iterdir()) == neighbours


def test_a_newer_file_is_refused(trainer, returned):
    tamper(returned, "PRAGMA user_version = 999")
    refused(trainer, returned, "written by a newer version of Sourcelight")


def test_checklist_answers_of_another_shape_are_refused(trainer, returned):
    answers = json.dumps({"Stop": {"nested": ["no"]}})
    tamper(
        returned,
        "INSERT OR REPLACE INTO settings VALUES ('checklist_answers', ?)",
        params=[answers],
    )
    refused(trainer, returned, "its checklist answers cannot be read")


def test_the_trainees_answers_and_name_are_stored_clean(trainer, returned):
    name = json.dumps({"trainee_id": "t-1", "name": "  Ana\u202e\n Lopez\x00 "})
    answers = json.dumps(
        [{"question": "Stop", "answer": "Wire copy."}, {"question": "Q", "answer": True}]
    )
    tamper(
        returned,
        "INSERT OR REPLACE INTO settings VALUES ('trainee', ?)",
        params=[name],
    )
    tamper(
        returned,
        "INSERT OR REPLACE INTO settings VALUES ('checklist_answers', ?)",
        params=[answers],
    )
    report = import_returned(trainer, returned)
    assert report.layer == "Ana Lopez"
    [record] = ExerciseStore(trainer).returns()
    assert record.checklist_answers == {"Stop": "Wire copy.", "Q": "yes"}
    assert record.handed_in[:4].isdigit() and record.handed_in.endswith("+00:00")


def test_bodies_are_checked_against_their_hash_so_offsets_meet_the_text_handed_out(
    trainer, returned
):
    # The body and its hash both replaced: an article that is not the exercise's at all.
    other = "Something else entirely, 40 people died.\n"
    from gui.core.articles import content_hash

    tamper(
        returned,
        "UPDATE articles SET body = ?, content_hash = ? WHERE id = 1",
        params=[other, content_hash(other)],
    )
    report = import_returned(trainer, returned)
    assert report.added == 0 and layer(trainer, "Ana") == set()
    assert ArticleStore(trainer).get(1).body == BODY

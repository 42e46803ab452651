"""An import that fails says why in the message itself, not behind Show Details."""

from gui.library.importing import SHOWN_FAILURES, failure_message


def test_each_failure_and_its_reason_stand_in_the_text():
    text, details = failure_message("1 imported, 1 failed", ["notes.pdf: the PDF has no text"])
    assert text.startswith("1 imported, 1 failed.")
    assert "notes.pdf: the PDF has no text" in text and details == ""


def test_a_long_batch_names_the_first_and_lists_all_in_the_details():
    failures = [f"file{i}.txt: the file is empty" for i in range(SHOWN_FAILURES + 5)]
    text, details = failure_message("13 failed", failures)
    assert "file0.txt: the file is empty" in text and f"file{SHOWN_FAILURES}.txt" not in text
    assert "and 5 more" in text
    assert details.splitlines() == failures

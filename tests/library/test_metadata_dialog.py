"""The details dialog keeps the date's text as found unless the user changes the date."""

from gui.core.articles import Metadata
from gui.library.metadata_dialog import MetadataDialog

READ = Metadata(title="Toll", published="2024-03-05", published_raw="Tuesday, March 5, 2024")


def test_a_date_left_as_it_was_keeps_the_text_it_was_read_from(qtbot):
    dialog = MetadataDialog(READ)
    qtbot.addWidget(dialog)
    dialog.fields["title"].setText("Toll rises")
    assert dialog.metadata() == Metadata(
        title="Toll rises", published="2024-03-05", published_raw="Tuesday, March 5, 2024"
    )


def test_a_date_the_user_changes_is_the_text_as_found(qtbot):
    dialog = MetadataDialog(READ)
    qtbot.addWidget(dialog)
    dialog.fields["published"].setText("last week")
    assert (dialog.metadata().published, dialog.metadata().published_raw) == ("last week", "")

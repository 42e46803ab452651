"""Every table and column of a library is described, for Datasette and anyone reading the file."""

import pytest

from gui.core.storage.schema_docs import NOTES, datasette_metadata, describe, hidden


def test_every_table_and_column_has_a_description(library):
    # Fails when a migration adds a table or a column without a comment (or a NOTES entry).
    tables = [
        name
        for (name,) in library.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not hidden(name)
    ]
    described = describe(library.db)
    assert sorted(described) == sorted(tables)
    undescribed = [
        f"{table}.{column}"
        for table, (text, columns) in described.items()
        for column, about in {"(table)": text, **columns}.items()
        if not about.strip()
    ]
    assert undescribed == []
    for table in tables:
        names = {row[1] for row in library.db.execute(f'PRAGMA table_info("{table}")')}
        assert set(described[table][1]) == names


def test_the_comments_in_the_create_statements_are_read(library):
    text, columns = describe(library.db)["quotes"]
    assert text.startswith("Every quote or reported statement")
    assert columns["speaker_key"].startswith("the source's name key")
    assert describe(library.db)["numeric_claims"][1]["window"].startswith("the time it covers")


def test_notes_name_only_tables_and_columns_that_exist(library):
    described = describe(library.db)
    for table, (_, columns) in NOTES.items():
        assert table in described, table
        assert set(columns) <= set(described[table][1]), table


@pytest.mark.parametrize("table", ["quotes_fts_data", "articles_fts_idx", "sqlite_sequence"])
def test_the_metadata_hides_the_tables_only_sqlite_reads(library, table):
    tables = datasette_metadata(library.db, "library")["databases"]["library"]["tables"]
    assert tables[table] == {"hidden": True}
    assert tables["articles"]["columns"]["published_raw"]


def test_a_column_added_without_a_description_is_found_undescribed(library):
    library.db.execute("ALTER TABLE quotes ADD COLUMN mystery TEXT")
    assert describe(library.db)["quotes"][1]["mystery"] == ""

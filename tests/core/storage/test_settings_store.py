"""OutletStore: the library's own outlet list, or the bundled defaults."""

from __future__ import annotations

from gui.core.entities.pipeline import default_outlets
from gui.core.storage import OutletStore, open_library


def test_a_new_library_uses_the_default_outlets(library):
    assert OutletStore(library).outlets() == default_outlets()


def test_the_library_list_overrides_the_defaults(library):
    store = OutletStore(library)
    store.set_outlets(["Amaq", "Al-Naba", "Рейтер"])
    assert store.outlets() == ["Amaq", "Al-Naba", "Рейтер"]
    store.set_outlets(name for name in ["Reuters"])
    assert store.outlets() == ["Reuters"]


def test_an_empty_list_is_kept_as_the_users_choice(library):
    store = OutletStore(library)
    store.set_outlets([])
    assert store.outlets() == []


def test_the_outlets_are_plain_json_in_the_settings_table(library):
    OutletStore(library).set_outlets(["Amaq"])
    assert library.db.execute("SELECT key, value FROM settings").fetchall() == [
        ("outlets", '["Amaq"]')
    ]


def test_the_outlets_travel_with_the_file(library_path):
    lib = open_library(library_path)
    OutletStore(lib).set_outlets(["Amaq"])
    lib.close()
    lib = open_library(library_path, read_only=True)
    assert OutletStore(lib).outlets() == ["Amaq"]
    lib.close()

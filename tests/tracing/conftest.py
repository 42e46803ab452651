"""A library file of the tracing fixtures for the window's tests (analysed once a module)."""

import pytest

from gui.core.entities.pipeline import load_pipeline
from tests.core.tracing.fixtures import library_outlets
from tests.core.tracing.library_helper import fixture_library


@pytest.fixture(scope="module")
def library_file(tmp_path_factory):
    """A library file with the fixtures analysed (the real pipeline, once) and their rows."""
    path = tmp_path_factory.mktemp("tracing") / "library.sqlite"
    fixture_library(load_pipeline(library_outlets()), path).close()
    return path

"""The fixture articles of the tracing tests, analysed by the real pipeline (once a module)."""

import pytest

from gui.core.entities.pipeline import load_pipeline
from tests.core.tracing.fixtures import library_outlets
from tests.core.tracing.library_helper import fixture_library


@pytest.fixture(scope="module")
def pipeline():
    return load_pipeline(library_outlets())


@pytest.fixture
def library(pipeline):
    opened = fixture_library(pipeline)
    yield opened
    opened.close()

"""The trainer's library that the classroom tests start from."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from gui.core.storage import Library
from tests.core.trainer.classroom import trainer_library


@pytest.fixture
def trainer(tmp_path: Path) -> Iterator[Library]:
    """The trainer's library: the article, its entities, the key and a colleague's layer."""
    yield from trainer_library(tmp_path)

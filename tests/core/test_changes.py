"""Every command says what it touches and has a way to be carried out; batches add up."""

import dataclasses
import importlib
import inspect

import pytest

from gui.core.changes import Applied, Batch, Change, is_empty, touched
from gui.core.storage.commands_store import _HANDLERS

COMMAND_MODULES = (
    "gui.core.annotations.commands",
    "gui.core.entities.commands",
    "gui.core.library.commands",
    "gui.core.sourcing.commands",
    "gui.core.sourcing.check_commands",
    "gui.core.sourcing.library_commands",
    "gui.core.trainer.commands",
    "gui.core.interchange.importer",
    "gui.core.interchange.refi_import",
    "gui.core.trainer.returns",
    "gui.core.tracing.commands",
    "gui.core.tracing.claim_links",
)


def command_classes():
    """The frozen dataclasses that declare what they touch, in every command module."""
    for name in COMMAND_MODULES:
        module = importlib.import_module(name)
        for _, value in inspect.getmembers(module, inspect.isclass):
            if value.__module__ == name and "touches" in vars(value):
                yield value


ALL = sorted(command_classes(), key=lambda cls: cls.__qualname__)


def test_the_walk_finds_the_commands():
    assert len(ALL) >= 30


@pytest.mark.parametrize("command", ALL, ids=lambda cls: cls.__qualname__)
def test_each_command_touches_something_and_can_be_carried_out(command):
    assert dataclasses.is_dataclass(command) and command.__dataclass_params__.frozen
    assert isinstance(command.touches, Change) and command.touches != Change.NONE
    assert "description" in dir(command)
    assert command in _HANDLERS or callable(getattr(command, "run", None))


def test_every_handler_is_for_a_declared_command():
    assert set(_HANDLERS) <= set(ALL)


def test_a_batch_touches_what_its_parts_touch_and_an_empty_one_nothing():
    from gui.core.annotations.commands import DeleteAnnotation, DeleteLabel

    batch = Batch("two", (DeleteAnnotation(1), Batch("inner", (DeleteLabel(2),))))
    assert batch.touches == Change.ANNOTATIONS | Change.LABELS
    assert touched([]) == Change.NONE
    assert is_empty(Batch("x", (Batch("y", ()),))) and not is_empty(batch)
    applied = Applied(batch, Batch("undo", ()))
    assert applied.empty and applied.changes == Change.NONE
    assert Applied(batch, batch).changes == batch.touches

"""gc_paused suspends cyclic collection only inside its block, even when nested or failing."""

import gc

import pytest

from gui.core.bulk import gc_paused


def test_collection_is_paused_inside_and_restored_after():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer block is still running
    assert gc.isenabled()


def test_state_is_restored_after_an_error():
    with pytest.raises(ValueError), gc_paused():
        raise ValueError
    assert gc.isenabled()

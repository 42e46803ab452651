"""Bulk work on many small objects, without the garbage collector scanning the heap meanwhile.

Making 100k entity objects triggers hundreds of young-generation collections, each walking
every object still alive; pausing collection makes loading a long article's entities 2-3x
faster. Reference counting still frees everything that is not part of a cycle.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Suspend cyclic garbage collection inside the block (re-entrant, restores the state)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

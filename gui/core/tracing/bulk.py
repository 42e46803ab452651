"""Library-wide lists are built without the cycle collector's passes over the whole heap.

A list of 60,000 sources or 300,000 figures is some millions of small objects made at once:
the collector then runs again and again, and each full pass walks every object the process
holds (the previous list still shown, the window, the language model), which took up to
half the time of the Sources list. What the lists are made of holds no reference cycles,
so nothing is left for the collector when it is paused while they are built.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def without_gc_passes(build: Callable[P, R]) -> Callable[P, R]:
    """build, run with the cycle collector paused (and resumed after, if it was running).

    The pause is for the whole process: another thread's pause may end while this one
    builds, which only costs time. A caller that paused the collector itself keeps it so.
    """

    @wraps(build)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        running = gc.isenabled()
        gc.disable()
        try:
            return build(*args, **kwargs)
        finally:
            if running:
                gc.enable()

    return paused

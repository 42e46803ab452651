"""Saves of what an analysis found wait for the library's soundness check, off the GUI thread's
way, and are dropped when their library is no longer open."""

from types import SimpleNamespace

from gui.session.held_saves import HeldSaves


class Gate:
    """A soundness gate whose verdict the test gives."""

    def __init__(self) -> None:
        self.verdict = None

    def known(self):
        return self.verdict


def test_a_save_waits_for_the_verdict_and_then_goes_in_order(qtbot):
    gate = Gate()
    library = SimpleNamespace(gate=gate)
    saved = []
    held = HeldSaves(saved.append, lambda: library)
    held.save(library, "entities")
    held.save(library, "findings")
    assert saved == [] and held.held() == 2
    gate.verdict = "sound"
    qtbot.waitUntil(lambda: saved == ["entities", "findings"])
    held.save(library, "later")
    assert saved[-1] == "later"  # checked: at once


def test_saves_for_a_library_closed_meanwhile_are_dropped(qtbot):
    gate = Gate()
    old, new = SimpleNamespace(gate=gate), SimpleNamespace(gate=None)
    current = [old]
    saved = []
    held = HeldSaves(saved.append, lambda: current[0])
    held.save(old, "of the old library")
    current[0] = new
    qtbot.waitUntil(lambda: held.held() == 0)
    assert saved == []
    held.save(None, "in memory")  # a library in memory has nothing to check
    assert saved == ["in memory"]

"""How long the rest of a run will take, from how fast the articles done so far went."""

from __future__ import annotations

from dataclasses import dataclass, field

WINDOW = 64  # the latest articles the rate is measured over: a run's pace changes


@dataclass
class Estimate:
    """Counts done, failed and total; seconds left once a few articles are done."""

    total: int = 0
    done: int = 0
    failed: int = 0
    _marks: list[tuple[float, int]] = field(default_factory=list)  # (time, chars done)
    _chars: int = 0

    def started(self, now: float) -> None:
        """The run starts (or resumes after a pause: the pause is not counted)."""
        self._marks = [(now, self._chars)]

    def finished(self, now: float, chars: int, failed: bool = False) -> None:
        """One more article is done (or failed) at now."""
        self.done += 1
        self.failed += int(failed)
        self._chars += chars
        self._marks.append((now, self._chars))
        del self._marks[: -WINDOW - 1]

    @property
    def left(self) -> int:
        """Articles still to do."""
        return max(0, self.total - self.done)

    def seconds_left(self) -> float | None:
        """Seconds until the rest is done at the recent pace; None before it is known."""
        if len(self._marks) < 3 or self.done == 0:
            return None
        (start, first), (end, last) = self._marks[0], self._marks[-1]
        if end <= start or last <= first:
            return None
        chars_per_second = (last - first) / (end - start)
        chars_left = self.left * (self._chars / self.done)
        return chars_left / chars_per_second


def duration(seconds: float | None) -> str:
    """ "about 3 min", "about 40 s", "less than 10 s", or "" while unknown."""
    if seconds is None:
        return ""
    if seconds < 10:
        return "less than 10 s left"
    if seconds < 90:
        return f"about {round(seconds / 5) * 5:.0f} s left"
    if seconds < 5400:
        return f"about {seconds / 60:.0f} min left"
    return f"about {seconds / 3600:.1f} h left"

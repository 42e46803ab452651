"""Where the bundled resources (samples, lexicons, icons, styles) live on disk."""

from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def resource(*parts: str) -> Path:
    """Return the path of a bundled resource file."""
    return RESOURCES.joinpath(*parts)

"""The session: the only writer, its undo stack, what changed, and background work."""

"""What a command of gui.cli can fail with: CommandError, and the exit codes it carries."""

from __future__ import annotations

EXIT_FAILED = 1
EXIT_NO_PIPELINE = 2


class CommandError(Exception):
    """A failure the user can act on: str() is the message, exit_code the process's code."""

    def __init__(self, message: str, exit_code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.exit_code = exit_code

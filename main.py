"""Start Sourcelight: the window, or a command when one is given."""

from gui.app import main

# Guarded: the library analysis's worker processes are spawned, and import this file again.
if __name__ == "__main__":
    raise SystemExit(main())

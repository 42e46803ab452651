"""Start Sourcelight: the window, or a command when one is given."""

from gui.app import main

raise SystemExit(main())

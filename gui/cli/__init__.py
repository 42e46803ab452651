"""The command-line face of the core: parse, run a command, print; never imports Qt."""

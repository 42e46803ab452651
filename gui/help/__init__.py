"""Help: the user guide (offline), the keyboard shortcuts, and About."""

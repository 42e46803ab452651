"""Reports from the window: print, export as HTML or PDF."""

"""The source-criticism lens in the window: Sources and Claims panels, lexicons."""

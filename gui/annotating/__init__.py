"""Annotating in the window: label keys, notes, the Annotations panel, layers, files."""

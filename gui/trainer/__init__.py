"""Trainer mode in the window: exercises, returned work, comparison, presentation."""

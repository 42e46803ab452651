"""Trainer mode's core: exercises, returned work, and agreement scores."""

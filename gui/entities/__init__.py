"""Entities in the window: the Entities panel, corrections, alias groups, outlets."""

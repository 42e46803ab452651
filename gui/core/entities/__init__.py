"""Named entities: the spaCy pipeline, outlet rules, alias groups, corrections."""

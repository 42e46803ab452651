"""Source-criticism lens: quotes, attributions, sources, hedges, numbers and the profile."""

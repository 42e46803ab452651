"""The reader: an article's text with its highlights, find bar, header and legend."""

"""The library in the window: the article list, search, import, details."""

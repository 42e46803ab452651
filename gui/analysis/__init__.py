"""Analysis of the whole library in the window: the queue, its progress, pause and cancel."""

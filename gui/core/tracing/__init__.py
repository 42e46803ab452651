"""Tracing across the library: one statement, figure or source in every article, origin first."""

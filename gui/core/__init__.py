"""Sourcelight's domain: articles, entities and their storage, with no Qt."""

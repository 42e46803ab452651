"""Annotations and the codebook: values and the commands that change them."""

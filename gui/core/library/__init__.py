"""The library's articles: what hangs on one, and the commands that add, edit or remove them."""

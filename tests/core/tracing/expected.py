"""What the app finds in the tracing fixtures, end to end (checked by hand against the texts)."""

MAYOR = "We will keep the harbour closed until every container has been checked"

# The mayor's quote: (article, published, outlet, via, change, similarity).
MAYOR_TRACE = [
    (1, "2026-03-02", "Kestrel Bay Herald", "", "same", 1.0),
    (2, "2026-03-02", "Baltic Wire", "Kestrel Bay Herald ← Stahl", "same", 1.0),
    (3, "2026-03-03", "Kestrel Bay Herald", "", "paraphrased", 0.652),
    (4, "2026-03-04", "Northshore Courier", "", "changed", 0.835),
    (5, "2026-03-05", "Baltic Wire", "", "shortened", 0.614),
]
MAYOR_CHANGED_WORDS = [  # article 4 against article 1, word by word
    ["closed", "removed"],
    ["shut", "added"],
    ["single", "added"],
    ["has", "removed"],
    ["been", "removed"],
    ["is", "added"],
]
MAYOR_SIMILAR = [(6, "councillor Piet Maas")]  # the decoy: similar words, different speaker

# The harbour master told the Wire first; the Herald relays the Wire the next day.
BERG_TRACE = [
    (2, "2026-03-02", "Baltic Wire", "", "same", 1.0),
    (3, "2026-03-03", "Kestrel Bay Herald", "Baltic Wire ← harbour master Jonas Berg", "same", 1.0),
]
# The captain: the Wire says he told the Herald, so the Herald's article is the origin.
LIND_TRACE = [
    (2, "2026-03-02", "Baltic Wire", "Kestrel Bay Herald ← captain Ivo Lind", "same", 1.0),
    (3, "2026-03-03", "Kestrel Bay Herald", "", "same", 1.0),
]
LIND_ORIGIN = (1, "pointed", "Kestrel Bay Herald")
# The anonymous port official, quoted twice by the Herald.
OFFICIAL_TRACE = [
    (1, "2026-03-02", "Kestrel Bay Herald", "", "same", 1.0),
    (3, "2026-03-03", "Kestrel Bay Herald", "", "same", 1.0),
]

# Sources: (name, aliases, type, articles, statements, relayed, anonymous in articles).
# Elin Stahl's articles, by date, and how each names her:
STAHL_ARTICLES = [
    (1, "Kestrel Bay Herald", "Elin Stahl"),
    (2, "Baltic Wire", "Stahl"),
    (3, "Kestrel Bay Herald", "Elin Stahl"),
    (4, "Northshore Courier", "Stahl"),
    (5, "Baltic Wire", "Elin Stahl"),
]
SOURCES = [
    ("Elin Stahl", ["Stahl"], "person", 5, 6, 0, 0),
    ("A port official", [], "anonymous", 2, 2, 0, 2),
    ("Ivo Lind", [], "person", 2, 2, 0, 0),
    ("Jonas Berg", [], "person", 2, 2, 0, 0),
    ("the regional hospital", ["The regional hospital"], "institution", 2, 2, 0, 0),
    ("Fishermen", [], "anonymous", 1, 1, 0, 1),
    ("Kestrel Bay Herald", [], "outlet", 1, 1, 2, 0),
    ("officials", [], "anonymous", 1, 1, 0, 1),
    ("Piet Maas", [], "person", 1, 1, 0, 0),
    ("the fire brigade", [], "description", 1, 1, 0, 0),
    ("The mayor", [], "description", 1, 1, 0, 0),
    ("the sailing club", [], "description", 1, 1, 0, 0),
    ("Baltic Wire", [], "outlet", 1, 0, 1, 0),
]

# The injured, as the figure moved: (article, published, outlet, text, value, source).
INJURED = [
    (2, "2026-03-02", "Baltic Wire", "14", 14.0, "the Kestrel Bay Herald"),
    (1, "2026-03-02", "Kestrel Bay Herald", "at least 12", 12.0, "the fire brigade"),
    (3, "2026-03-03", "Kestrel Bay Herald", "19", 19.0, "The regional hospital"),
    (4, "2026-03-04", "Northshore Courier", "about 20", 20.0, "the regional hospital"),
    (5, "2026-03-05", "Baltic Wire", "21", 21.0, ""),
]
INJURED_SERIES = {
    "Baltic Wire": [("2026-03-02", 14.0), ("2026-03-05", 21.0)],
    "Kestrel Bay Herald": [("2026-03-02", 12.0), ("2026-03-03", 19.0)],
    "Northshore Courier": [("2026-03-04", 20.0)],
}

# Relays in both directions: (from, to, count, the articles behind the edge).
OUTLET_EDGES = [
    ("Kestrel Bay Herald", "Baltic Wire", 3, [2, 2, 2]),
    ("Baltic Wire", "Kestrel Bay Herald", 1, [3]),
]


def trace_rows(trace):
    """A trace's appearances as the tuples above."""
    return [
        (d["article"], d["published"], d["outlet"], d["via"], d["change"], d["similarity"])
        for d in (t.as_dict() for t in trace.appearances)
    ]


def source_rows(sources):
    """Sources as the tuples above."""
    return [
        (s.name, list(s.aliases), s.type, s.articles, s.statements, s.relayed, s.anonymous)
        for s in sources
    ]


def figure_rows(group):
    """An event group's figures as the tuples above."""
    return [(f.article_id, f.published, f.outlet, f.text, f.value, f.source) for f in group.figures]


def edge_rows(edges):
    """Relay edges as the tuples above."""
    return [(e.source, e.target, e.count, [s.article_id for s in e.statements]) for e in edges]

"""Side panels: thin item models over lists of domain objects, and their views."""

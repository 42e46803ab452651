"""Small widgets and table-model plumbing shared by the features."""

"""Dialogs; each has an ask() class method that tests can patch."""

"""The service layer: every rule of the program, callable without Qt.

Views call these functions with the logged-in :class:`~desktop.services.auth.Actor`; each
function checks the actor's role itself, so hiding a button is never the only protection.
Functions return plain dataclasses, never peewee rows.
"""

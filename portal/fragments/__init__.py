"""Cached fragments, declared: what each shows, so what each write bumps (``registry``).

- ``registry``: the one list of cached fragments and the models they show;
- ``counters``: the counters they are keyed on, and how a write bumps them;
- ``wiring``: the signals of every declared model, connected in one place;
- ``writes``: ``update()`` and ``bulk_create()`` that bump as a save does.

A module caching something builds its key with ``registry.key(prefix, …)``, which refuses a
prefix the registry does not declare: nothing is cached that no write is known to bump.

Nothing is imported here: Django imports this package to load the app, before models.
"""

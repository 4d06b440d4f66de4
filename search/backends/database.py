"""The database search backend of the portal (``WAGTAILSEARCH_BACKENDS``, see ``search.conf``).

modelsearch's ``modelsearch.backends.database`` picks PostgreSQL full text, SQLite FTS5 or the
fallback from the default database; this module does the same, except that on PostgreSQL it
returns ``search.backends.postgres.PortalPostgresSearchBackend``: one text search
configuration per model (``MODEL_SEARCH_CONFIGS``), so that our search documents, whose
searchable content is already analysed (folded, stemmed) in Python, are indexed and queried
*without* a second stemming (``portal_simple``), while the pages Wagtail indexes itself for
its admin search keep the French configuration (``SEARCH_CONFIG``, ``portal_french``).
"""

from django.db import connection


def search_config_for(backend, model):
    """The text search configuration ``backend`` indexes and queries ``model`` with:
    the model's own (``MODEL_SEARCH_CONFIGS``) or the backend's ``SEARCH_CONFIG``."""
    config_for_model = getattr(backend, "config_for_model", None)
    if config_for_model is not None:
        return config_for_model(model)
    return backend.config


def SearchBackend(params):  # noqa: N802 (modelsearch looks this name up)
    if connection.vendor == "postgresql":
        from search.backends.postgres import PortalPostgresSearchBackend

        return PortalPostgresSearchBackend(params)
    from modelsearch.backends.database import SearchBackend as modelsearch_backend

    return modelsearch_backend(params)

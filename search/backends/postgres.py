"""modelsearch's PostgreSQL backend with one text search configuration per model.

modelsearch indexes and queries every model with the backend's ``SEARCH_CONFIG``. Our
``SearchDocument`` gives it terms we have already analysed in Python (folded, stemmed with
Snowball, see ``search.fields``): a French configuration would stem them a second time
(``presse`` → ``pres`` → ``pre``, so that ``PRE`` found every press review). Here the
backend's ``MODEL_SEARCH_CONFIGS`` (``{"search.SearchDocument": "portal_simple"}``) gives a
model its own configuration, used by every writer (modelsearch's ``add``/``add_bulk``,
``rebuild_modelsearch_index``, our ``search.indexing.write_postgres_entries``) and by the
query compiler; other models (Wagtail's pages, for the admin search) keep ``SEARCH_CONFIG``.
Search documents themselves are not stored in modelsearch's generic index entries but in
their own table (``search.models.DocumentEntry``, written by
``search.indexing.write_postgres_entries``): whoever indexes them through this backend
(``search.sync``, or Wagtail's ``update_index``) writes there.
Only importable on PostgreSQL (``search.backends.database`` chooses).
"""

from copy import copy

from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)

from search.backends.modelsearch_adapter import ModelConfigCompilerMixin


def _is_search_document(model):
    from search.models import SearchDocument

    return issubclass(model, SearchDocument)


class PortalPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        if _is_search_document(model):
            from django.db.models import prefetch_related_objects

            from search.indexing import write_postgres_entries

            objs = list(objs)
            prefetch_related_objects(objs, "facet_values")
            if objs:
                write_postgres_entries(self.backend, objs)
            return
        # modelsearch's ``ObjectIndexer`` reads ``backend.config``: a model with its own
        # configuration is written through a copy of the backend that has it.
        config = self.backend.config_for_model(model)
        if config == self.backend.config:
            return super().add_items(model, objs)
        return PostgresIndex(self.backend.with_config(config)).add_items(model, objs)

    def delete_item(self, item):
        if _is_search_document(type(item)):
            from search.models import DocumentEntry

            DocumentEntry.objects.filter(pk=item.pk).delete()
            return
        super().delete_item(item)

    def reset(self):
        from search.models import DocumentEntry

        super().reset()
        DocumentEntry.objects.all()._raw_delete(using=self.write_connection.alias)


class PortalPostgresSearchQueryCompiler(ModelConfigCompilerMixin, PostgresSearchQueryCompiler):
    pass


class PortalPostgresSearchBackend(PostgresSearchBackend):
    index_class = PortalPostgresIndex
    query_compiler_class = PortalPostgresSearchQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.model_configs = {
            label.lower(): config
            for label, config in (params.get("MODEL_SEARCH_CONFIGS") or {}).items()
        }

    def config_for_model(self, model):
        return self.model_configs.get(model._meta.label_lower, self.config)

    def with_config(self, config):
        """The same backend indexing everything with ``config``."""
        backend = copy(self)
        backend.config = config
        backend.model_configs = {}
        return backend


SearchBackend = PortalPostgresSearchBackend

"""Elasticsearch 9 (default) and 8 backends with French analysis.

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.elasticsearch", ...}}``
selects Elasticsearch 9; ``search.backends.elasticsearch.Elasticsearch8SearchBackend`` the 8
series (with an ``elasticsearch`` 8 client installed).
"""

from modelsearch.backends import elasticsearch8, elasticsearch9

from search.admin_indexes import AdminIndexWritesMixin

from ._french_mixins import FrenchMappingMixin, with_french_settings


class Elasticsearch9Mapping(FrenchMappingMixin, elasticsearch9.Elasticsearch9Mapping):
    pass


class Elasticsearch9SearchQueryCompiler(elasticsearch9.Elasticsearch9SearchQueryCompiler):
    mapping_class = Elasticsearch9Mapping


class Elasticsearch9AutocompleteQueryCompiler(
    elasticsearch9.Elasticsearch9AutocompleteQueryCompiler
):
    mapping_class = Elasticsearch9Mapping


class Elasticsearch9SearchBackend(
    AdminIndexWritesMixin, elasticsearch9.Elasticsearch9SearchBackend
):
    mapping_class = Elasticsearch9Mapping
    query_compiler_class = Elasticsearch9SearchQueryCompiler
    autocomplete_query_compiler_class = Elasticsearch9AutocompleteQueryCompiler
    settings = with_french_settings(elasticsearch9.Elasticsearch9SearchBackend.settings)


class Elasticsearch8Mapping(FrenchMappingMixin, elasticsearch8.Elasticsearch8Mapping):
    pass


class Elasticsearch8SearchQueryCompiler(elasticsearch8.Elasticsearch8SearchQueryCompiler):
    mapping_class = Elasticsearch8Mapping


class Elasticsearch8AutocompleteQueryCompiler(
    elasticsearch8.Elasticsearch8AutocompleteQueryCompiler
):
    mapping_class = Elasticsearch8Mapping


class Elasticsearch8SearchBackend(
    AdminIndexWritesMixin, elasticsearch8.Elasticsearch8SearchBackend
):
    mapping_class = Elasticsearch8Mapping
    query_compiler_class = Elasticsearch8SearchQueryCompiler
    autocomplete_query_compiler_class = Elasticsearch8AutocompleteQueryCompiler
    settings = with_french_settings(elasticsearch8.Elasticsearch8SearchBackend.settings)


SearchBackend = Elasticsearch9SearchBackend

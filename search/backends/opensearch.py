"""OpenSearch with the same French analysis as Elasticsearch.

One backend for OpenSearch 2.x and 3.x servers: the opensearch-py 3 client (locked) speaks
to both, and so does modelsearch's ``opensearch3`` backend, which is written for that client.
Its ``opensearch2`` backend is written for the opensearch-py 2 client (positional arguments
to ``indices.create``, refused by the 3 client): against a live node it failed at the first
index creation, so the portal does not offer it (tested live: OpenSearch 2.19, see
docs/search.md).
"""

from modelsearch.backends import opensearch3

from search.admin_indexes import AdminIndexWritesMixin

from ._french_mixins import FrenchMappingMixin, with_french_settings


class OpenSearchMapping(FrenchMappingMixin, opensearch3.OpenSearch3Mapping):
    pass


class OpenSearchSearchQueryCompiler(opensearch3.OpenSearch3SearchQueryCompiler):
    mapping_class = OpenSearchMapping


class OpenSearchAutocompleteQueryCompiler(opensearch3.OpenSearch3AutocompleteQueryCompiler):
    mapping_class = OpenSearchMapping


class OpenSearchSearchBackend(AdminIndexWritesMixin, opensearch3.OpenSearch3SearchBackend):
    mapping_class = OpenSearchMapping
    query_compiler_class = OpenSearchSearchQueryCompiler
    autocomplete_query_compiler_class = OpenSearchAutocompleteQueryCompiler
    settings = with_french_settings(opensearch3.OpenSearch3SearchBackend.settings)


SearchBackend = OpenSearchSearchBackend

"""OpenSearch 3 (default) and 2 backends with the same French analysis as Elasticsearch."""

from modelsearch.backends import opensearch2, opensearch3

from ._french_mixins import FrenchMappingMixin, with_french_settings


class OpenSearch3Mapping(FrenchMappingMixin, opensearch3.OpenSearch3Mapping):
    pass


class OpenSearch3SearchQueryCompiler(opensearch3.OpenSearch3SearchQueryCompiler):
    mapping_class = OpenSearch3Mapping


class OpenSearch3AutocompleteQueryCompiler(opensearch3.OpenSearch3AutocompleteQueryCompiler):
    mapping_class = OpenSearch3Mapping


class OpenSearch3SearchBackend(opensearch3.OpenSearch3SearchBackend):
    mapping_class = OpenSearch3Mapping
    query_compiler_class = OpenSearch3SearchQueryCompiler
    autocomplete_query_compiler_class = OpenSearch3AutocompleteQueryCompiler
    settings = with_french_settings(opensearch3.OpenSearch3SearchBackend.settings)


class OpenSearch2Mapping(FrenchMappingMixin, opensearch2.OpenSearch2Mapping):
    pass


class OpenSearch2SearchQueryCompiler(opensearch2.OpenSearch2SearchQueryCompiler):
    mapping_class = OpenSearch2Mapping


class OpenSearch2AutocompleteQueryCompiler(opensearch2.OpenSearch2AutocompleteQueryCompiler):
    mapping_class = OpenSearch2Mapping


class OpenSearch2SearchBackend(opensearch2.OpenSearch2SearchBackend):
    mapping_class = OpenSearch2Mapping
    query_compiler_class = OpenSearch2SearchQueryCompiler
    autocomplete_query_compiler_class = OpenSearch2AutocompleteQueryCompiler
    settings = with_french_settings(opensearch2.OpenSearch2SearchBackend.settings)


SearchBackend = OpenSearch3SearchBackend

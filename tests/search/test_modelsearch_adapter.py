"""The modelsearch internals ``search.backends.modelsearch_adapter`` relies on are still there,
with the signatures it was written for. A new modelsearch version fails here first, naming
what to re-check, instead of silently changing rankings, facets or indexed text."""

import inspect
import tomllib
from importlib import import_module
from importlib.metadata import version
from pathlib import Path

import pytest
from django.db import connection
from modelsearch.backends import get_search_backend
from modelsearch.query import PlainText
from packaging.requirements import Requirement
from packaging.version import Version

from search.backends import modelsearch_adapter
from search.models import SearchDocument

ADAPTER = "search/backends/modelsearch_adapter.py"
PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
POSTGRES = "modelsearch.backends.database.postgres.postgres"
SQLITE = "modelsearch.backends.database.sqlite"
ELASTICSEARCH = "modelsearch.backends.elasticsearchbase"

#: ``(module, attribute path, signature written for, what of ours depends on it)``.
SIGNATURES = [
    (
        POSTGRES,
        "PostgresSearchQueryCompiler._build_rank_expression",
        "(self, vectors, config)",
        "postgres_single_rank_compiler (the title's rank, then the body's)",
    ),
    (
        POSTGRES,
        "PostgresSearchQueryCompiler.build_tsrank",
        "(self, vector, query, config=None, boost=1.0)",
        "postgres_single_rank_compiler (one ts_rank per vector)",
    ),
    (
        POSTGRES,
        "PostgresSearchQueryCompiler.build_tsquery",
        "(self, query, config=None)",
        "postgres_single_rank_compiler (the combined tsquery)",
    ),
    (
        POSTGRES,
        "PostgresSearchQueryCompiler.get_config",
        "(self, backend)",
        "entry_compiler and ModelConfigCompilerMixin (one configuration per model)",
    ),
    (
        POSTGRES,
        "PostgresSearchQueryCompiler.get_search_fields_for_model",
        "(self)",
        "entry_compiler (the fields of DocumentEntry)",
    ),
    (
        POSTGRES,
        "PostgresSearchQueryCompiler.get_index_vectors",
        "(self, search_query)",
        "entry_compiler (the vectors of DocumentEntry)",
    ),
    (
        POSTGRES,
        "PostgresSearchQueryCompiler.search",
        "(self, config, start, stop, score_field=None, backend=None)",
        "search.engines.database and postgres (the matched set with its score)",
    ),
    (
        POSTGRES,
        "PostgresAutocompleteQueryCompiler.get_index_vectors",
        "(self, search_query)",
        "entry_compiler (suggestions from DocumentEntry.autocomplete)",
    ),
    (
        POSTGRES,
        "ObjectIndexer.__init__",
        "(self, obj, backend)",
        "prepared_texts (search.indexing.write_postgres_entries)",
    ),
    (
        POSTGRES,
        "ObjectIndexer.prepare_field",
        "(self, obj, field)",
        "prepared_texts (one (field, weight, text) per search field)",
    ),
    (
        POSTGRES,
        "PostgresIndex.add_items",
        "(self, model, objs)",
        "search.backends.postgres.PortalPostgresIndex",
    ),
    (
        POSTGRES,
        "PostgresIndex.delete_item",
        "(self, item)",
        "search.backends.postgres.PortalPostgresIndex",
    ),
    (POSTGRES, "PostgresIndex.reset", "(self)", "search.backends.postgres.PortalPostgresIndex"),
    (
        "modelsearch.backends.database.postgres.weights",
        "get_weight",
        "(boost)",
        "vector_weight (search.indexing._column_slots)",
    ),
    (
        ELASTICSEARCH,
        "ElasticsearchBaseSearchQueryCompiler._compile_plaintext_query",
        "(self, query, fields, boost=1.0)",
        "compile_plaintext (search.engines.elasticsearch.inner_query)",
    ),
    (
        ELASTICSEARCH,
        "ElasticsearchBaseMapping._get_document_field_data",
        "(self, field, obj)",
        "EngineTextFieldDataMixin (the engines index readable text)",
    ),
    (
        ELASTICSEARCH,
        "ElasticsearchBaseMapping.get_document",
        "(self, obj)",
        "search.backends._french_mixins.FrenchMappingMixin.get_document",
    ),
]

#: The same, for modelsearch's SQLite module, which can only be imported on SQLite.
SQLITE_SIGNATURES = [
    (
        f"{SQLITE}.sqlite",
        "SQLiteSearchQueryCompiler._build_rank_expression",
        "(self, vectors, config)",
        "sqlite_weighted_compiler (the column-weighted bm25 alone)",
    ),
    (
        f"{SQLITE}.sqlite",
        "SQLiteSearchQueryCompiler.build_tsrank",
        "(self, vector, query, config=None, boost=1.0)",
        "sqlite_weighted_compiler",
    ),
    (f"{SQLITE}.query", "BM25.__init__", "(self)", "sqlite_weighted_compiler (WeightedBM25)"),
]


def _resolve(module, path):
    target = import_module(module)
    for name in path.split("."):
        target = getattr(target, name, None)
        if target is None:
            pytest.fail(
                f"modelsearch {version('modelsearch')} has no {module}.{path}: re-check "
                f"{ADAPTER} (and what the table of this test names)."
            )
    return target


def _check(module, path, expected, used_by):
    actual = str(inspect.signature(_resolve(module, path)))
    assert actual == expected, (
        f"modelsearch {version('modelsearch')} changed {module}.{path}{expected} into "
        f"{path}{actual}: re-check {used_by} in {ADAPTER}, then update this test."
    )


def test_the_installed_modelsearch_is_the_version_the_adapter_was_written_for():
    low, high = modelsearch_adapter.MODELSEARCH_VERSIONS
    installed = Version(version("modelsearch"))
    assert Version(low) <= installed < Version(high), (
        f"modelsearch {installed} is installed; {ADAPTER} overrides its internals and was "
        f"written for >={low},<{high}. Run tests/search/test_modelsearch_adapter.py, re-check "
        "each override it lists, then move MODELSEARCH_VERSIONS and pyproject.toml together."
    )


def test_pyproject_declares_the_adapters_modelsearch_range():
    dependencies = tomllib.loads(PYPROJECT.read_text())["project"]["dependencies"]
    declared = [Requirement(d) for d in dependencies if Requirement(d).name == "modelsearch"]
    low, high = modelsearch_adapter.MODELSEARCH_VERSIONS
    assert [str(r.specifier) for r in declared] == [f"<{high},>={low}"], (
        "pyproject.toml must declare modelsearch directly, with the range of "
        f"MODELSEARCH_VERSIONS in {ADAPTER} (>={low},<{high})."
    )


@pytest.mark.parametrize(
    ("module", "path", "expected", "used_by"), SIGNATURES, ids=[s[1] for s in SIGNATURES]
)
def test_each_overridden_modelsearch_method_keeps_its_signature(module, path, expected, used_by):
    _check(module, path, expected, used_by)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="modelsearch's SQLite module")
@pytest.mark.parametrize(
    ("module", "path", "expected", "used_by"),
    SQLITE_SIGNATURES,
    ids=[s[1] for s in SQLITE_SIGNATURES],
)
def test_each_overridden_sqlite_method_keeps_its_signature(module, path, expected, used_by):
    _check(module, path, expected, used_by)


def test_the_backend_class_names_the_engines_are_chosen_by_still_exist():
    # ``is_backend`` compares class names: a renamed backend would fall to another engine.
    _resolve(POSTGRES, "PostgresSearchBackend")
    if connection.vendor == "sqlite":
        _resolve(f"{SQLITE}.sqlite", "SQLiteSearchBackend")


def test_the_postgres_compiler_still_sets_what_the_single_rank_compiler_reads():
    compiler_class = _resolve(POSTGRES, "PostgresSearchQueryCompiler")
    compiler = compiler_class(SearchDocument.objects.none(), PlainText("laïcité"))
    missing = [a for a in ("sql_weights", "fields", "query") if not hasattr(compiler, a)]
    assert not missing, f"PostgresSearchQueryCompiler lost {missing}: re-check {ADAPTER}."
    assert compiler_class.TARGET_SEARCH_FIELD_TYPE.__name__ == "SearchField", (
        f"entry_compiler tells searches from suggestions by TARGET_SEARCH_FIELD_TYPE: {ADAPTER}"
    )


def test_the_elasticsearch_compiler_still_sets_its_remapped_fields():
    backend = get_search_backend(
        "search.backends.opensearch.OpenSearchSearchBackend", URLS=["http://localhost:9200"]
    )
    compiler = backend.query_compiler_class(SearchDocument.objects.none(), PlainText("laïcité"))
    assert hasattr(compiler, "remapped_fields"), (
        f"compile_plaintext passes compiler.remapped_fields: re-check {ADAPTER}."
    )
    assert modelsearch_adapter.compile_plaintext(compiler, "laïcité")

"""Every place the portal reaches into modelsearch's internals, in one module.

modelsearch's public API (backends, ``index`` fields, query objects, ``get_search_backend``)
is used where it is needed. What is not public lives here: overrides of its query compilers'
hooks and underscore methods, its internal classes (``BM25``, ``ObjectIndexer``) and its
backends' class names. Written for the versions ``MODELSEARCH_VERSIONS`` allows (the range
``pyproject.toml`` declares); ``tests/search/test_modelsearch_adapter.py`` fails, naming what
to re-check here, when another version or a changed signature shows up.

What each override is for:

- ``sqlite_weighted_compiler``: SQLite FTS ranks with a column-weighted ``bm25()`` alone
  (``_build_rank_expression``, ``build_tsrank``, ``BM25``);
- ``postgres_single_rank_compiler``: one ``ts_rank`` per vector whatever the number of words,
  and a title credit only for clauses the title matches (``_build_rank_expression``,
  ``build_tsrank``, ``build_tsquery``, ``sql_weights``). ``search.engines.postgres_ranking``
  writes the SQL it compiles as text (``Lexeme``'s quoting, ``get_sql_weights``), held equal
  to it by ``tests/search/test_postgres_ranking.py``;
- ``entry_compiler``: PostgreSQL queries over ``DocumentEntry`` rather than modelsearch's
  generic entries (``get_config``, ``get_search_fields_for_model``, ``get_index_vectors``,
  ``TARGET_SEARCH_FIELD_TYPE``);
- ``ModelConfigCompilerMixin``: one text search configuration per model (``get_config``);
- ``compile_plaintext``: Elasticsearch's ``multi_match`` of one alternative, compiled by
  modelsearch so that field names and boosts follow the mapping (``_compile_plaintext_query``,
  ``remapped_fields``);
- ``EngineTextFieldDataMixin``: the engines index our readable text, not our analysed terms
  (``_get_document_field_data``);
- ``prepared_texts``, ``vector_weight``: what modelsearch's PostgreSQL writer computes
  (``ObjectIndexer.prepare_field``, ``weights.get_weight``), for our one-statement writer.
"""

import functools

from django.contrib.postgres.search import SearchRank
from django.db.models import BooleanField, Case, F, FloatField, Func, Value, When
from modelsearch.backends.database.postgres.postgres import ObjectIndexer
from modelsearch.backends.database.postgres.weights import get_sql_weights, get_weight
from modelsearch.index import SearchField
from modelsearch.query import And, Not, Or, Phrase, PlainText

from search.backends.database import search_config_for
from search.models import SearchDocument

#: The modelsearch versions this module was written and tested for: ``>=`` the first, ``<``
#: the second (the range of ``pyproject.toml``).
MODELSEARCH_VERSIONS = ("1.3.2", "1.4")


def is_backend(backend, class_name):
    """Whether ``backend`` is (a subclass of) modelsearch's backend of that name: the
    PostgreSQL and SQLite modules can only be imported on their own database."""
    return any(cls.__name__ == class_name for cls in type(backend).__mro__)


# --- SQLite FTS5 -----------------------------------------------------------------------------

# FTS5 columns of modelsearch's index table, in order: autocomplete, body, title.
SQLITE_COLUMN_WEIGHTS = (0.0, 1.0, 4.0)


@functools.cache  # a class per base, made once per process (#16)
def sqlite_weighted_compiler(base):
    """modelsearch's SQLite compiler ranks with ``bm25(table)``, which weighs the title like
    the body; this one gives the title the weight it has on PostgreSQL and Elasticsearch."""
    # Imported here: modelsearch's SQLite module defines models only on SQLite.
    from modelsearch.backends.database.sqlite.query import BM25

    class WeightedBM25(BM25):
        def as_sql(self, compiler, connection, function=None, template=None):
            sql, params = super().as_sql(compiler, connection)
            weights = ", ".join(str(weight) for weight in SQLITE_COLUMN_WEIGHTS)
            return sql.replace(")", f", {weights})", 1), params

    class WeightedCompiler(base):
        def _build_rank_expression(self, vectors, config):
            # modelsearch adds one rank per field and multiplies the title's by title_norm
            # (average title length / this title's length), but FTS5's bm25() scores the
            # whole row whichever field it is asked about: short titles such as « L'équipe »
            # were boosted ×13 and multi-word queries flipped sign. The column-weighted
            # bm25() already weighs the title: use it alone.
            return WeightedBM25()

        def build_tsrank(self, vector, query, config=None, boost=1.0):
            if isinstance(query, (Phrase, PlainText, Not)):
                rank = WeightedBM25()
                return rank * boost if boost != 1.0 else rank
            return super().build_tsrank(vector, query, config=config, boost=boost)

    return WeightedCompiler


# --- PostgreSQL ------------------------------------------------------------------------------


def expanded_clause(clause):
    """Whether a clause has an alternative of several terms (an abbreviation's expansion)."""
    alternatives = clause.subqueries if isinstance(clause, Or) else [clause]
    return any(
        isinstance(alternative, PlainText) and len(alternative.query_string.split()) > 1
        for alternative in alternatives
    )


class Matches(Func):
    """``vector @@ tsquery``."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


@functools.cache  # the weights are set once the apps are ready, and never change after
def sql_weights():
    """The weights array modelsearch's PostgreSQL compiler gives ``ts_rank`` (its
    ``sql_weights``), as the text parameter it passes."""
    return get_sql_weights()


@functools.cache  # a class per base, made once per process (#16)
def postgres_single_rank_compiler(base):
    """modelsearch's PostgreSQL compiler ranks an AND (or OR) of words as the product (or
    mean) of one ``ts_rank`` per word and per vector: each call decompresses the body vector
    again, so ranking cost grows with the number of words. This one ranks the whole query at
    once per vector (``ts_rank`` of the combined tsquery, which also rewards words found
    close together): two calls per row, title and body, whatever the query.

    Except for the title and the clauses with an abbreviation's expansion: ``ts_rank`` credits
    every word of the query found, whatever the operators, so the short title « Éducation et
    décrochage scolaire » got the title credit of ``PRE`` (« programme de réussite
    éducative ») for « éducation » alone and ranked above the titles that say PRE. Such a
    clause counts for the title only when the title matches it (one of its alternatives
    whole); titles are short vectors, stored inline, so the extra ``@@`` is cheap.
    """

    class SingleRankCompiler(base):
        def build_tsrank(self, vector, query, config=None, boost=1.0):
            if isinstance(query, (And, Or)):
                rank = SearchRank(
                    vector, self.build_tsquery(query, config=config), weights=self.sql_weights
                )
                return rank * boost if boost != 1.0 else rank
            return super().build_tsrank(vector, query, config=config, boost=boost)

        def _title_rank(self, vector, config):
            clauses = self.query.subqueries if isinstance(self.query, And) else [self.query]
            plain = [clause for clause in clauses if not expanded_clause(clause)]
            ranks = []
            if plain:
                query = plain[0] if len(plain) == 1 else And(plain)
                ranks.append(self.build_tsrank(vector, query, config=config))
            for clause in clauses:
                if expanded_clause(clause):
                    tsquery = self.build_tsquery(clause, config=config)
                    ranks.append(
                        Case(
                            When(
                                Matches(vector, tsquery),
                                then=SearchRank(vector, tsquery, weights=self.sql_weights),
                            ),
                            default=Value(0.0),
                            output_field=FloatField(),
                        )
                    )
            rank = ranks[0]
            for other in ranks[1:]:
                rank += other
            return rank

        def _build_rank_expression(self, vectors, config):
            if self.fields is not None or not vectors:
                return super()._build_rank_expression(vectors, config)
            # The index entries' vectors: (title, title_norm), then the body.
            (title, title_norm), *others = vectors
            rank = self._title_rank(title, config) * title_norm
            for vector, boost in others:
                rank += self.build_tsrank(vector, self.query, config=config) * boost
            return rank

    return SingleRankCompiler


@functools.cache  # a class per base, made once per process (#16)
def entry_compiler(base):
    """``base`` (a modelsearch PostgreSQL compiler) over our documents' own index table
    (``DocumentEntry``) instead of modelsearch's generic entries: the same vectors, read
    from the row itself rather than through the ``index_entries`` relation."""

    class EntryCompiler(base):
        def get_config(self, backend):
            if self.TARGET_SEARCH_FIELD_TYPE is not SearchField:
                return super().get_config(backend)  # autocomplete: the backend's own
            return search_config_for(backend, SearchDocument)

        def get_search_fields_for_model(self):
            if self.TARGET_SEARCH_FIELD_TYPE is not SearchField:
                return SearchDocument.get_autocomplete_search_fields()
            return SearchDocument.get_searchable_search_fields()

        def get_index_vectors(self, search_query):
            if self.TARGET_SEARCH_FIELD_TYPE is not SearchField:
                return [(F("autocomplete"), 1.0)]
            return [(F("title"), F("title_norm")), (F("body"), 1.0)]

    return EntryCompiler


class ModelConfigCompilerMixin:
    """A PostgreSQL query compiler querying each model with its own text search
    configuration (``search.backends.postgres``)."""

    def get_config(self, backend):
        return search_config_for(backend, self.queryset.model)


def prepared_texts(backend, obj, search_fields):
    """The text modelsearch's PostgreSQL writer indexes for each of ``search_fields`` of
    ``obj`` (``ObjectIndexer.prepare_field``), in order."""
    indexer = ObjectIndexer(obj, backend)
    texts = []
    for search_field in search_fields:
        ((_field, _weight, value),) = indexer.prepare_field(obj, search_field)
        texts.append(value)
    return texts


def vector_weight(boost):
    """The ``setweight`` letter modelsearch gives a field of that boost."""
    return get_weight(boost)


# --- Elasticsearch and OpenSearch ------------------------------------------------------------


def compile_plaintext(compiler, text):
    """The query modelsearch's Elasticsearch ``compiler`` makes of ``text`` (every word,
    over the mapping's fields and boosts): one alternative of a clause."""
    return compiler._compile_plaintext_query(
        PlainText(text, operator="and"), compiler.remapped_fields
    )


class EngineTextFieldDataMixin:
    """A mapping (``FrenchMappingMixin``) indexing our documents' readable text."""

    def _get_document_field_data(self, field, obj):
        if isinstance(field, SearchField) and hasattr(obj, "engine_text"):
            # Our documents expose analysed terms to the database backends; the engine gets
            # readable French and analyses it with its French analyzers (``french``). Not
            # computed through ``super()``: it would analyse the text for the database
            # first, for nothing.
            return self.get_field_column_name(field), obj.engine_text(field.field_name), []
        return super()._get_document_field_data(field, obj)

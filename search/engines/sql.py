"""The search statement of the database engines: the page's ids, the total and every facet
count in one statement, so that the match and the ranking run once.

The matched set (audience, time rule, dates and the match, with its score) is a common table
expression ``m``; each selected facet filter is a 0/1 column of it (``f_<facet>``), so that
the total and the page take the rows that pass them all while each facet counts under its own
rule (``search.engines.facets``). Hand-written SQL, measured with ``bench/search.py`` (see
docs/benchmarks.md): the ORM would run the match once per count.
"""

from dataclasses import dataclass

from django.db import connections
from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Value, When

from search.engines.facets import where
from search.engines.request import FACET_SIZE, FACETS, LABELLED_FACETS
from search.engines.results import FacetBucket
from search.models import FacetValue, Kind


def filter_queryset(queryset, filters):
    """The ORM form of the filters (database engine and fallback)."""
    if filters.kind:
        queryset = queryset.filter(kind__in=filters.kind)
    if filters.year:
        queryset = queryset.filter(year__in=filters.year)
    if filters.space:
        queryset = queryset.filter(space_id__in=filters.space)
    for facet, facet_value in LABELLED_FACETS.items():
        slugs = filters.selected(facet)
        if slugs:
            tagged = FacetValue.objects.filter(facet=facet_value, slug__in=slugs)
            queryset = queryset.filter(pk__in=tagged.values("document_id"))
    start, end = filters.date_bounds()
    if start:
        queryset = queryset.filter(date__gte=start)
    if end:
        queryset = queryset.filter(date__lt=end)
    return queryset


def _flag(condition):
    """1 when ``condition`` holds for the row, else 0 (portable: no boolean columns)."""
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def facet_flags(filters):
    """One condition per selected facet filter, as ``{facet: condition}``."""
    flags = {}
    for facet, lookup in (("kind", "kind__in"), ("year", "year__in"), ("space", "space_id__in")):
        if filters.selected(facet):
            flags[facet] = Q(**{lookup: filters.selected(facet)})
    for facet, facet_value in LABELLED_FACETS.items():
        slugs = filters.selected(facet)
        if slugs:
            tagged = FacetValue.objects.filter(
                document_id=OuterRef("pk"), facet=facet_value, slug__in=slugs
            )
            flags[facet] = Q(Exists(tagged))
    return flags


#: Columns of the matched set the statement reads, then one ``f_<facet>`` flag per filter.
MATCHED_COLUMNS = ("id", "kind", "year", "space_id", "space_name", "date")
SCORE = "search_score"


@dataclass(frozen=True)
class PageOrder:
    """How the page is sorted, as SQL over the matched set's columns."""

    scored: bool  # the matched set carries the relevance score
    by_score: bool  # relevance order (else newest first)
    score_direction: str = "DESC"  # SQLite's bm25: lower is better, "ASC"

    def sql(self, alias):
        if self.by_score:
            return f"{alias}.score {self.score_direction}, {alias}.id DESC"
        return f"{alias}.date DESC NULLS LAST, {alias}.id DESC"


def flagged_values(queryset, filters, *extra):
    """``queryset`` as the matched set's columns (``MATCHED_COLUMNS``, then ``extra``, then
    one 0/1 flag per selected facet filter): ``(sql, params, flag names by facet)``."""
    flags = facet_flags(filters)
    names = {facet: f"f_{facet}" for facet in flags}
    queryset = queryset.order_by().annotate(
        **{names[facet]: _flag(condition) for facet, condition in flags.items()}
    )
    queryset = queryset.values("pk", *MATCHED_COLUMNS[1:], *extra, *names.values())
    sql, params = queryset.query.sql_with_params()
    return sql, params, names


def matched_sql(base, filters, scored, facet_columns=()):
    """The matched set of ``base`` (audience, dates and the match, with its score as
    ``SCORE`` when ``scored``, and the columns the facet strategy reads) in the columns
    ``search_sql`` reads."""
    return flagged_values(base, filters, *([SCORE] if scored else []), *facet_columns)


@dataclass(frozen=True)
class Narrowing:
    """What the ORM compiles of a matched set whose score and match are written as SQL text
    (``search.engines.postgres_ranking``): its columns around the score, the where clause of
    the rows the caller may read (audience, time rule, filters) and the condition of each
    facet flag. Same columns, same rows as ``matched_sql`` over the compiler's queryset
    (``tests/search/test_postgres_ranking.py``), at a fraction of the CPU: the expression
    trees of the score are what cost (#16). A function of the audience tokens, the filters
    and the code that narrows alone, once the time of the request is a parameter (``at``):
    the PostgreSQL engine keeps it (``PostgresEngine._narrowing``)."""

    alias: str  # the database it is compiled for
    table: str
    before: tuple  # the columns before the score
    after: tuple  # after it: the facet columns, then the flags
    flag_params: tuple
    where_sql: str
    where_params: tuple
    names: dict
    #: The positions in ``where_params`` of the time of the request, when one was given.
    at_positions: tuple = ()

    def matched_sql(self, score, match, now=None):
        """``(sql, params, flag names)``; ``now``: the time of the request, in place of the
        one the narrowing was compiled with."""
        where_params = list(self.where_params)
        if self.at_positions:
            if now is None:
                raise ValueError("This narrowing needs the time of the request.")
            # As the ORM passes it (``narrowing`` found the time it was built at so).
            now = connections[self.alias].ops.adapt_datetimefield_value(now)
            for position in self.at_positions:
                where_params[position] = now
        columns = ", ".join((*self.before, score[0], *self.after))
        sql = f"SELECT {columns} FROM {self.table} WHERE ({self.where_sql}) AND {match[0]}"
        params = [*score[1], *self.flag_params, *where_params, *match[1]]
        return sql, params, self.names


def narrowing(narrowed, filters, facet_columns=(), at=None):
    """The ``Narrowing`` of ``narrowed`` (a queryset of the rows the caller may read, filtered)
    and the facet flags of ``filters``. ``at``: the time ``narrowed`` was built with, found
    among the where clause's parameters (at least once: the time rule) so that another time
    can take its place."""
    query = narrowed.query
    compiler = query.get_compiler(using=narrowed.db)
    meta, quote = query.model._meta, compiler.quote_name_unless_alias
    table = quote(meta.db_table)

    def column(name):
        return f"{table}.{quote(meta.get_field(name).column)}"

    where_sql, where_params = compiler.compile(query.where)
    flags = facet_flags(filters)
    names = {facet: f"f_{facet}" for facet in flags}
    flag_columns, flag_params = [], []
    for condition in flags.values():
        sql, params = compiler.compile(query.build_where(condition))
        flag_columns.append(f"CASE WHEN {sql} THEN 1 ELSE 0 END")
        flag_params += params
    at_positions = ()
    if at is not None:
        adapted = connections[narrowed.db].ops.adapt_datetimefield_value(at)
        at_positions = tuple(i for i, value in enumerate(where_params) if value == adapted)
        if not at_positions:
            raise ValueError("The narrowed rows do not depend on the time they were built at.")
    return Narrowing(
        alias=narrowed.db,
        table=table,
        before=(column(meta.pk.name), *(column(name) for name in MATCHED_COLUMNS[1:])),
        after=(*(column(name) for name in facet_columns), *flag_columns),
        flag_params=tuple(flag_params),
        where_sql=where_sql,
        where_params=tuple(where_params),
        names=names,
        at_positions=at_positions,
    )


def search_sql(matched, order, offset, limit, facet_counts, with_facets=True):
    """The page's ids, the total and every facet count in one statement: ``(sql, params)``.

    ``matched`` is ``(sql, params, flag names)`` of the matched set *without* the facet
    filters (``matched_sql``): a common table expression, so the match and the ranking are
    evaluated once. ``facet_counts``: the engine's strategy (``search.engines.facets``),
    whose columns the matched set carries.
    Rows: ``(facet, value, label, count)``; ``facet`` is ``"total"`` for the total, ``"page"``
    for the ids of the page (``count`` being the position).
    """
    inner_sql, params, names = matched
    columns = ", ".join(
        (
            *MATCHED_COLUMNS,
            *(["score"] if order.scored else []),
            *facet_counts.columns,
            *names.values(),
        )
    )
    page_columns = "m.id, m.date" + (", m.score" if order.scored else "")
    branches = [
        f"SELECT 'total', NULL, NULL, COUNT(*) FROM m{where(names)}",
        # Positions numbered on the page's own rows: the order survives UNION ALL.
        f"SELECT 'page', CAST(p.id AS TEXT), NULL, ROW_NUMBER() OVER (ORDER BY {order.sql('p')})"
        f" FROM (SELECT {page_columns} FROM m{where(names)} ORDER BY {order.sql('m')}"
        f" LIMIT {int(limit)} OFFSET {int(offset)}) AS p",
    ]
    expressions = [f"m ({columns}) AS ({inner_sql})"]
    if with_facets:
        more, facet_branches = facet_counts.statement(names)
        expressions += more
        branches += facet_branches
    return f"WITH {', '.join(expressions)} " + " UNION ALL ".join(branches), params


def _facet_key(facet, value):
    return int(value) if facet in ("year", "space") else value


def read_rows(rows):
    """``(page ids, total, {facet: [FacetBucket]})`` from the rows of ``search_sql``, each
    facet in the order people read it, at most ``FACET_SIZE`` values."""
    total, page, counts = 0, [], {facet: [] for facet in FACETS}
    kind_labels = dict(Kind.choices)
    labelled = {str(facet_value): facet for facet, facet_value in LABELLED_FACETS.items()}
    for facet, value, label, count in rows:
        facet = labelled.get(facet, facet)
        if facet == "total":
            total = count
        elif facet == "page":
            page.append((count, int(value)))
        elif facet == "kind":
            counts[facet].append(FacetBucket(value, kind_labels.get(value, value), count))
        elif facet == "year":
            counts[facet].append(FacetBucket(int(value), str(int(value)), count))
        else:
            counts[facet].append(FacetBucket(_facet_key(facet, value), label, count))
    counts["kind"].sort(key=lambda bucket: (-bucket.count, bucket.value))
    counts["year"].sort(key=lambda bucket: -bucket.value)
    for facet in ("space", "theme", "territory"):
        counts[facet].sort(key=lambda bucket: (-bucket.count, bucket.label))
    ids = [pk for _position, pk in sorted(page)]
    return ids, total, {facet: values[:FACET_SIZE] for facet, values in counts.items()}

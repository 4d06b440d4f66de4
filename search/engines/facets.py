"""Facet counts: one rule, one way of counting it per engine.

**The rule: each facet counts the rows that pass every selected filter but its own**; the
total and the page take the rows that pass them all. So the values of a facet not chosen yet
stay visible with the count they would give: choosing a theme does not hide the other themes.
``counted_under`` states it once; each strategy applies it in its engine's terms:

- ``JoinedFacetCounts`` (SQLite FTS, and the fallback on any database): one ``GROUP BY`` per
  column facet, themes and territories counted by joining the facet values;
- ``SlugArrayFacetCounts`` (PostgreSQL, a search without words, over the documents):
  themes and territories from the rows' own slug arrays, no join;
- ``GroupingSetsFacetCounts`` (PostgreSQL, a search with words, over the index entries):
  every facet in one pass with ``GROUPING SETS``;
- ``AggregationFacets`` (Elasticsearch and OpenSearch): one terms aggregation per facet,
  grouped under one filter aggregation per set of conditions.

The SQL strategies see each selected facet filter as a 0/1 column of the matched set ``m``
(``names``: ``{facet: "f_<facet>"}``, see ``search.engines.sql``) and add branches of
``(facet, value, label, count)`` to the search statement's ``UNION ALL``.
"""

from django.db import connections, router

from cms import compiled
from search.engines.request import FACET_SIZE, FACETS, LABELLED_FACETS
from search.engines.results import FacetBucket
from search.models import DocumentEntry, FacetValue, Kind, SearchDocument, space_audience


def counted_under(conditions, facet=None):
    """The rule: of ``conditions`` (``{facet: condition}``, one per selected filter), those
    the counts of ``facet`` obey, i.e. every one but its own. ``facet=None``: the total and
    the page, which obey them all."""
    return [condition for other, condition in conditions.items() if other != facet]


# --- SQL, over the matched set ``m`` of ``search.engines.sql.search_sql`` ---------------------


def passes(names, facet=None, *extra):
    """The SQL conditions of the rows ``facet`` counts (``extra`` first, then the rule)."""
    return [*extra, *(f"m.{name} = 1" for name in counted_under(names, facet))]


def where(names, facet=None, *extra):
    conditions = passes(names, facet, *extra)
    return f" WHERE {' AND '.join(conditions)}" if conditions else ""


#: The document columns of the theme and territory slugs (PostgreSQL strategies).
SLUG_COLUMNS = ("themes", "territories")


def _column_facet_branches(names):
    """Kind, year and space: columns of the matched set, one ``GROUP BY`` each."""
    return [
        f"SELECT 'kind', m.kind, NULL, COUNT(*) FROM m{where(names, 'kind')} GROUP BY m.kind",
        "SELECT 'year', CAST(m.year AS TEXT), NULL, COUNT(*) FROM m"
        f"{where(names, 'year', 'm.year IS NOT NULL')} GROUP BY m.year",
        "SELECT 'space', CAST(m.space_id AS TEXT), m.space_name, COUNT(*) FROM m"
        f"{where(names, 'space', 'm.space_id IS NOT NULL')} GROUP BY m.space_id, m.space_name",
    ]


class JoinedFacetCounts:
    """SQLite FTS and the fallback: themes and territories counted by joining the facet
    values, in one pass over them (one join, not two)."""

    #: Matched-set columns needed besides ``search.engines.sql.MATCHED_COLUMNS``.
    columns = ()

    def statement(self, names):
        """``(common table expressions, UNION ALL branches)`` counting every facet."""
        facet_values = FacetValue._meta.db_table
        # ``facet_value`` is one of our constants, never user input.
        per_facet = []
        for facet, facet_value in LABELLED_FACETS.items():
            conditions = passes(names, facet, f"fv.facet = '{facet_value}'")
            per_facet.append(f"({' AND '.join(conditions)})")
        joined = (
            "SELECT fv.facet, fv.slug, fv.name, COUNT(*) FROM m "
            f"JOIN {facet_values} fv ON fv.document_id = m.id "
            f"WHERE {' OR '.join(per_facet)} GROUP BY fv.facet, fv.slug, fv.name"
        )
        return [], [*_column_facet_branches(names), joined]


def _label_of_slug_sql(counts):
    """``counts`` (``facet, slug, n`` rows) with each slug's label: one index probe of the
    facet values per value shown. A slug filed under several names (renamed since some
    documents were indexed) shows one of them."""
    return (
        "SELECT c.facet, c.slug, (SELECT fv.name FROM "
        f"{FacetValue._meta.db_table} fv WHERE fv.facet = c.facet AND fv.slug = c.slug LIMIT 1),"
        f" c.n FROM ({counts}) AS c"
    )


class SlugArrayFacetCounts:
    """PostgreSQL, a search without words (over the documents, whose slugs are ``jsonb``
    arrays): themes and territories counted from the matched rows' slug arrays, no join with
    the facet values, whose table is only read for the label of each slug counted.

    The rows are first grouped by their whole array (few distinct combinations), each
    combination's arrays then expanded once: a third of the time of expanding every row's."""

    columns = SLUG_COLUMNS

    def statement(self, names):
        counts = " UNION ALL ".join(
            f"SELECT '{facet_value}' AS facet, s.slug, SUM(g.n) AS n "
            f"FROM (SELECT m.{column} AS slugs, COUNT(*) AS n FROM m{where(names, facet)} "
            f"GROUP BY m.{column}) AS g "
            "CROSS JOIN LATERAL jsonb_array_elements_text(g.slugs) AS s (slug) GROUP BY s.slug"
            for (facet, facet_value), column in zip(
                LABELLED_FACETS.items(), SLUG_COLUMNS, strict=True
            )
        )
        return [], [*_column_facet_branches(names), _label_of_slug_sql(counts)]


#: The grouping set of each facet over the matched rows (``GroupingSetsFacetCounts``).
GROUPED_FACETS = {
    "kind": ("m.kind",),
    "year": ("m.year",),
    "space": ("m.space_id", "m.space_name"),
    "theme": ("m.themes",),
    "territory": ("m.territories",),
}


class GroupingSetsFacetCounts:
    """PostgreSQL, a search with words (over the index entries, whose theme and territory
    slugs are space-separated text): every facet counted in one pass over the matched rows.
    ``GROUPING SETS`` hashes each row once into every facet's table, where five ``GROUP BY``
    read the rows five times (half the time on « formation », 16,000 rows).

    The rule is part of each facet's grouping set: the condition "passes every selected
    filter but mine" is grouped on, and only its true groups are kept."""

    columns = SLUG_COLUMNS

    def statement(self, names):
        separator = DocumentEntry.SLUG_SEPARATOR

        def passes_others(facet):
            conditions = passes(names, facet)
            return f"({' AND '.join(conditions)})" if conditions else "TRUE"

        def grouping_set(facet, columns):
            condition = passes_others(facet)  # a constant cannot be grouped on: left out
            return f"({', '.join((*columns, *([condition] if condition != 'TRUE' else [])))})"

        sets = ", ".join(grouping_set(facet, columns) for facet, columns in GROUPED_FACETS.items())
        columns = ", ".join(
            f"GROUPING({columns[0]}) AS g_{facet}, {passes_others(facet)} AS ok_{facet}"
            for facet, columns in GROUPED_FACETS.items()
        )
        grouped = (
            f"g AS (SELECT {columns}, m.kind, m.year, m.space_id, m.space_name, m.themes, "
            f"m.territories, COUNT(*) AS n FROM m GROUP BY GROUPING SETS ({sets}))"
        )

        def rows_of(facet, *extra):
            return f"g.g_{facet} = 0 AND g.ok_{facet}" + "".join(f" AND {e}" for e in extra)

        branches = [
            f"SELECT 'kind', g.kind, NULL, g.n FROM g WHERE {rows_of('kind')}",
            f"SELECT 'year', CAST(g.year AS TEXT), NULL, g.n FROM g "
            f"WHERE {rows_of('year', 'g.year IS NOT NULL')}",
            f"SELECT 'space', CAST(g.space_id AS TEXT), g.space_name, g.n FROM g "
            f"WHERE {rows_of('space', 'g.space_id IS NOT NULL')}",
        ]
        counts = " UNION ALL ".join(
            # SUM of a bigint is a numeric on PostgreSQL, and in a UNION ALL every branch
            # takes the wider type: without the cast, the total and every count came out as
            # 17.0.
            f"SELECT '{facet_value}' AS facet, s.slug, CAST(SUM(g.n) AS BIGINT) AS n FROM g "
            f"CROSS JOIN LATERAL unnest(string_to_array(g.{column}, '{separator}')) AS s (slug) "
            f"WHERE {rows_of(facet)} AND s.slug <> '' GROUP BY s.slug"
            for (facet, facet_value), column in zip(
                LABELLED_FACETS.items(), SLUG_COLUMNS, strict=True
            )
        )
        branches.append(_label_of_slug_sql(counts))
        return [grouped], branches


# --- Elasticsearch and OpenSearch ------------------------------------------------------------


class AggregationFacets:
    """Elasticsearch and OpenSearch: the selected facet filters go to ``post_filter`` (hits
    and total obey them all) and into the *other* facets' counts.

    Each facet is a ``terms`` aggregation named after it. Facets whose counts obey the same
    conditions sit together under one ``filter`` aggregation (``GROUP_PREFIX`` and the
    facets they obey, e.g. ``under_kind``); those that obey none are at the top, unwrapped.
    The node tests each matched row once per group rather than once per facet: with one
    filter selected, two groups instead of five filters, none without a filter (100,000
    documents, the queries of bench.search: a tenth of the node's time, #9 §4)."""

    #: The name of a group's ``filter`` aggregation: this, then the facets it obeys.
    GROUP_PREFIX = "under_"

    def __init__(self, columns):
        self.columns = columns  # {facet: the mapping's field name}

    def filter_clauses(self, filters):
        """``{facet: terms clause}`` of the selected facet filters, in ``FACETS`` order."""
        return {
            facet: {"terms": {self.columns[facet]: list(filters.selected(facet))}}
            for facet in FACETS
            if filters.selected(facet)
        }

    def post_filter(self, filters):
        clauses = counted_under(self.filter_clauses(filters))
        return {"bool": {"filter": clauses}} if clauses else None

    def aggregations(self, filters):
        clauses = self.filter_clauses(filters)
        aggregations, groups = {}, {}
        for facet in FACETS:
            terms = {"terms": {"field": self.columns[facet], "size": FACET_SIZE}}
            obeyed = tuple(other for other in clauses if other != facet)  # ``counted_under``
            if not obeyed:
                aggregations[facet] = terms
                continue
            name = self.GROUP_PREFIX + "_".join(obeyed)
            group = groups.setdefault(
                name, {"filter": {"bool": {"filter": counted_under(clauses, facet)}}, "aggs": {}}
            )
            group["aggs"][facet] = terms
        return {**aggregations, **groups}

    def counts(self, aggregations):
        """``{facet: [(value, count)]}`` of the response's aggregations, unlabelled."""
        found = {name: answer for name, answer in aggregations.items() if name in FACETS}
        for name, answer in aggregations.items():
            if name.startswith(self.GROUP_PREFIX):
                found.update((facet, answer[facet]) for facet in FACETS if facet in answer)
        return {
            facet: [(bucket["key"], bucket["doc_count"]) for bucket in found[facet]["buckets"]]
            for facet in FACETS
            if facet in found
        }

    @staticmethod
    def labelled(counts, labels):
        """``{facet: [FacetBucket]}``: ``counts`` with their ``labels``, in the engine's
        order."""
        return {
            facet: [
                FacetBucket(key, labels[facet].get(key, str(key)), count) for key, count in buckets
            ]
            for facet, buckets in counts.items()
        }

    def labels(self, counts):
        """``{facet: {value: label}}`` of ``counts`` in at most one query
        (``label_statement``)."""
        (labels,) = compiled.read_together(self.labels_reading(counts))
        return labels

    def labels_reading(self, counts):
        """``labels``, to be read with other statements (``compiled.read_together``)."""
        labels = {facet: {} for facet in FACETS}
        labels["kind"] = dict(Kind.choices)
        labels["year"] = {key: str(key) for key, _ in counts.get("year", [])}
        slugs = [
            (facet_value, key)
            for facet, facet_value in LABELLED_FACETS.items()
            for key, _ in counts.get(facet, [])
        ]
        space_ids = [key for key, _ in counts.get("space", [])]
        if not slugs and not space_ids:
            return compiled.Reading(None, lambda _rows: labels)
        facet_of = {str(facet_value): facet for facet, facet_value in LABELLED_FACETS.items()}
        vendor = connections[router.db_for_read(FacetValue)].vendor
        sql, params = label_statement(slugs, space_ids, vendor)

        def labelled(rows):
            for facet_value, key, label in rows:
                if label is None:  # no document or facet value of that value left
                    continue
                if facet_value == "space":
                    labels["space"][int(key)] = label
                else:
                    labels[facet_of[facet_value]][key] = label
            return labels

        return compiled.Reading(compiled.Written(FacetValue, sql, tuple(params)), labelled)


def label_statement(slugs, space_ids, vendor=None):
    """One statement for the labels of an engine's facet counts: ``(sql, params)`` whose rows
    are ``(facet, value, label)``.

    ``slugs`` (``(facet value, slug)`` pairs): one probe of the facet values' index per slug,
    as the database engine labels its counts (``_label_of_slug_sql``: a slug filed under
    several names shows one of them). ``space_ids``: the spaces' names, one probe of a
    space's documents each (see below). It replaced two queries, the first of which read
    every facet value row of the slugs counted, one per document (« politique de la ville »,
    member of 20 spaces, 10,000 documents: 1.0 ms of Python and 8 ms in PostgreSQL;
    ``bench/search_cost.py``, #16).
    """
    facet_values, documents = FacetValue._meta.db_table, SearchDocument._meta.db_table
    if vendor == "postgresql":
        return _label_statement_of_arrays(slugs, space_ids, facet_values, documents)
    branches, params = [], []
    for facet_value, slug in slugs:
        branches.append(
            f"SELECT %s, %s, (SELECT fv.name FROM {facet_values} fv "
            "WHERE fv.facet = %s AND fv.slug = %s LIMIT 1)"
        )
        params += [str(facet_value), slug, str(facet_value), slug]
    for space_id in space_ids:
        # One document of the space names it, found through the audience index (whose
        # entries carry ``space_name``): a space's documents have its audience token
        # (``search.documents``). ``space_id IN (…)`` has no index and read every document:
        # 100,000 documents, a member of 20 spaces, this statement 120–155 → 11–17 ms at a
        # load of 7 (#9 §4).
        branches.append(
            f"SELECT 'space', %s, (SELECT d.space_name FROM {documents} d "
            "WHERE d.audience = %s AND d.space_id = %s LIMIT 1)"
        )
        params += [str(space_id), space_audience(space_id), int(space_id)]
    return " UNION ALL ".join(branches), params


def _label_statement_of_arrays(slugs, space_ids, facet_values, documents):
    """``label_statement`` on PostgreSQL: the same probes, over the values passed as arrays.
    Four parameters whatever the number of values, so the driver keeps the statement's parsed
    form (psycopg caches it up to 50 parameters; 20 slugs made 80, parsed again at every
    search)."""
    branches, params = [], []
    if slugs:
        branches.append(
            f"SELECT w.facet, w.slug, (SELECT fv.name FROM {facet_values} fv "
            "WHERE fv.facet = w.facet AND fv.slug = w.slug LIMIT 1) "
            "FROM unnest(%s::text[], %s::text[]) AS w (facet, slug)"
        )
        params += [[str(facet_value) for facet_value, _ in slugs], [slug for _, slug in slugs]]
    if space_ids:
        branches.append(
            f"SELECT 'space', CAST(s.id AS TEXT), (SELECT d.space_name FROM {documents} d "
            "WHERE d.audience = s.audience AND d.space_id = s.id LIMIT 1) "
            "FROM unnest(%s::text[], %s::bigint[]) AS s (audience, id)"
        )
        params += [[space_audience(space_id) for space_id in space_ids], list(map(int, space_ids))]
    return " UNION ALL ".join(branches), params

"""The Elasticsearch and OpenSearch engine: one request with the match (compiled by
modelsearch's query compiler, so field names and boosts follow the mapping), our filters and
the facet aggregations (``search.engines.facets.AggregationFacets``)."""

from django.utils import timezone

from cms import compiled
from search.backends.modelsearch_adapter import compile_plaintext
from search.engines.errors import engine_error
from search.engines.facets import AggregationFacets
from search.engines.limits import engine_timeout
from search.engines.request import ALL_WORDS, ANY_WORD, DATE, plan_to_query
from search.engines.results import EngineResult, page_documents, page_documents_reading
from search.models import SearchDocument, is_restricted_audience

#: What each hit brings back: its ``pk``, read from doc values. Lucene keeps a document's
#: stored fields in compressed blocks together with its whole ``_source`` (every text of it):
#: ``"stored_fields": ["pk"]`` decompressed those for each hit of the page (100,000
#: documents, the bench's queries: fetch phase 2.9–3.2 → 0.6 ms per search, #9 §4).
#: ``_none_`` also leaves out ``_id`` (a stored field too); ``_source`` must stay off with it.
HIT_FIELDS = {"_source": False, "stored_fields": ["_none_"], "docvalue_fields": ["pk"]}


def fuzzy(query):
    """``query`` (a ``multi_match`` or ``match`` compiled by modelsearch) tolerating typos:
    ``fuzziness: AUTO`` on each of its ``multi_match`` or ``match`` clauses."""
    if isinstance(query, dict):
        for key, value in query.items():
            if key == "multi_match" and isinstance(value, dict):
                value.setdefault("fuzziness", "AUTO")
                if value.get("type") in ("cross_fields", "phrase", "phrase_prefix"):
                    value["type"] = "best_fields"  # fuzziness is refused for these types
            elif key == "match" and isinstance(value, dict):
                for options in value.values():
                    if isinstance(options, dict):
                        options.setdefault("fuzziness", "AUTO")
            else:
                fuzzy(value)
    elif isinstance(query, list):
        for item in query:
            fuzzy(item)
    return query


class ElasticsearchEngine:
    name = "elasticsearch"

    def __init__(self, backend):
        self.backend = backend
        self.mapping = backend.mapping_class(SearchDocument)
        filter_fields = {f.field_name: f for f in SearchDocument.get_filterable_search_fields()}
        self.columns = {
            name: self.mapping.get_field_column_name(filter_fields[attribute])
            for name, attribute in {
                "audience": "audience",
                "kind": "kind",
                "theme": "theme_slugs",
                "territory": "territory_slugs",
                "space": "space_id",
                "year": "year",
                "date": "date",
                "visible_from": "visible_from",
                "visible_until": "visible_until",
            }.items()
        }
        self.facets = AggregationFacets(self.columns)

    @property
    def index_name(self):
        return self.backend.get_index_for_model(SearchDocument).name

    def audience_filter(self, audience):
        """``search.models.audience_condition``: the tokens, and a prefix per restricted token."""
        column = self.columns["audience"]
        terms = {"terms": {column: sorted(t for t in audience if not is_restricted_audience(t))}}
        prefixes = [{"prefix": {column: t}} for t in sorted(audience) if is_restricted_audience(t)]
        if not prefixes:
            return terms
        return {"bool": {"should": [terms, *prefixes], "minimum_should_match": 1}}

    def time_filters(self, now):
        """``search.models.readable_now`` for the engine: no go-live date or one passed, no
        expiry date or one still ahead (hits, total and aggregations all obey it)."""
        now = now.isoformat()

        def missing_or(column, bound):
            return {
                "bool": {
                    "should": [
                        {"bool": {"must_not": {"exists": {"field": self.columns[column]}}}},
                        {"range": {self.columns[column]: bound}},
                    ],
                    "minimum_should_match": 1,
                }
            }

        return [missing_or("visible_from", {"lte": now}), missing_or("visible_until", {"gt": now})]

    def inner_query(self, plan, match=ALL_WORDS):
        """``ANY_WORD`` (approximate results): any clause, each word matched with the
        engine's fuzziness (``AUTO``: one edit from 3 letters, two from 6), so a misspelt word
        still finds its document; the score puts the documents with the most words first."""
        if plan.is_empty:
            return {"match_all": {}}
        # One multi_match per alternative over the mapping's fields and boosts (compiled by
        # modelsearch), an OR of alternatives per clause, an AND of clauses.
        compiler = self.backend.query_compiler_class(
            SearchDocument.objects.none(), plan_to_query(plan, analysed=False)
        )
        clauses = []
        for clause in plan.clauses:
            alternatives = [compile_plaintext(compiler, alt.text) for alt in clause.alternatives]
            if match == ANY_WORD:
                alternatives = [fuzzy(alternative) for alternative in alternatives]
            if len(alternatives) == 1:
                clauses.append(alternatives[0])
            else:
                clauses.append({"bool": {"should": alternatives, "minimum_should_match": 1}})
        if len(clauses) == 1:
            return clauses[0]
        if match == ANY_WORD:
            return {"bool": {"should": clauses, "minimum_should_match": 1}}
        return {"bool": {"must": clauses}}

    def body(self, request):
        """The whole request body. Pure: built and inspected without a cluster in the tests.

        The audience filter sits in ``query.bool.filter``, which scopes hits, the total and
        every aggregation; facet filters go to ``post_filter`` and into the other facets'
        aggregations, so that each facet also counts the values not selected yet.
        """
        # The same content type filter modelsearch's compiler adds (one index may hold
        # several models), then the audience.
        content_type = {"match": {"_django_content_type": self.mapping.get_content_type()}}
        query_filters = [
            content_type,
            self.audience_filter(request.audience),
            *self.time_filters(request.now),
        ]
        start, end = request.filters.date_bounds()
        date_range = {}
        if start:
            date_range["gte"] = start.isoformat()
        if end:
            date_range["lt"] = end.isoformat()
        if date_range:
            query_filters.append({"range": {self.columns["date"]: date_range}})
        body = {
            "query": {
                "bool": {
                    "must": self.inner_query(request.plan, request.match),
                    "filter": query_filters,
                }
            },
            "from": request.offset,
            "size": request.limit,
            "track_total_hits": True,
            **HIT_FIELDS,
        }
        post_filter = self.facets.post_filter(request.filters)
        if post_filter:
            body["post_filter"] = post_filter
        date_sort = {self.columns["date"]: {"order": "desc", "missing": "_last"}}
        if request.sort == DATE or request.plan.is_empty:
            body["sort"] = [date_sort, {"pk": "desc"}]
        else:
            body["sort"] = ["_score", date_sort]
        if request.with_facets:
            body["aggs"] = self.facets.aggregations(request.filters)
        return body

    def _search(self, body):
        """One search request, bounded by ``SEARCH_ENGINE_TIMEOUT`` whatever the client: the
        Elasticsearch 8/9 clients take it through ``options()``, opensearch-py as a
        ``request_timeout`` argument (it has no ``options``); a slow cluster must not hold a
        web worker for the backend's own ``TIMEOUT`` (several seconds, meant for indexing)."""
        client, timeout = self.backend.es, engine_timeout()
        try:
            if self.backend.use_new_elasticsearch_api:
                return client.options(request_timeout=timeout).search(index=self.index_name, **body)
            return client.search(index=self.index_name, body=body, request_timeout=timeout)
        except Exception as error:  # transport, timeout, cluster errors of either client
            raise engine_error(error) from error

    @staticmethod
    def _hit_pks(response):
        return [int(hit["fields"]["pk"][0]) for hit in response["hits"]["hits"]]

    def _documents(self, response):
        """The hits' documents, in the hits' order (those deleted since are left out)."""
        return page_documents(self._hit_pks(response))

    def search(self, request):
        response = self._search(self.body(request))
        total = response["hits"]["total"]
        total = total["value"] if isinstance(total, dict) else total
        documents, facets = self._read_page(response)
        return EngineResult(documents, total, facets)

    def _read_page(self, response):
        """The hits' documents and the labelled facet counts: the documents and the labels
        read in one round trip."""
        counts = self.facets.counts(response.get("aggregations", {}))
        documents, labels = compiled.read_together(
            page_documents_reading(self._hit_pks(response)), self.facets.labels_reading(counts)
        )
        return documents, self.facets.labelled(counts, labels)

    def suggest_query(self, audience, prefix, now=None):
        """The autocomplete request: modelsearch's compiler for the match (and the content
        type), then the same audience and time filters as a search (``body``)."""
        compiler = self.backend.autocomplete_query_compiler_class(
            SearchDocument.objects.all(), prefix, operator="and"
        )
        filters = [
            *compiler.get_filters(),  # the content type (one index may hold several models)
            self.audience_filter(audience),
            *self.time_filters(now or timezone.now()),
        ]
        return {"bool": {"must": compiler.get_inner_query(), "filter": filters}}

    def suggest_body(self, audience, prefix, limit, now=None):
        return {
            "query": self.suggest_query(audience, prefix, now),
            "size": limit,
            **HIT_FIELDS,
        }

    def suggest(self, audience, prefix, limit):
        # Sent by us rather than through ``backend.autocomplete`` so that the same time bound
        # applies (modelsearch's call waits for the backend's indexing ``TIMEOUT``).
        return self._documents(self._search(self.suggest_body(audience, prefix, limit)))

"""What the Elasticsearch and OpenSearch backends add to modelsearch's: French analyzers on
every text field, and the readable rewrite of our documents instead of their analysed terms."""

import datetime
from copy import deepcopy

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from modelsearch.index import AutocompleteField, FilterField, SearchField
from modelsearch.utils import deep_update

from .french import (
    AUTOCOMPLETE_SEARCH_ANALYZER,
    INDEX_ANALYZER,
    PREPARED_INDEX_ANALYZER,
    SEARCH_ANALYZER,
    french_analysis_settings,
)
from .modelsearch_adapter import EngineTextFieldDataMixin

FRENCH_ANALYZERS = {"analyzer": INDEX_ANALYZER, "search_analyzer": SEARCH_ANALYZER}
# Models that hand the engine text already rewritten (``engine_text``: our search documents)
# skip the inclusive-writing char filters at index time (see ``french``).
PREPARED_ANALYZERS = {"analyzer": PREPARED_INDEX_ANALYZER, "search_analyzer": SEARCH_ANALYZER}


def with_french_settings(settings):
    return deep_update(deepcopy(settings), french_analysis_settings())


class FrenchMappingMixin(EngineTextFieldDataMixin):
    # Edge n-grams are indexed folded: queries must be folded too (see ``french``).
    edgengram_analyzer_config = {
        "analyzer": "edgengram_analyzer",
        "search_analyzer": AUTOCOMPLETE_SEARCH_ANALYZER,
    }

    def _analyzers(self):
        return PREPARED_ANALYZERS if hasattr(self.model, "engine_text") else FRENCH_ANALYZERS

    def get_field_mapping(self, field):
        name, mapping = super().get_field_mapping(field)
        if isinstance(field, SearchField) and mapping.get("type") == "text":
            for key, value in self._analyzers().items():
                mapping.setdefault(key, value)
        return name, mapping

    def get_mapping(self):
        mapping = super().get_mapping()
        prepared = hasattr(self.model, "engine_text")
        for name, properties in mapping["properties"].items():
            if properties.get("type") != "text":
                continue
            if name.startswith("_all_text"):
                # The catch-all fields every query searches (``_all_text``,
                # ``_all_text_boost_4_0``): modelsearch's compiler, given no fields, searches
                # these and nothing else (``search.engines.elasticsearch.inner_query``).
                properties.update(self._analyzers())
            elif prepared and "copy_to" in properties:
                # Our documents' own text fields (title, labels, body) are only ever read
                # through their copies: indexed, the node analysed every text once more for
                # terms no query asks for (the body twice, the title three times). Not
                # indexed, a document costs the node 0.16 instead of 0.24 ms of CPU at
                # 100,000 documents (``bench.search --rebuild-child``, docs/benchmarks.md).
                properties["index"] = False
                for key in self._analyzers():
                    properties.pop(key, None)
        return mapping

    def get_document(self, obj):
        """modelsearch's document, built from a plan made once per model (column names and
        how to read each value). modelsearch works the plan out again for every field of
        every document (the field's column name through the model's ancestry, the field
        looked up by name, an ``apps.is_installed`` scan per value): for our documents that
        cost as much as their texts. Models whose fields the plan does not cover (related
        fields) keep modelsearch's way; ``tests/search/test_engine_documents.py`` checks
        that both give the same document."""
        plan = _document_plan(self)
        if plan is None:
            return super().get_document(obj)
        content_types, fields = plan
        doc = {"pk": str(obj.pk), "_django_content_type": content_types}
        edgengrams = []
        for name, kind, field in fields:  # field: the SearchField, or a reader
            if kind is SearchField:
                doc[name] = obj.engine_text(field.field_name)
                continue
            value = field(obj)
            if kind is AutocompleteField:
                edgengrams.append(value)
            elif isinstance(value, (models.Manager, models.QuerySet)):
                value = list(value.values_list("pk", flat=True))
            elif isinstance(value, (list, tuple)):
                value = [item.pk if isinstance(item, models.Model) else item for item in value]
            elif isinstance(value, models.Model):
                value = value.pk
            doc[name] = value
        doc["_edgengrams"] = edgengrams
        return doc


# ``(mapping class, model)`` → the plan of ``FrenchMappingMixin.get_document``: field
# definitions do not change while the process runs.
_plans = {}


def _document_plan(mapping):
    """``(content types, [(column, kind, field or reader)])`` for models that hand the
    engine prepared text (``engine_text``) and have only plain search, autocomplete and
    filter fields; ``None`` for the others."""
    key = (type(mapping), mapping.model)
    if key in _plans:
        return _plans[key]
    plan = None
    if hasattr(mapping.model, "engine_text"):
        fields = []
        for field in mapping.model.get_search_fields():
            kind = next(
                (k for k in (AutocompleteField, FilterField, SearchField) if isinstance(field, k)),
                None,
            )
            if kind is None:  # related fields: nested documents, modelsearch's way
                fields = None
                break
            read = field if kind is SearchField else _reader(mapping.model, field)
            fields.append((mapping.get_field_column_name(field), kind, read))
        if fields is not None:
            plan = (mapping.get_all_content_types(), fields)
    _plans[key] = plan
    return plan


def _reader(model, field):
    """A function giving what modelsearch's ``field.get_value`` and ``_clean_value`` give:
    a plain column read by its attribute, a method called, anything else asked to
    modelsearch itself (related fields, fields with searchable content)."""
    try:
        model_field = model._meta.get_field(field.field_name)
    except FieldDoesNotExist:

        def read_attribute(obj):
            value = getattr(obj, field.field_name, None)
            return _clean(value() if callable(value) else value)

        return read_attribute
    if model_field.is_relation or hasattr(model_field, "get_searchable_content"):
        return lambda obj: _clean(field.get_value(obj))
    attname = model_field.attname
    return lambda obj: _clean(getattr(obj, attname))


def _clean(value):
    return value.isoformat() if isinstance(value, datetime.time) else value

"""What the Elasticsearch and OpenSearch backends add to modelsearch's: French analyzers on
every text field, and the readable rewrite of our documents instead of their analysed terms."""

from copy import deepcopy

from modelsearch.index import SearchField
from modelsearch.utils import deep_update

from .french import (
    AUTOCOMPLETE_SEARCH_ANALYZER,
    INDEX_ANALYZER,
    PREPARED_INDEX_ANALYZER,
    SEARCH_ANALYZER,
    french_analysis_settings,
)

FRENCH_ANALYZERS = {"analyzer": INDEX_ANALYZER, "search_analyzer": SEARCH_ANALYZER}
# Models that hand the engine text already rewritten (``engine_text``: our search documents)
# skip the inclusive-writing char filters at index time (see ``french``).
PREPARED_ANALYZERS = {"analyzer": PREPARED_INDEX_ANALYZER, "search_analyzer": SEARCH_ANALYZER}


def with_french_settings(settings):
    return deep_update(deepcopy(settings), french_analysis_settings())


class FrenchMappingMixin:
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
        # The catch-all fields every query searches (``_all_text``, ``_all_text_boost_4_0``).
        for name, properties in mapping["properties"].items():
            if name.startswith("_all_text") and properties.get("type") == "text":
                properties.update(self._analyzers())
        return mapping

    def _get_document_field_data(self, field, obj):
        if isinstance(field, SearchField) and hasattr(obj, "engine_text"):
            # Our documents expose analysed terms to the database backends; the engine gets
            # readable French and analyses it with the analyzers above. Not computed through
            # ``super()``: it would analyse the text for the database first, for nothing.
            return self.get_field_column_name(field), obj.engine_text(field.field_name), []
        return super()._get_document_field_data(field, obj)

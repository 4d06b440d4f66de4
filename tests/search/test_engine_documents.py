"""The documents sent to Elasticsearch and OpenSearch: our plan-based ``get_document`` gives
exactly what modelsearch's own would (no cluster needed)."""

import datetime

import pytest
from django.utils import timezone
from modelsearch.backends import get_search_backend

from search.backends._french_mixins import FrenchMappingMixin
from search.models import SearchDocument
from tests.factories.search import make_document

pytestmark = pytest.mark.django_db

BACKENDS = [
    "search.backends.elasticsearch.Elasticsearch9SearchBackend",
    "search.backends.opensearch.OpenSearchSearchBackend",
]


@pytest.fixture(params=BACKENDS, ids=lambda path: path.rsplit(".", 1)[-1])
def mapping(request):
    backend = get_search_backend(request.param, URLS=["http://localhost:9200"])
    return backend.mapping_class(SearchDocument)


def _modelsearch_document(mapping, document):
    # modelsearch's generic get_document (field by field, through our field data override).
    return super(FrenchMappingMixin, mapping).get_document(document)


def _reloaded(document):
    return SearchDocument.objects.prefetch_related("facet_values").get(pk=document.pk)


def test_the_planned_document_is_modelsearchs_document_for_a_full_document(mapping):
    moment = timezone.make_aware(datetime.datetime(2024, 3, 1, 9, 30))
    document = make_document(
        "Les acteur·rice·s de la laïcité",
        "Le réseau PEP’S forme les élu·e·s ; voir www.rt.fr ou contact@rt.fr",
        kind="sujet",
        audience="space:7",
        space_id=7,
        space_name="Réseau VRL",
        themes=[("education", "Éducation"), ("laicite", "Laïcité")],
        territories=[("occitanie", "Occitanie")],
        visible_from=moment,
        visible_until=moment + datetime.timedelta(days=30),
        index=False,
    )
    document = _reloaded(document)
    assert mapping.get_document(document) == _modelsearch_document(mapping, document)


def test_the_planned_document_is_modelsearchs_document_without_facets_or_dates(mapping):
    document = _reloaded(make_document("Sans rien", "", index=False))
    planned = mapping.get_document(document)
    assert planned == _modelsearch_document(mapping, document)
    assert planned["theme_slugs_filter"] == [] and planned["visible_from_filter"] is None

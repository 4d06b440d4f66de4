"""What ``search_rebuild --from-documents`` reads (``search.engine_reindex``): every stored
document once, by key, in chunks of a few queries each (memory bounded by the chunk, not by
the number of documents); without an engine there is nothing to rebuild."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import engine_reindex
from search.models import SearchDocument
from tests.factories.search import make_document

pytestmark = pytest.mark.django_db


def test_the_chunks_hold_every_stored_document_once_in_key_order():
    for n in range(7):
        make_document(f"Fiche {n}", themes=[("laicite", "Laïcité")], index=False)
    read = []
    for after, last in engine_reindex.chunk_bounds(chunk_size=3):
        chunk = engine_reindex.stored_documents(after, last)
        assert len(chunk) <= 3
        read.extend(document.pk for document in chunk)
    assert read == sorted(SearchDocument.objects.values_list("pk", flat=True))


def test_a_chunk_costs_three_queries_whatever_its_size():
    for n in range(6):
        make_document(f"Fiche {n}", themes=[("laicite", "Laïcité")], index=False)
    with CaptureQueriesContext(connection) as queries:
        for after, last in engine_reindex.chunk_bounds(chunk_size=3):
            for document in engine_reindex.stored_documents(after, last):
                document.theme_slugs()  # facet values read with the chunk
                document.labels_text()
    # Per chunk: its keys, its rows, their facet values; then the empty read that ends it.
    assert len(queries) == 2 * 3 + 1


def test_from_documents_without_an_engine_is_an_error_and_changes_nothing():
    make_document("Fiche", index=False)
    written = dict(SearchDocument.objects.values_list("pk", "updated_at"))
    with pytest.raises(CommandError, match="aucun moteur"):
        call_command("search_rebuild", "--from-documents", stdout=io.StringIO())
    assert dict(SearchDocument.objects.values_list("pk", "updated_at")) == written

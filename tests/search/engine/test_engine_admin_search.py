"""The admin's search on a live engine: Wagtail's own indexes (pages, images, documents) exist
after ``search_rebuild``, are created with their mapping by the first write when missing, and
catch up with ``search_resync`` after an outage (``search.admin_indexes``). Marked ``engine``.
"""

import io
import socket

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page

from search import admin_indexes, sync
from search.models import IndexChange
from tests.factories.cms import make_document, make_image, make_news, make_site_tree
from tests.search.live_engine import (
    current_backend,
    engine_settings,
    forget_created_indexes,
    refresh,
)

pytestmark = [pytest.mark.django_db, pytest.mark.engine, pytest.mark.usefixtures("live")]

PAGE_SEARCH = "/admin/pages/search/"


def _closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def engine_down():
    return override_settings(
        WAGTAILSEARCH_BACKENDS=engine_settings(url=f"http://127.0.0.1:{_closed_port()}")
    )


@pytest.fixture
def editor_client(client, django_user_model):
    admin = django_user_model.objects.create_superuser(
        email="redaction@example.org", password="mot-de-passe-solide"
    )
    client.force_login(admin)
    return client


def _delete_admin_indexes():
    """An engine that never saw Wagtail's objects: its admin indexes gone (the portal's
    documents index stays, the other tests' fixture empties it)."""
    backend = current_backend()
    for model in (Page, Image, Document):
        name = backend.get_index_for_model(model).name
        backend.es.indices.delete(index=f"{name}*", expand_wildcards="all", ignore_unavailable=True)
    forget_created_indexes()


def _found_titles(client, url, query):
    refresh()
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_search_rebuild_leaves_the_admin_page_image_and_document_searches_working(editor_client):
    tree = make_site_tree()
    make_news(tree.news_index, title="Cohésion sociale à Albi")
    make_image("Rencontre régionale de Carcassonne")
    make_document("Bilan des ateliers de Rodez")
    _delete_admin_indexes()  # an engine that never saw these objects: nothing built yet

    out = io.StringIO()
    call_command("search_rebuild", "--reset", stdout=out)

    assert "Index de l'administration reconstruits" in out.getvalue()
    assert "Cohésion sociale à Albi" in _found_titles(editor_client, PAGE_SEARCH, "Albi")
    assert "Rencontre régionale de Carcassonne" in _found_titles(
        editor_client, "/admin/images/", "Carcassonne"
    )
    assert "Bilan des ateliers de Rodez" in _found_titles(
        editor_client, "/admin/documents/", "Rodez"
    )


def test_a_page_is_written_once_as_its_own_type_by_the_rebuild(editor_client):
    tree = make_site_tree()
    news = make_news(tree.news_index, title="Conseils citoyens de Nîmes")
    _delete_admin_indexes()
    call_command("search_rebuild", stdout=io.StringIO())
    refresh()
    backend = current_backend()
    index = backend.get_index_for_model(type(news)).name
    hits = backend.es.search(index=index, body={"query": {"ids": {"values": [str(news.pk)]}}})
    (hit,) = hits["hits"]["hits"]
    assert hit["_source"]["_django_content_type"][0] == "cms.NewsPage"


def test_a_missing_admin_index_is_created_with_its_mapping_by_the_first_write(editor_client):
    """And the admin's autocomplete finds an accented word: its edge n-grams are indexed
    folded, the query is folded too."""
    _delete_admin_indexes()
    tree = make_site_tree()  # Wagtail's signal handlers write these pages straight away
    make_news(tree.news_index, title="Politique de la ville à Béziers")

    backend = current_backend()
    index = backend.get_index_for_model(type(tree.home)).name
    mapping = backend.es.indices.get_mapping(index=index)
    (properties,) = [body["mappings"]["properties"] for body in mapping.values()]
    # The portal's mapping (content types as keywords to filter on, French analysis), not one
    # guessed from the first document (text), on which the admin's filters fail.
    assert properties["_django_content_type"]["type"] == "keyword"
    assert "Politique de la ville à Béziers" in _found_titles(editor_client, PAGE_SEARCH, "Béziers")


def test_changes_made_while_the_engine_was_down_reach_the_admin_search_after_resync(
    engine_down, editor_client
):
    tree = make_site_tree()
    news = make_news(tree.news_index, title="Atelier mémoire à Sète")
    image = make_image("Photo de l'atelier de Lunel")
    sync.process_pending()
    with engine_down:
        news.title = "Atelier mémoire à Agde"
        news.save_revision().publish()
        image.title = "Photo de l'atelier de Lodève"
        image.save()
        sync.process_pending()
    assert IndexChange.objects.exists()  # kept for the resync, not lost in a log line

    call_command("search_resync", stdout=io.StringIO())

    assert not IndexChange.objects.exists()
    assert "Atelier mémoire à Agde" in _found_titles(editor_client, PAGE_SEARCH, "Agde")
    assert "Atelier mémoire" not in _found_titles(editor_client, PAGE_SEARCH, "Sète")
    assert "Photo de l&#x27;atelier de Lodève" in _found_titles(
        editor_client, "/admin/images/", "Lodève"
    )


def test_an_object_deleted_while_the_engine_was_down_leaves_the_admin_search_after_resync(
    engine_down, editor_client
):
    image = make_image("Affiche du forum de Millau")
    refresh()
    assert "Affiche du forum de Millau" in _found_titles(editor_client, "/admin/images/", "Millau")
    with engine_down:
        image.delete()
    call_command("search_resync", stdout=io.StringIO())
    assert "Affiche du forum de Millau" not in _found_titles(
        editor_client, "/admin/images/", "Millau"
    )


def test_the_portal_documents_are_not_recorded_twice_by_the_admin_writes():
    assert not admin_indexes.has_own_index(IndexChange)
    from search.models import SearchDocument

    assert not admin_indexes.has_own_index(SearchDocument)

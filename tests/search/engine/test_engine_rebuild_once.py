"""A rebuild with reset sends each document to the live engine once, in the background while
the next chunk is built, and still replays what changed during it. Marked ``engine``."""

from contextlib import contextmanager

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page

from search import indexing, sync
from search.models import SearchDocument
from tests.factories.cms import make_news, make_site_tree
from tests.search.live_engine import database_ids, engine_ids, engine_titles

pytestmark = [pytest.mark.django_db, pytest.mark.engine, pytest.mark.usefixtures("live")]


@pytest.fixture
def tree():
    return make_site_tree()


def _written_since(page, moment):
    return SearchDocument.objects.filter(
        content_type=ContentType.objects.get_for_model(Page),
        object_id=str(page.pk),
        updated_at__gte=moment,
    ).exists()


@contextmanager
def _counting_pushes():
    """The ids of the documents handed to ``indexing.push_to``, while the block runs (undone
    inside the test: the live fixture wraps ``push_to`` too, and unwraps it after)."""
    sent, push_to = [], indexing.push_to

    def counting(backend, documents, *args, **kwargs):
        sent.extend(document.pk for document in documents)
        return push_to(backend, documents, *args, **kwargs)

    indexing.push_to = counting
    try:
        yield sent
    finally:
        indexing.push_to = push_to


def test_a_rebuild_with_reset_sends_each_document_once(live, tree):
    for n in range(5):
        make_news(tree.news_index, title=f"Laïcité, fiche {n}")
    sync.process_pending()
    with _counting_pushes() as sent:
        sync.rebuild(chunk_size=2, reset_engine=True)
    assert sorted(sent) == sorted(SearchDocument.objects.values_list("pk", flat=True))
    assert engine_ids() == database_ids()


def test_a_document_rewritten_during_the_rebuild_is_found_as_it_is_now(live, tree, anonymous):
    pages = [make_news(tree.news_index, title=f"Décrochage, fiche {n}") for n in range(6)]
    sync.process_pending()
    first = pages[0]
    changed, started = [], timezone.now()

    def retitle_once(progress):
        # Once the rebuild has written it into the new index, and only once.
        if changed or not _written_since(first, started):
            return
        first.title = "Décrochage : fiche révisée"
        first.save_revision().publish()
        sync.process_pending()
        changed.append(first.pk)

    sync.rebuild(chunk_size=2, on_progress=retitle_once, reset_engine=True)
    assert changed
    found = engine_titles(anonymous, "décrochage")
    assert "Décrochage : fiche révisée" in found
    assert "Décrochage, fiche 0" not in found
    assert len(found) == 6

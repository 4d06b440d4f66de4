"""``search_rebuild`` reads the spelling vocabulary (« Vouliez-vous dire … ? ») again from the
rebuilt documents: their words are known at once, and words whose documents are gone are
dropped, instead of both waiting for the first search that finds nothing."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from search import spelling
from search.models import SearchWord
from tests.factories.cms import make_news, make_site_tree

pytestmark = pytest.mark.django_db


def test_a_rebuild_refills_the_vocabulary_from_the_public_documents():
    tree = make_site_tree()
    make_news(tree.news_index, title="Illettrisme et parentalité à Montauban")
    SearchWord.objects.create(word="obsolescence", form="obsolescence", seen_at=timezone.now())

    call_command("search_rebuild", stdout=io.StringIO())

    words = set(SearchWord.objects.values_list("word", flat=True))
    assert {"illettrisme", "parentalite", "montauban"} <= words
    assert "obsolescence" not in words  # its document is gone: no longer suggested
    assert spelling.closest("illetrisme") == "illettrisme"

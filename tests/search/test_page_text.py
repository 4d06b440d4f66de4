"""What a page's search document says: its text, not the editor's settings (#10 §2).

A heading block's level is a choice whose label (« Titre de section (h2) ») Wagtail's
``get_searchable_content`` returns as text; and the words of two paragraphs or blocks must
not be glued together (« 00 00Courriel »). On every engine (``search_engine``).
"""

import pytest

from search import sync
from search.models import SearchDocument
from search.service import search
from tests.factories.cms import make_news, make_site_tree

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_engine")]


@pytest.fixture
def contact_page():
    tree = make_site_tree()
    page = make_news(
        tree.news_index,
        title="Nous contacter",
        body=[
            ("heading", {"text": "Coordonnées", "level": "h2"}),
            ("paragraph", "<p>Téléphone : 05 61 00 00 00</p><p>Courriel : accueil@example.org</p>"),
            ("heading", {"text": "Horaires", "level": "h3"}),
            ("paragraph", "<ul><li>lundi</li><li>mardi</li></ul>"),
        ],
    )
    sync.process_pending()
    return page


def _body(page):
    return SearchDocument.objects.get(object_id=str(page.pk)).body


def test_block_labels_are_not_indexed(contact_page):
    body = _body(contact_page)
    assert "Titre de section" not in body
    assert "Sous-titre" not in body
    assert "Coordonnées" in body and "Horaires" in body


def test_a_heading_label_finds_nothing(contact_page, anonymous):
    assert search(anonymous, "titre de section").results == []
    assert search(anonymous, "intertitre").results == []


def test_words_of_consecutive_paragraphs_and_blocks_are_not_glued(contact_page):
    body = _body(contact_page)
    assert "00 Courriel" in body
    assert "lundi mardi" in body


def test_the_second_paragraph_s_first_word_is_found_and_snippeted(contact_page, anonymous):
    response = search(anonymous, "courriel")
    assert [result.title for result in response.results] == ["Nous contacter"]
    snippet = str(response.results[0].snippet)
    assert "Titre de section" not in snippet
    assert "00 <mark>Courriel</mark>" in snippet

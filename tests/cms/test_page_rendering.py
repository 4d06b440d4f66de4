"""Every page type renders with the built-in templates: French, exactly one h1."""

import datetime
import re

import pytest
from django.utils import timezone
from django.utils.html import escape

from tests.factories import cms as factories

pytestmark = pytest.mark.django_db


def _full_body(image, document, target):
    return [
        ("heading", {"text": "Une section", "level": "h2"}),
        ("paragraph", "<p>Du texte pour les acteur·rice·s.</p>"),
        ("quote", {"quote": "Se former ensemble.", "attribution": "Une formatrice"}),
        (
            "table",
            {
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Réseaux",
                "data": [["Réseau", "Membres"], ["VRL", "250"]],
            },
        ),
        (
            "image",
            {
                "image": image,
                "alt_text": "Une salle de formation",
                "caption": "Légende",
                "credit": "© R&T",
            },
        ),
        ("document", {"document": document, "label": ""}),
        ("accordion", {"title": "FAQ", "items": [{"title": "Qui ?", "content": "<p>Tous.</p>"}]}),
        ("call_to_action", {"label": "Adhérer", "page": None, "url": "https://example.org/"}),
        (
            "key_figures",
            {
                "title": "",
                "figures": [
                    {"figure": "29", "label": "jours de rencontres"},
                    {"figure": "282", "label": "participant·e·s"},
                ],
            },
        ),
        (
            "testimonial",
            {
                "quote": "Très utile.",
                "name": "Camille Exemple",
                "role": "coordinatrice",
                "organisation": "Ville d'Exempleville",
            },
        ),
        ("related_pages", {"title": "À lire aussi", "pages": [target]}),
    ]


@pytest.fixture
def pages(tree, education, haute_garonne):
    image = factories.make_image(description="Des participant·e·s en atelier")
    document = factories.make_document("Actes")
    news = factories.make_news(
        tree.news_index, image=image, themes=[education], territories=[haute_garonne]
    )
    news.body = _full_body(image, document, tree.blog_index)
    news.save_revision().publish()
    dossier = factories.make_dossier(
        tree.dossier_index,
        resources=[
            (
                "link",
                {
                    "title": "Rapport",
                    "url": "https://example.org/r",
                    "source": "ANCT",
                    "description": "",
                },
            ),
            ("document", {"document": document, "description": "Les actes"}),
            ("page", {"page": news, "description": ""}),
        ],
    )
    return {
        "home": tree.home,
        "news": news,
        "brief": factories.make_brief(tree.blog_index, themes=[education]),
        "dossier": dossier,
        "panorama": factories.make_panorama(
            dossier,
            items=[
                {
                    "title": "Un article",
                    "excerpt": "Extrait",
                    "theme": education,
                    "date": datetime.date(2023, 5, 2),
                }
            ],
        ),
        "publication": factories.make_publication(
            tree.publication_index,
            document=document,
            contributors=[{"name": "Alix Intervenante", "role": "sociologue"}],
        ),
        "event": factories.make_event(
            tree.event_index, network=factories.make_network("Réseau VRL", short_name="VRL")
        ),
        "past_event": factories.make_event(
            tree.event_index,
            start=timezone.now() - datetime.timedelta(days=30),
            is_online=True,
            place="",
            online_url="https://example.org/visio",
        ),
        "newsletter": factories.make_newsletter_issue(tree.newsletter_index),
        "standard": factories.make_standard(tree.home, title="Pourquoi adhérer"),
        **{
            name: getattr(tree, name)
            for name in (
                "news_index",
                "blog_index",
                "dossier_index",
                "panorama_index",
                "publication_index",
                "event_index",
                "newsletter_index",
            )
        },
    }


PAGE_NAMES = [
    "home",
    "news",
    "brief",
    "dossier",
    "panorama",
    "publication",
    "event",
    "past_event",
    "newsletter",
    "standard",
    "news_index",
    "blog_index",
    "dossier_index",
    "panorama_index",
    "publication_index",
    "event_index",
    "newsletter_index",
]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_page_renders_in_french_with_exactly_one_h1(client, pages, name):
    response = client.get(pages[name].url)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert escape(pages[name].title) in html

"""Each page type exposes its own fields in /api/v2/pages/<id>/, in the documented shapes."""

import datetime

import pytest
from django.utils import timezone

from cms.models import HomeFeaturedDossier
from cms.representations import RENDITION_SPECS
from tests.factories import cms as factories

pytestmark = pytest.mark.django_db


def detail(client, page, **params):
    response = client.get(f"/api/v2/pages/{page.pk}/", params)
    assert response.status_code == 200, response.content
    return response.json()


def assert_image_shape(value, image):
    assert value["id"] == image.pk
    assert value["alt"] == image.default_alt_text
    assert set(value["renditions"]) == set(RENDITION_SPECS)
    for rendition in value["renditions"].values():
        assert rendition["url"].startswith("/media/images/")
        assert rendition["full_url"] == "http://testserver" + rendition["url"]
        assert rendition["width"] > 0 and rendition["height"] > 0


def test_news_exposes_date_intro_image_body_themes_and_territories(
    client, tree, education, haute_garonne
):
    image = factories.make_image(description="Des participant·e·s en atelier")
    news = factories.make_news(
        tree.news_index,
        date=datetime.date(2023, 5, 18),
        image=image,
        themes=[education],
        territories=[haute_garonne],
    )

    data = detail(client, news)

    assert data["meta"]["type"] == "cms.NewsPage"
    assert data["date"] == "2023-05-18"
    assert data["intro"] == news.intro
    assert_image_shape(data["image"], image)
    assert data["body"][0]["type"] == "paragraph"
    assert data["themes"] == [{"id": education.pk, "name": "Éducation", "slug": "education"}]
    assert data["territories"] == [
        {"id": haute_garonne.pk, "name": "Haute-Garonne", "slug": "haute-garonne"}
    ]


def test_brief_exposes_its_source(client, tree):
    brief = factories.make_brief(
        tree.blog_index, source_name="ANCT", source_url="https://example.org/anct"
    )

    data = detail(client, brief)

    assert data["source_name"] == "ANCT"
    assert data["source_url"] == "https://example.org/anct"
    assert data["date"] == brief.date.isoformat()
    assert "body" not in data  # a brief's text is its intro


def test_publication_exposes_kind_number_contributors_and_pdf_through_serve_view(client, tree):
    pdf = factories.make_document("Actes du Conf'At n°24", filename="confat-24.pdf")
    publication = factories.make_publication(
        tree.publication_index,
        kind="confat",
        number=24,
        date=datetime.date(2017, 5, 18),
        document=pdf,
        contributors=[
            {"name": "Claude Exemple", "role": "sociologue", "organisation": "Université"},
            {"name": "Dominique Test"},
        ],
    )

    data = detail(client, publication)

    assert (data["kind"], data["kind_label"], data["number"]) == ("confat", "Conf'At", 24)
    assert data["display_number"] == "Conf'At n°24"
    assert data["date"] == "2017-05-18"
    assert data["contributors"] == [
        {"name": "Claude Exemple", "role": "sociologue", "organisation": "Université"},
        {"name": "Dominique Test", "role": "", "organisation": ""},
    ]
    assert data["document"]["url"] == f"/documents/{pdf.pk}/confat-24.pdf"
    assert data["document"]["full_url"] == f"http://testserver/documents/{pdf.pk}/confat-24.pdf"
    assert "/media/" not in str(data["document"])


def test_event_exposes_dates_place_online_registration_and_network(client, tree):
    network = factories.make_network(
        "Réseau Valeurs de la République", short_name="VRL", member_count=250
    )
    start = timezone.now() + datetime.timedelta(days=10)
    event = factories.make_event(
        tree.event_index,
        start=start,
        end=start + datetime.timedelta(hours=2),
        place="",
        is_online=True,
        online_url="https://example.org/visio",
        registration_url="https://example.org/inscription",
        network=network,
    )

    data = detail(client, event)

    assert datetime.datetime.fromisoformat(data["start"]) == event.start
    assert datetime.datetime.fromisoformat(data["end"]) == event.end
    assert (data["place"], data["is_online"]) == ("", True)
    assert data["online_url"] == "https://example.org/visio"
    assert data["registration_url"] == "https://example.org/inscription"
    assert data["network"] == {
        "id": network.pk,
        "name": "Réseau Valeurs de la République",
        "short_name": "VRL",
        "slug": network.slug,
        "member_count": 250,
        "member_count_label": "membres",
    }


def test_panorama_exposes_its_press_items_in_order(client, tree, education):
    panorama = factories.make_panorama(
        tree.panorama_index,
        items=[
            {
                "title": "La laïcité à l'école",
                "outlet": "La Dépêche",
                "date": datetime.date(2023, 3, 2),
                "url": "https://example.org/a",
                "excerpt": "Extrait",
                "theme": education,
            },
            {"title": "Second article", "outlet": "France 3", "url": "https://example.org/b"},
        ],
    )

    data = detail(client, panorama)

    assert data["press_items"] == [
        {
            "title": "La laïcité à l'école",
            "outlet": "La Dépêche",
            "date": "2023-03-02",
            "url": "https://example.org/a",
            "excerpt": "Extrait",
            "theme": {"id": education.pk, "name": "Éducation", "slug": "education"},
        },
        {
            "title": "Second article",
            "outlet": "France 3",
            "date": None,
            "url": "https://example.org/b",
            "excerpt": "",
            "theme": None,
        },
    ]


def test_dossier_exposes_kind_sections_resources_and_its_panoramas(client, tree):
    target = factories.make_news(tree.news_index, title="Une actualité liée")
    dossier = factories.make_dossier(
        tree.dossier_index,
        kind="thema",
        resources=[
            ("link", {"title": "Rapport", "url": "https://example.org/rapport", "source": "ANCT"}),
            ("page", {"page": target, "description": ""}),
        ],
    )
    panorama = factories.make_panorama(dossier, title="La presse en parle")

    data = detail(client, dossier)

    assert (data["kind"], data["kind_label"]) == ("thema", "Dossier Théma")
    assert data["sections"] == [
        {"anchor": "contexte", "title": "Contexte"},
        {"anchor": "ressources-cles", "title": "Ressources clés"},
    ]
    assert [block["type"] for block in data["resources"]] == ["link", "page"]
    assert data["resources"][1]["value"]["page"]["id"] == target.pk
    assert [item["id"] for item in data["press_panoramas"]] == [panorama.pk]
    assert data["press_panoramas"][0]["title"] == "La presse en parle"
    assert data["press_panoramas"][0]["detail_url"].endswith(f"/api/v2/pages/{panorama.pk}/")


def test_newsletter_issue_exposes_number_date_and_body(client, tree):
    issue = factories.make_newsletter_issue(
        tree.newsletter_index, number=42, date=datetime.date(2024, 1, 15)
    )

    data = detail(client, issue)

    assert (data["number"], data["date"]) == (42, "2024-01-15")
    assert data["body"][0]["value"] == "<p>Les nouvelles du centre de ressources.</p>"


def test_standard_page_exposes_intro_image_and_body(client, tree):
    page = factories.make_standard(tree.home, intro="Qui sommes-nous ?")

    data = detail(client, page)

    assert data["intro"] == "Qui sommes-nous ?"
    assert data["image"] is None
    assert data["body"][0]["type"] == "paragraph"


def test_home_exposes_featured_dossiers_in_order(client, tree):
    first = factories.make_dossier(tree.dossier_index, title="Premier")
    second = factories.make_dossier(tree.dossier_index, title="Second")
    home = tree.home
    home.featured_dossiers = [
        HomeFeaturedDossier(dossier=second, sort_order=0),
        HomeFeaturedDossier(dossier=first, sort_order=1),
    ]
    home.save_revision().publish()

    data = detail(client, home)

    assert [item["id"] for item in data["featured_dossiers"]] == [second.pk, first.pk]
    assert data["featured_dossiers"][0]["title"] == "Second"


def test_index_pages_expose_intro_and_image(client, tree):
    data = detail(client, tree.event_index)

    assert data["meta"]["type"] == "cms.EventIndexPage"
    assert {"intro", "image"} <= set(data)


def test_body_blocks_serialise_images_with_renditions_and_links_resolved(client, tree):
    image = factories.make_image()
    document = factories.make_document(filename="guide.pdf")
    linked = factories.make_brief(tree.blog_index, title="Brève liée")
    news = factories.make_news(
        tree.news_index,
        body=[
            (
                "paragraph",
                f'<p>Lire <a linktype="page" id="{linked.pk}">la brève</a> et '
                f'<a linktype="document" id="{document.pk}">le guide</a>.</p>',
            ),
            ("image", {"image": image, "alt_text": "", "caption": "Atelier", "credit": "R&T"}),
            ("document", {"document": document, "label": "Télécharger"}),
            ("related_pages", {"title": "À lire", "pages": [linked]}),
        ],
    )

    body = detail(client, news)["body"]

    assert body[0]["value"] == (
        f'<p>Lire <a href="{linked.url}">la brève</a> et '
        f'<a href="/documents/{document.pk}/guide.pdf">le guide</a>.</p>'
    )
    assert_image_shape(body[1]["value"]["image"], image)
    assert body[1]["value"]["caption"] == "Atelier"
    assert body[2]["value"]["document"]["url"] == f"/documents/{document.pk}/guide.pdf"
    assert body[3]["value"]["pages"] == [
        {"id": linked.pk, "title": "Brève liée", "type": "cms.BriefPage", "url": linked.url}
    ]


def test_typed_listing_shows_a_summary_of_each_item_by_default(client, tree, education):
    factories.make_news(tree.news_index, image=factories.make_image(), themes=[education])

    response = client.get("/api/v2/pages/", {"type": "cms.NewsPage"})

    item = response.json()["items"][0]
    assert {"title", "intro", "image", "date", "themes", "territories"} <= set(item)
    assert "body" not in item


def test_images_endpoint_gives_renditions_and_alt(client):
    image = factories.make_image(description="Une salle de réunion")

    data = client.get(f"/api/v2/images/{image.pk}/").json()

    assert data["alt"] == "Une salle de réunion"
    assert set(data["renditions"]) == set(RENDITION_SPECS)


def test_documents_endpoint_links_the_serve_view(client):
    document = factories.make_document(filename="rapport.pdf")

    data = client.get(f"/api/v2/documents/{document.pk}/").json()

    assert data["meta"]["download_url"] == f"http://testserver/documents/{document.pk}/rapport.pdf"

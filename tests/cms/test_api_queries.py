"""API answers cost the same number of SQL queries whatever the number of items or blocks:
renditions, taxonomies, linked pages and documents are loaded in bulk (no N+1). Counted cold
(a new content generation before the measured request), as the first request of a URL after a
publication: a warm answer comes from the response cache and would count nothing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.api import visibility
from cms.generation import MEDIA, bump_generation
from tests.factories import cms as factories

pytestmark = pytest.mark.django_db

NEWS_LISTING = "/api/v2/pages/?type=cms.NewsPage&limit=50&fields=image,themes,territories"


def queries_for(client, url):
    client.get(url)  # the first answer creates the renditions; the next ones only read them
    bump_generation()  # cold: computed, not read from the response cache
    bump_generation(MEDIA)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(queries), response.json()


def add_news(tree, count, themes, territories):
    for _ in range(count):
        factories.make_news(
            tree.news_index,
            image=factories.make_image(size=(820, 460)),
            themes=themes,
            territories=territories,
        )


def test_news_listing_costs_the_same_queries_for_5_and_20_items(
    client, tree, education, occitanie, haute_garonne
):
    themes, territories = [education], [occitanie, haute_garonne]
    add_news(tree, 5, themes, territories)
    with_5, data_5 = queries_for(client, NEWS_LISTING)

    add_news(tree, 15, themes, territories)
    with_20, data_20 = queries_for(client, NEWS_LISTING)

    assert (len(data_5["items"]), len(data_20["items"])) == (5, 20)
    assert all(item["image"]["renditions"] for item in data_20["items"])
    assert all(len(item["territories"]) == 2 for item in data_20["items"])
    assert with_5 == with_20


def dossier_body(count, image, document, pages):
    """``count`` rounds of every kind of block that links to something."""
    blocks = []
    for index in range(count):
        page = pages[index % len(pages)]
        blocks += [
            ("heading", {"text": f"Section {index}", "level": "h2"}),
            (
                "paragraph",
                f'<p>Voir <a linktype="page" id="{page.pk}">la page</a> et '
                f'<a linktype="document" id="{document.pk}">le document</a>.</p>',
            ),
            ("image", {"image": image, "alt_text": "", "caption": "", "credit": ""}),
            ("document", {"document": document, "label": ""}),
            ("related_pages", {"title": "À lire", "pages": [page]}),
            ("call_to_action", {"label": "Lire", "page": page, "url": ""}),
            (
                "accordion",
                {"title": "", "items": [{"title": "Question", "content": "<p>Réponse</p>"}]},
            ),
        ]
    return blocks


def test_dossier_detail_costs_the_same_queries_for_5_and_20_body_rounds(client, tree):
    pages = [factories.make_news(tree.news_index) for _ in range(3)]
    private_collection = factories.make_private_collection()

    def dossier_with(count):
        images = [factories.make_image(size=(820, 460)) for _ in range(count)]
        documents = [
            factories.make_document(collection=private_collection if n % 2 else None)
            for n in range(count)
        ]
        body = []
        for n in range(count):
            body += dossier_body(1, images[n], documents[n], pages)
        resources = [("document", {"document": doc, "description": ""}) for doc in documents]
        dossier = factories.make_dossier(tree.dossier_index, body=body, resources=resources)
        factories.make_panorama(dossier, items=[{"title": "Article"}])
        return dossier

    small = dossier_with(5)
    big = dossier_with(20)

    with_5, data_5 = queries_for(client, f"/api/v2/pages/{small.pk}/")
    with_20, data_20 = queries_for(client, f"/api/v2/pages/{big.pk}/")

    assert (len(data_5["body"]), len(data_20["body"])) == (35, 140)
    assert with_5 == with_20


def test_images_listing_costs_the_same_queries_for_5_and_20_images(client):
    for _ in range(5):
        factories.make_image(size=(820, 460))
    with_5, _data = queries_for(client, "/api/v2/images/?limit=50")
    for _ in range(15):
        factories.make_image(size=(820, 460))
    with_20, data = queries_for(client, "/api/v2/images/?limit=50")

    assert data["meta"]["total_count"] == 20
    assert with_5 == with_20


def test_documents_listing_costs_the_same_queries_for_5_and_20_documents(client):
    def add(count):
        for n in range(count):
            document = factories.make_document()
            document.tags.add(f"étiquette-{n % 3}")

    add(5)
    with_5, _data = queries_for(client, "/api/v2/documents/?limit=50")
    add(15)
    with_20, data = queries_for(client, "/api/v2/documents/?limit=50")

    assert data["meta"]["total_count"] == 20
    assert data["items"][0]["meta"]["tags"] == ["étiquette-0"]
    assert with_5 == with_20


def test_panorama_listing_with_press_items_costs_the_same_queries(client, tree, education):
    url = "/api/v2/pages/?type=cms.PressPanoramaPage&limit=50&fields=press_items"

    def add(count):
        for _ in range(count):
            factories.make_panorama(
                tree.panorama_index,
                themes=[education],
                items=[{"title": "Un article", "theme": education}, {"title": "Un autre"}],
            )

    add(2)
    with_2, _data = queries_for(client, url)
    add(6)
    with_8, data = queries_for(client, url)

    assert [len(item["press_items"]) for item in data["items"]] == [2] * 8
    assert data["items"][0]["press_items"][0]["theme"]["slug"] == "education"
    assert with_2 == with_8


def test_a_listing_loads_only_the_relations_its_answer_shows(
    client, tree, education, occitanie, haute_garonne
):
    add_news(tree, 3, [education], [occitanie, haute_garonne])
    base = "/api/v2/pages/?type=cms.NewsPage&limit=50&fields="

    shown, with_territories = queries_for(client, base + "image,themes,territories")
    hidden, without_territories = queries_for(client, base + "-territories")
    bare, only_titles = queries_for(client, base + "_,title")

    assert all(len(item["territories"]) == 2 for item in with_territories["items"])
    assert all("territories" not in item for item in without_territories["items"])
    assert hidden == shown - 1  # no territory query
    assert all(not {"image", "themes", "territories"} & set(item) for item in only_titles["items"])
    assert bare == shown - 3  # neither renditions, themes nor territories


def test_a_page_answer_builds_its_visible_pages_once(client, tree, monkeypatch):
    news = factories.make_news(tree.news_index)
    calls = []
    original = visibility.public_pages

    def counted(request):
        calls.append(request.path)
        return original(request)

    monkeypatch.setattr(visibility, "public_pages", counted)

    for url in ("/api/v2/pages/?type=cms.NewsPage", "/api/v2/pages/", f"/api/v2/pages/{news.pk}/"):
        calls.clear()
        assert client.get(url).status_code == 200
        assert len(calls) == 1, url


def test_api_answers_are_compact_json(client, tree):
    factories.make_news(tree.news_index)
    response = client.get("/api/v2/pages/?type=cms.NewsPage")

    assert response.status_code == 200
    assert b"\n" not in response.content  # indented JSON made json use its Python encoder
    assert response.json()["meta"]["total_count"] == 1


def test_the_site_is_looked_up_once_per_host_and_content_generation(client, tree):
    factories.make_news(tree.news_index)
    bump_generation()
    assert client.get("/api/v2/pages/?type=cms.NewsPage").status_code == 200

    with CaptureQueriesContext(connection) as same_generation:
        other = client.get("/api/v2/pages/?type=cms.NewsPage&limit=5")
    bump_generation()
    with CaptureQueriesContext(connection) as new_generation:
        client.get("/api/v2/pages/?type=cms.NewsPage&limit=6")

    assert other.status_code == 200 and other.json()["meta"]["total_count"] == 1
    assert not [q for q in same_generation.captured_queries if "wagtailcore_site" in q["sql"]]
    assert [q for q in new_generation.captured_queries if "wagtailcore_site" in q["sql"]]


def test_a_page_detail_reads_its_image_with_the_page(client, tree):
    plain = factories.make_news(tree.news_index)
    illustrated = factories.make_news(tree.news_index, image=factories.make_image(size=(820, 460)))
    without, _ = queries_for(client, f"/api/v2/pages/{plain.pk}/")
    with_image, data = queries_for(client, f"/api/v2/pages/{illustrated.pk}/")
    assert data["image"]["renditions"]
    assert with_image == without

"""Invalidation is targeted (cms.invalidation): a publication makes cold what shows the page
(its detail, its type's listings, its parent and ancestors, the pages linking to it, the home
page and the menus) and leaves the rest cached; a page with children, a move or a
restriction is a wide change that makes everything cold."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from cms import generation, invalidation
from tests.factories import cms as factories

pytestmark = pytest.mark.django_db

GENERATION_READ = 1  # a warm answer reads its generations (one query), and nothing else
NEWS_LISTING = ("/api/v2/pages/", {"type": "cms.NewsPage", "fields": "title"})
BRIEF_LISTING = ("/api/v2/pages/", {"type": "cms.BriefPage", "fields": "title"})


def queries_of(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200, response.content
    return response, len(queries)


def detail(page):
    return f"/api/v2/pages/{page.pk}/"


def retitle(page, title):
    draft = page.get_latest_revision_as_object()
    draft.title = title
    draft.save_revision().publish()


def linking_dossier(tree, page, **kw):
    """A dossier whose body links to ``page`` (rich text) and lists it (« Pages liées »)."""
    body = [
        ("paragraph", f'<p>À lire : <a linktype="page" id="{page.pk}">la page</a></p>'),
        ("related_pages", {"title": "À lire aussi", "pages": [page]}),
    ]
    return factories.make_dossier(tree.dossier_index, body=body, **kw)


@pytest.fixture
def news(tree):
    return factories.make_news(tree.news_index, title="Rencontre régionale")


@pytest.fixture
def dossier(tree):
    return factories.make_dossier(tree.dossier_index, title="Laïcité")


def test_publishing_a_news_item_leaves_an_unrelated_dossier_cached_and_refreshes_what_shows_it(
    client, tree, news, dossier
):
    client.get(detail(dossier))
    client.get(*NEWS_LISTING)
    client.get(detail(news))
    client.get("/")

    retitle(news, "Rencontre régionale (compte rendu)")

    _, dossier_queries = queries_of(client, detail(dossier))
    assert dossier_queries == GENERATION_READ  # still a hit
    listing = client.get(*NEWS_LISTING).json()
    assert [item["title"] for item in listing["items"]] == ["Rencontre régionale (compte rendu)"]
    assert client.get(detail(news)).json()["title"] == "Rencontre régionale (compte rendu)"
    assert "Rencontre régionale (compte rendu)" in client.get("/").content.decode()


def test_publishing_a_news_item_leaves_the_listing_of_another_type_cached(client, tree, news):
    factories.make_brief(tree.blog_index, title="Brève")
    client.get(*BRIEF_LISTING)

    factories.make_news(tree.news_index, title="Nouvelle actualité")

    assert queries_of(client, *BRIEF_LISTING)[1] == GENERATION_READ


def test_an_untyped_listing_follows_every_publication(client, tree, news):
    params = {"child_of": tree.news_index.pk, "fields": "title"}
    client.get("/api/v2/pages/", params)

    factories.make_news(tree.news_index, title="Nouvelle actualité")

    items = client.get("/api/v2/pages/", params).json()["items"]
    assert {item["title"] for item in items} == {"Rencontre régionale", "Nouvelle actualité"}


def test_publishing_a_panorama_refreshes_the_detail_of_its_dossier(client, dossier):
    assert client.get(detail(dossier)).json()["press_panoramas"] == []

    factories.make_panorama(dossier, title="Panorama de mai")

    panoramas = client.get(detail(dossier)).json()["press_panoramas"]
    assert [panorama["title"] for panorama in panoramas] == ["Panorama de mai"]


def test_retitling_a_page_refreshes_the_pages_linking_to_it(client, tree, news):
    linking = linking_dossier(tree, news)
    assert "Rencontre régionale" in client.get(detail(linking)).content.decode()

    retitle(news, "Rencontre régionale (compte rendu)")

    related = client.get(detail(linking)).json()["body"][1]["value"]["pages"]
    assert [page["title"] for page in related] == ["Rencontre régionale (compte rendu)"]


def test_unpublishing_a_page_drops_it_from_the_pages_linking_to_it(client, tree, news):
    linking = linking_dossier(tree, news)
    assert client.get(detail(linking)).json()["body"][1]["value"]["pages"]

    news.unpublish()

    body = client.get(detail(linking)).json()["body"]
    assert body[1]["value"]["pages"] == []
    assert news.url not in body[0]["value"]


def test_the_links_of_a_published_page_are_known_before_the_background_indexing(client, tree, news):
    # Wagtail indexes references in a background task; until it runs, a change of the target
    # must still refresh the page linking to it.
    with disable_reference_index_auto_update():
        linking = linking_dossier(tree, news)
    client.get(detail(linking))

    news.unpublish()

    assert client.get(detail(linking)).json()["body"][1]["value"]["pages"] == []


def test_the_pages_linking_to_a_page_are_read_again_when_its_change_commits(
    tree, news, django_capture_on_commit_callbacks
):
    # A page linking to it, whose transaction committed meanwhile, was invisible at first.
    linking = linking_dossier(tree, news)
    ReferenceIndex.remove_for_object(linking)
    scope = generation.page_scope(linking.pk)
    with django_capture_on_commit_callbacks(execute=True):
        news.unpublish()
        ReferenceIndex.create_or_update_for_object(linking)  # the other transaction's
        before_commit = generation.current_generation(scope)

    assert generation.current_generation(scope) != before_commit


def test_publishing_a_page_with_children_is_a_wide_change(client, tree, news, dossier):
    # Its children show its title (meta.parent) and their URLs follow its slug.
    client.get(detail(dossier))
    assert client.get(detail(news)).json()["meta"]["parent"]["title"] == "Actualités"

    retitle(tree.news_index, "Toute l'actualité")

    assert client.get(detail(news)).json()["meta"]["parent"]["title"] == "Toute l'actualité"
    assert queries_of(client, detail(dossier))[1] > GENERATION_READ


@pytest.mark.parametrize("change", ["move", "restriction", "theme"])
def test_moves_restrictions_and_taxonomies_are_wide_changes(
    client, tree, news, dossier, education, change
):
    client.get(detail(dossier))

    if change == "move":
        news.move(tree.blog_index, pos="last-child")
    elif change == "restriction":
        PageViewRestriction.objects.create(page=tree.blog_index, restriction_type="login")
    else:
        education.name = "Éducation populaire"
        education.save()

    assert queries_of(client, detail(dossier))[1] > GENERATION_READ


def test_a_leaf_publication_bumps_its_detail_types_ancestors_and_linking_pages(tree, news):
    linking = linking_dossier(tree, news)

    scopes = set(invalidation.scopes_of_page_change(news))

    assert generation.CONTENT not in scopes
    assert {
        generation.page_scope(news.pk),
        "type:cms.newspage",
        generation.PAGES,
        generation.page_scope(tree.news_index.pk),
        generation.page_scope(tree.home.pk),
        generation.page_scope(linking.pk),
        "type:cms.dossierpage",
    } <= scopes
    assert generation.page_scope(tree.dossier_index.pk) not in scopes


def test_all_the_generations_of_an_answer_are_read_in_one_query(client, tree, news):
    # Detail (content, page), listing (content, type), horizon (content, PAGES): one read.
    for url, params in ((detail(news), None), NEWS_LISTING):
        with CaptureQueriesContext(connection) as queries:
            client.get(url, params or {})
        reads = [q for q in queries.captured_queries if "cms_contentgeneration" in q["sql"]]
        assert len(reads) == 1

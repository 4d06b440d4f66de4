"""Only live, public pages and documents outside restricted collections reach the API, for
anonymous callers and even for a logged-in editor: not in listings, counts, details, find,
children, parents or links inside bodies."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.models import NewsPage
from tests.factories import cms as factories
from tests.factories.users import StaffFactory

pytestmark = pytest.mark.django_db

RESTRICTIONS = ["password", "login", "groups"]


def restrict(page, kind):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="secret" if kind == "password" else ""
    )
    if kind == "groups":
        restriction.groups.add(Group.objects.create(name="Réseau VRL"))
    return restriction


def listing(client, **params):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 200, response.content
    return response.json()


def ids(data):
    return {item["id"] for item in data["items"]}


@pytest.fixture
def news_pair(tree):
    return factories.make_news(tree.news_index), factories.make_news(tree.news_index)


@pytest.mark.parametrize("kind", RESTRICTIONS)
def test_restricted_page_is_absent_from_listing_and_count(client, tree, news_pair, kind):
    public, private = news_pair
    restrict(private, kind)

    data = listing(client, type="cms.NewsPage")

    assert ids(data) == {public.pk}
    assert data["meta"]["total_count"] == 1


@pytest.mark.parametrize("kind", RESTRICTIONS)
def test_restricted_page_detail_is_404(client, news_pair, kind):
    _public, private = news_pair
    restrict(private, kind)

    response = client.get(f"/api/v2/pages/{private.pk}/")

    assert response.status_code == 404
    assert set(response.json()) == {"message"}


def test_pages_below_a_restricted_page_are_hidden_with_it(client, tree, news_pair):
    restrict(tree.news_index, "login")

    data = listing(client)

    hidden = {tree.news_index.pk, *(page.pk for page in news_pair)}
    assert not hidden & ids(data)
    assert data["meta"]["total_count"] == len(ids(data))


def test_restricted_children_are_not_listed_under_their_parent(client, tree, news_pair):
    public, private = news_pair
    restrict(private, "password")

    data = listing(client, child_of=tree.news_index.pk)

    assert ids(data) == {public.pk}
    assert data["meta"]["total_count"] == 1


def test_restricted_page_cannot_be_used_as_parent_or_ancestor(client, tree, news_pair):
    restrict(tree.news_index, "login")

    for parameter in ("child_of", "descendant_of"):
        response = client.get("/api/v2/pages/", {parameter: tree.news_index.pk})
        assert response.status_code == 400
        assert "message" in response.json()


def test_restricted_page_is_not_found_by_html_path(client, news_pair):
    public, private = news_pair
    restrict(private, "groups")

    found = client.get("/api/v2/pages/find/", {"html_path": public.url})
    hidden = client.get("/api/v2/pages/find/", {"html_path": private.url})

    assert found.status_code == 302
    assert found["Location"].endswith(f"/api/v2/pages/{public.pk}/?")
    assert hidden.status_code == 404


def test_logged_in_editor_gets_the_same_public_answers(client, news_pair):
    public, private = news_pair
    restrict(private, "login")
    client.force_login(StaffFactory())

    data = listing(client, type="cms.NewsPage")

    assert ids(data) == {public.pk}
    assert client.get(f"/api/v2/pages/{private.pk}/").status_code == 404


def test_draft_page_is_absent_from_listing_count_detail_and_find(client, tree):
    live = factories.make_news(tree.news_index)
    draft = factories.make_news(tree.news_index, publish=False)

    data = listing(client, type="cms.NewsPage")

    assert ids(data) == {live.pk}
    assert data["meta"]["total_count"] == 1
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    assert client.get("/api/v2/pages/find/", {"id": draft.pk}).status_code == 404


def test_draft_page_is_not_found_by_html_path(client, tree):
    draft = factories.make_news(tree.news_index, publish=False)
    published = factories.make_news(tree.news_index)

    assert client.get("/api/v2/pages/find/", {"html_path": published.url}).status_code == 302
    assert client.get("/api/v2/pages/find/", {"html_path": draft.url}).status_code == 404


def test_page_past_its_expiry_date_disappears_before_the_scheduler_runs(client, tree):
    expired = factories.make_news(tree.news_index)
    NewsPage.objects.filter(pk=expired.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    assert client.get(f"/api/v2/pages/{expired.pk}/").status_code == 404
    assert listing(client, type="cms.NewsPage")["meta"]["total_count"] == 0


def test_unpublished_page_disappears(client, tree):
    page = factories.make_news(tree.news_index)
    page.unpublish()

    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    assert listing(client, type="cms.NewsPage")["meta"]["total_count"] == 0


def test_body_links_to_restricted_and_draft_pages_are_dropped(client, tree):
    private = factories.make_news(tree.news_index, title="Réservée")
    restrict(private, "login")
    draft = factories.make_news(tree.news_index, title="Brouillon", publish=False)
    public = factories.make_news(tree.news_index, title="Publique")
    page = factories.make_news(
        tree.news_index,
        body=[
            (
                "paragraph",
                f'<p><a linktype="page" id="{private.pk}">a</a> '
                f'<a linktype="page" id="{draft.pk}">b</a> '
                f'<a linktype="page" id="{public.pk}">c</a></p>',
            ),
            ("related_pages", {"title": "Voir", "pages": [private, draft, public]}),
            ("call_to_action", {"label": "Lire", "page": private, "url": ""}),
        ],
    )

    body = client.get(f"/api/v2/pages/{page.pk}/").json()["body"]

    assert body[0]["value"] == f'<p><a>a</a> <a>b</a> <a href="{public.url}">c</a></p>'
    assert [item["id"] for item in body[1]["value"]["pages"]] == [public.pk]
    assert body[2]["value"] == {"label": "Lire", "page": None, "url": None}
    assert "Réservée" not in str(body) and private.slug not in str(body)


# --- documents -------------------------------------------------------------------------------


@pytest.fixture
def documents(db):
    public = factories.make_document("Rapport public", filename="public.pdf")
    private = factories.make_document(
        "Compte rendu réservé",
        filename="reserve.pdf",
        collection=factories.make_private_collection(),
    )
    return public, private


def test_private_documents_are_absent_from_documents_listing_and_count(client, documents):
    public, _private = documents

    data = client.get("/api/v2/documents/").json()

    assert ids(data) == {public.pk}
    assert data["meta"]["total_count"] == 1


def test_documents_in_a_child_of_a_private_collection_are_private_too(client, documents):
    _public, private = documents
    nested = private.collection.add_child(name="Sous-dossier")
    inner = factories.make_document(collection=nested)

    data = client.get("/api/v2/documents/").json()

    assert inner.pk not in ids(data)
    assert client.get(f"/api/v2/documents/{inner.pk}/").status_code == 404


def test_private_document_detail_and_find_are_404_even_for_staff(client, documents):
    _public, private = documents
    client.force_login(StaffFactory())

    assert client.get(f"/api/v2/documents/{private.pk}/").status_code == 404
    assert client.get("/api/v2/documents/find/", {"id": private.pk}).status_code == 404


def test_serve_view_refuses_private_document_to_anonymous(client, documents):
    public, private = documents

    served = client.get(public.url)
    refused = client.get(private.url)

    assert served.status_code == 200
    assert refused.status_code in (302, 403, 404)
    assert b"%PDF" not in b"".join(getattr(refused, "streaming_content", [refused.content]))


def test_private_documents_are_not_linked_from_bodies_or_publications(client, tree, documents):
    public, private = documents
    news = factories.make_news(
        tree.news_index,
        body=[
            (
                "paragraph",
                f'<p><a linktype="document" id="{private.pk}">réservé</a> '
                f'<a linktype="document" id="{public.pk}">public</a></p>',
            ),
            ("document", {"document": private, "label": ""}),
            ("document", {"document": public, "label": ""}),
        ],
    )
    publication = factories.make_publication(tree.publication_index, document=private)

    body = client.get(f"/api/v2/pages/{news.pk}/").json()["body"]
    pub = client.get(f"/api/v2/pages/{publication.pk}/").json()

    assert body[0]["value"] == f'<p><a>réservé</a> <a href="{public.url}">public</a></p>'
    assert body[1]["value"] == {"document": None, "label": ""}
    assert body[2]["value"]["document"]["id"] == public.pk
    assert pub["document"] is None
    assert "reserve.pdf" not in str(body) + str(pub)

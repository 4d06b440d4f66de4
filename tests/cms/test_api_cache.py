"""The public API's response cache (cms.api.cache): a repeated request is answered with one
query (the content generation, cms.generation), and every change that can alter an answer
shows on the next request; drafts, errors and the preview endpoint never go through the
cache."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms import generation
from cms.api import cache as api_cache
from cms.preview import tokens
from tests.factories import cms as factories

pytestmark = pytest.mark.django_db

LISTING = "/api/v2/pages/"
GENERATION_READ = 1  # a warm answer reads the content generation, and nothing else
NEWS = {"type": "cms.NewsPage", "fields": "title"}


def titles(client, params=NEWS):
    response = client.get(LISTING, params)
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["items"]}


def queries_of(client, url, params=None, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {}, **headers)
    return response, len(queries)


@pytest.fixture
def news(tree):
    return factories.make_news(tree.news_index, title="Rencontre régionale")


def test_second_identical_request_runs_only_the_generation_query(client, news):
    first, cold = queries_of(client, LISTING, NEWS)
    second, warm = queries_of(client, LISTING, NEWS)

    assert cold > 0
    assert warm == GENERATION_READ
    assert second.content == first.content


def test_detail_of_a_page_is_cached_too(client, news):
    url = f"/api/v2/pages/{news.pk}/"
    first, _ = queries_of(client, url)
    second, warm = queries_of(client, url)

    assert warm == GENERATION_READ
    assert second.json()["title"] == first.json()["title"] == "Rencontre régionale"


def test_authorization_header_gets_the_same_cached_answer(client, news):
    anonymous, _ = queries_of(client, LISTING, NEWS)
    with_token, warm = queries_of(client, LISTING, NEWS, HTTP_AUTHORIZATION="Token abc")

    assert warm == GENERATION_READ
    assert with_token.content == anonymous.content


def test_publishing_a_news_item_shows_on_next_request(client, tree, news):
    assert titles(client) == {"Rencontre régionale"}

    factories.make_news(tree.news_index, title="Nouvelle actualité")

    assert titles(client) == {"Rencontre régionale", "Nouvelle actualité"}


def test_republishing_an_edit_shows_on_next_request(client, news):
    assert titles(client) == {"Rencontre régionale"}

    draft = news.get_latest_revision_as_object()
    draft.title = "Rencontre régionale (compte rendu)"
    draft.save_revision().publish()

    assert titles(client) == {"Rencontre régionale (compte rendu)"}


def test_draft_save_does_not_change_the_api(client, news):
    before = client.get(LISTING, NEWS).content

    draft = news.get_latest_revision_as_object()
    draft.title = "Titre en cours de rédaction"
    draft.save_revision()

    assert client.get(LISTING, NEWS).content == before
    assert client.get(f"/api/v2/pages/{news.pk}/").json()["title"] == "Rencontre régionale"


def test_a_draft_keeps_cached_answers_cached(client, news):
    url = f"/api/v2/pages/{news.pk}/"
    client.get(LISTING, NEWS)
    client.get(url)

    draft = news.get_latest_revision_as_object()
    draft.title = "Titre en cours de rédaction"
    draft.save_revision()

    assert queries_of(client, LISTING, NEWS)[1] == GENERATION_READ
    assert queries_of(client, url)[1] == GENERATION_READ


def test_a_new_rendition_keeps_cached_answers_cached(client, tree):
    image = factories.make_image()
    news = factories.make_news(tree.news_index, image=image)
    url = f"/api/v2/pages/{news.pk}/"
    client.get(url)

    image.get_rendition("fill-80x80")  # an admin thumbnail

    assert queries_of(client, url)[1] == GENERATION_READ


def test_deleting_a_rendition_shows_on_next_request(client, tree):
    news = factories.make_news(tree.news_index, image=factories.make_image())
    url = f"/api/v2/pages/{news.pk}/"
    client.get(url)

    news.image.renditions.all().delete()

    assert queries_of(client, url)[1] > GENERATION_READ


def test_publishing_a_page_keeps_image_and_document_answers_cached(client, tree, news):
    # Their answers show no page (cms.generation's MEDIA scope).
    image, document = factories.make_image(), factories.make_document()
    urls = [
        "/api/v2/images/",
        f"/api/v2/images/{image.pk}/",
        "/api/v2/documents/",
        f"/api/v2/documents/{document.pk}/",
    ]
    for url in urls:
        client.get(url)

    factories.make_news(tree.news_index, title="Nouvelle actualité")
    news.unpublish()

    assert [queries_of(client, url)[1] for url in urls] == [GENERATION_READ] * len(urls)
    assert titles(client) == {"Nouvelle actualité"}


def test_retitling_an_image_shows_in_its_endpoint_and_in_the_pages_showing_it(client, tree):
    image = factories.make_image("Rencontre")
    news = factories.make_news(tree.news_index, image=image)
    page_url, image_url = f"/api/v2/pages/{news.pk}/", f"/api/v2/images/{image.pk}/"
    assert client.get(page_url).json()["image"]["title"] == "Rencontre"
    assert client.get(image_url).json()["title"] == "Rencontre"

    image.title = "Rencontre régionale"
    image.save()

    assert client.get(page_url).json()["image"]["title"] == "Rencontre régionale"
    assert client.get(image_url).json()["title"] == "Rencontre régionale"


def test_unpublishing_shows_on_next_request(client, news):
    assert titles(client) == {"Rencontre régionale"}
    assert client.get(f"/api/v2/pages/{news.pk}/").status_code == 200

    news.unpublish()

    assert titles(client) == set()
    assert client.get(f"/api/v2/pages/{news.pk}/").status_code == 404


def test_moving_a_page_shows_on_next_request(client, tree, news):
    url = f"/api/v2/pages/{news.pk}/"
    assert client.get(url).json()["meta"]["parent"]["id"] == tree.news_index.pk

    news.move(tree.blog_index, pos="last-child")

    assert client.get(url).json()["meta"]["parent"]["id"] == tree.blog_index.pk


def test_deleting_a_page_shows_on_next_request(client, news):
    assert titles(client) == {"Rencontre régionale"}

    news.delete()

    assert titles(client) == set()


def test_view_restriction_shows_on_next_request(client, tree, news):
    assert titles(client) == {"Rencontre régionale"}

    restriction = PageViewRestriction.objects.create(
        page=tree.news_index, restriction_type=PageViewRestriction.LOGIN
    )
    assert titles(client) == set()

    restriction.delete()
    assert titles(client) == {"Rencontre régionale"}


def test_restricting_a_collection_shows_on_next_request(client):
    document = factories.make_document("Rapport d'activité")
    collection = document.collection.add_child(name="Adhérent·e·s")
    document.collection = collection
    document.save()
    url = f"/api/v2/documents/{document.pk}/"
    assert client.get(url).status_code == 200

    from wagtail.models import CollectionViewRestriction

    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )

    assert client.get(url).status_code == 404


def test_editing_a_theme_shows_on_next_request(client, tree, education):
    news = factories.make_news(tree.news_index, themes=[education])
    url = f"/api/v2/pages/{news.pk}/"
    assert client.get(url).json()["themes"][0]["name"] == "Éducation"

    education.name = "Éducation populaire"
    education.save()

    assert client.get(url).json()["themes"][0]["name"] == "Éducation populaire"


def test_page_past_expire_at_is_not_served_from_cache(client, news, monkeypatch):
    expiry = timezone.now() + datetime.timedelta(minutes=5)
    type(news).objects.filter(pk=news.pk).update(expire_at=expiry)
    generation.bump_generation()  # the update above bypasses the signals
    assert titles(client) == {"Rencontre régionale"}

    # Five minutes later, the entry has reached the horizon: computed again, page hidden.
    real_time = api_cache.time.time
    monkeypatch.setattr(api_cache.time, "time", lambda: real_time() + 301)
    later = timezone.now() + datetime.timedelta(seconds=301)
    monkeypatch.setattr("django.utils.timezone.now", lambda: later)
    assert titles(client) == set()


def test_entries_end_at_the_next_expiry(client, news):
    expiry = timezone.now() + datetime.timedelta(seconds=40)
    type(news).objects.filter(pk=news.pk).update(expire_at=expiry)
    generation.bump_generation()

    response = client.get(LISTING, NEWS)

    assert "max-age=3" in response["Cache-Control"]  # 39 or 40 s, under the 60 s default


def test_a_change_starts_a_new_generation_at_once_and_again_when_it_commits(
    tree, django_capture_on_commit_callbacks
):
    # PAGES: the generation every publication bumps (the home page, untyped listings).
    before = generation.current_generation(generation.PAGES)
    with django_capture_on_commit_callbacks(execute=True):
        factories.make_news(tree.news_index)
        in_transaction = generation.current_generation(generation.PAGES)

    assert before != in_transaction  # the writer's own transaction sees its change at once
    assert generation.current_generation(generation.PAGES) not in (before, in_transaction)


def test_older_generations_are_pruned_when_a_change_commits(
    tree, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        factories.make_news(tree.news_index)
        factories.make_news(tree.news_index)

    for scope in (generation.CONTENT, generation.PAGES, "type:cms.newspage"):
        rows = generation.ContentGeneration.objects.filter(scope=scope)
        assert [row.token for row in rows] == [generation.current_generation(scope)]


def test_the_generation_is_read_once_per_request(client, tree, news):
    # The home page reads it for its own cache, the menu, the footer and the listings' map.
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200

    reads = [q for q in queries.captured_queries if "cms_contentgeneration" in q["sql"]]
    assert len(reads) == 1


def test_a_request_sees_a_generation_its_own_change_started(rf, news):
    # The memo of a request must not hide the request's own change (an admin publishing).
    tokens = []

    def view(request):
        tokens.append(generation.current_generation(generation.PAGES))
        news.unpublish()
        tokens.append(generation.current_generation(generation.PAGES))

    generation.GenerationPerRequestMiddleware(view)(rf.get("/"))

    assert tokens[0] != tokens[1]


def test_query_strings_are_distinct_entries_whatever_their_order(client, tree, news):
    factories.make_news(tree.news_index, title="Autre actualité")
    two = client.get(LISTING, {**NEWS, "limit": 2}).json()
    one = client.get(LISTING, {**NEWS, "limit": 1}).json()

    assert len(two["items"]) == 2
    assert len(one["items"]) == 1
    _, warm = queries_of(client, f"{LISTING}?limit=1&fields=title&type=cms.NewsPage")
    assert warm == GENERATION_READ


def test_if_none_match_gets_304(client, news):
    first = client.get(LISTING, NEWS)
    assert first["ETag"]
    assert "public" in first["Cache-Control"]
    assert first["Last-Modified"]

    again = client.get(LISTING, NEWS, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert again.content == b""


def test_etag_changes_with_the_content(client, tree, news):
    first = client.get(LISTING, NEWS)
    factories.make_news(tree.news_index, title="Nouvelle actualité")

    again = client.get(LISTING, NEWS, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]


def test_errors_are_never_cached(client, news):
    for _ in range(2):
        response, count = queries_of(client, LISTING, {"type": "cms.Inconnu"})
        assert response.status_code == 400
        assert "ETag" not in response
    missing, count = queries_of(client, "/api/v2/pages/999999/")
    missing, count = queries_of(client, "/api/v2/pages/999999/")
    assert missing.status_code == 404
    assert count > 0


def test_preview_endpoint_is_never_cached(client, news):
    draft = news.get_latest_revision_as_object()
    draft.title = "Version de travail"
    revision = draft.save_revision()
    token = tokens.issue_preview(revision.as_object(), revision=revision).token
    params = {"content_type": "cms.newspage", "token": token}

    first = client.get("/api/v2/page_preview/", params)
    second, count = queries_of(client, "/api/v2/page_preview/", params)

    assert first.status_code == second.status_code == 200
    assert second.json()["title"] == "Version de travail"
    assert count > 0
    assert "ETag" not in second


def test_browsable_html_api_bypasses_the_cache(client, news):
    client.get(LISTING, NEWS)
    html, count = queries_of(client, LISTING, NEWS, HTTP_ACCEPT="text/html")

    assert html["Content-Type"].startswith("text/html")
    assert count > 0

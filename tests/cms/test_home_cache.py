"""The home page is served from the cache between two content changes (cms.home_cache)."""

import datetime

import pytest
from django.contrib.messages import constants
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import cms as factories

pytestmark = pytest.mark.django_db


def _queries(client, url="/"):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def test_a_home_page_whose_rendering_creates_renditions_stays_cached(client, tree):
    # {% image %} creates a card's rendition while the page renders: as a trigger, it threw
    # away the very entry being stored, and the home page was never served warm.
    news = factories.make_news(tree.news_index, image=factories.make_image())
    news.image.renditions.all().delete()
    cold, _ = _queries(client)
    assert news.image.renditions.exists()  # created by this rendering

    warm, warm_queries = _queries(client)

    assert warm.content == cold.content
    assert warm_queries <= 5  # the site and page routing, and the content generation


def test_a_warm_home_page_is_served_without_rendering_its_sections(client, tree):
    factories.make_news(tree.news_index, title="Première actualité")
    cold, cold_queries = _queries(client)
    warm, warm_queries = _queries(client)
    assert cold.status_code == warm.status_code == 200
    assert warm.content == cold.content
    assert warm_queries < cold_queries
    assert warm_queries <= 5  # the site and page routing, and the content generation


def test_a_publication_shows_on_the_home_page_at_once(client, tree):
    client.get("/")
    factories.make_news(tree.news_index, title="Publiée à l'instant")
    assert "Publiée à l&#x27;instant" in client.get("/").content.decode()


def test_an_unpublication_leaves_the_home_page_at_once(client, tree):
    news = factories.make_news(tree.news_index, title="Bientôt retirée")
    assert "Bientôt retirée" in client.get("/").content.decode()
    news.unpublish()
    assert "Bientôt retirée" not in client.get("/").content.decode()


def test_a_request_with_a_message_to_show_is_rendered_not_served_from_the_cache(tree, rf):
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.template.response import TemplateResponse

    from cms.home_cache import serve_cached

    renders = []

    def render(request):
        renders.append(request)
        return TemplateResponse(request, "robots.txt", {"disallowed_paths": [], "sitemap_url": ""})

    plain = rf.get("/")
    plain._messages = CookieStorage(plain)
    serve_cached(plain, lambda: render(plain))
    serve_cached(plain, lambda: render(plain))
    assert len(renders) == 1  # the second came from the cache

    with_message = rf.get("/")
    with_message._messages = CookieStorage(with_message)
    with_message._messages.add(constants.SUCCESS, "Vous êtes déconnecté·e.")
    serve_cached(with_message, lambda: render(with_message))
    assert len(renders) == 2


def test_an_entry_expires_when_the_first_upcoming_event_it_shows_ends(tree, rf):
    from cms.home_cache import _events_horizon

    end = timezone.now() + datetime.timedelta(hours=2)
    event = factories.make_event(
        tree.event_index,
        start=timezone.now() + datetime.timedelta(hours=1),
        end=end,
    )
    assert _events_horizon({"upcoming_events": [event]}) == pytest.approx(end.timestamp())

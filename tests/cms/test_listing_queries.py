"""Listings stay constant in SQL queries whatever the number of items: taxonomies, images and
renditions are prefetched (an N+1 would make a page of 12 items cost dozens of queries)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import cms as factories

pytestmark = pytest.mark.django_db


def _queries_to_render(client, url):
    client.get(url)  # first render creates the renditions; later renders only read them
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _add_news(tree, count, theme, territory):
    for _ in range(count):
        factories.make_news(
            tree.news_index, image=factories.make_image(), themes=[theme], territories=[territory]
        )


def test_news_listing_costs_the_same_queries_for_5_and_20_items(
    client, tree, education, haute_garonne
):
    _add_news(tree, 5, education, haute_garonne)
    with_5 = _queries_to_render(client, tree.news_index.url)

    _add_news(tree, 15, education, haute_garonne)
    with_20 = _queries_to_render(client, tree.news_index.url)

    assert with_5 == with_20


def test_filtered_event_listing_costs_the_same_queries_for_5_and_20_items(
    client, tree, education, haute_garonne
):
    url = f"{tree.event_index.url}?theme=education"

    def add_events(count):
        for day in range(count):
            factories.make_event(
                tree.event_index,
                start=timezone.now() + datetime.timedelta(days=day + 1),
                image=factories.make_image(),
                themes=[education],
                territories=[haute_garonne],
            )

    add_events(5)
    with_5 = _queries_to_render(client, url)
    add_events(15)
    with_20 = _queries_to_render(client, url)

    assert with_5 == with_20


def test_home_page_costs_the_same_queries_with_more_content(client, tree, education):
    def add_content(count):
        for _ in range(count):
            factories.make_news(tree.news_index, image=factories.make_image(), themes=[education])
            factories.make_brief(tree.blog_index, themes=[education])
            factories.make_dossier(tree.dossier_index, image=factories.make_image())
            factories.make_event(tree.event_index, themes=[education])

    add_content(1)
    with_one = _queries_to_render(client, tree.home.url)
    add_content(5)
    with_six = _queries_to_render(client, tree.home.url)

    assert with_one == with_six

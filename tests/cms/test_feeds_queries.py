"""The feeds' SQL query count does not grow with the number of items (themes, networks and
site root paths are fetched once)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import cms as factories

pytestmark = pytest.mark.django_db


def _query_count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    ("url_name", "make", "index"),
    [
        ("feeds:news_rss", factories.make_news, "news_index"),
        ("feeds:news_atom", factories.make_news, "news_index"),
        ("feeds:briefs_rss", factories.make_brief, "blog_index"),
        ("feeds:briefs_atom", factories.make_brief, "blog_index"),
        ("feeds:agenda_ics", factories.make_event, "event_index"),
    ],
)
def test_feed_query_count_does_not_grow_with_items(client, tree, education, url_name, make, index):
    parent = getattr(tree, index)
    network = factories.make_network()
    extra = {"network": network} if make is factories.make_event else {}
    url = reverse(url_name)

    for _ in range(2):
        make(parent, themes=[education], **extra)
    client.get(url)  # warm caches shared by every request (site root paths)
    few = _query_count(client, url)
    for _ in range(6):
        make(parent, themes=[education], **extra)
    many = _query_count(client, url)

    assert many == few

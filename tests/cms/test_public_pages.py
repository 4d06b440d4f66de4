"""« Is this page public » has one answer (``cms.visibility``), and the API, the feeds and the
sitemap all obey it: a live page before its ``go_live_at`` or past its ``expire_at`` (while
``publish_scheduled`` has not yet run) is absent from every one of them, as is a page under a
view restriction."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.models import NewsPage
from cms.visibility import Restrictions, filter_public_pages, next_publication_change
from tests.factories import cms as factories

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _api(client, page):
    detail = client.get(f"/api/v2/pages/{page.pk}/").status_code == 200
    listing = client.get("/api/v2/pages/", {"type": "cms.NewsPage"}).json()
    assert detail == any(item["id"] == page.pk for item in listing["items"])
    return detail


def _feed(client, page):
    response = client.get(reverse("feeds:news_rss"))
    channel = ET.fromstring(response.content).find("channel")
    return page.title in [item.findtext("title") for item in channel.findall("item")]


def _sitemap(client, page):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = {url.findtext(f"{SITEMAP}loc") for url in root.iter(f"{SITEMAP}url")}
    return page.get_full_url() in locations


SHOWN_BY = {"api": _api, "feed": _feed, "sitemap": _sitemap}


def _live_news(tree, **dates):
    """A live news item whose dates are set behind Wagtail's back, as a scheduled page the
    scheduler has not handled yet."""
    page = factories.make_news(tree.news_index, title="Actualité datée")
    NewsPage.objects.filter(pk=page.pk).update(**dates)
    page.refresh_from_db()
    return page


@pytest.mark.parametrize("shown", SHOWN_BY.values(), ids=SHOWN_BY.keys())
def test_a_page_is_absent_before_its_go_live_at(client, tree, shown):
    page = _live_news(tree, go_live_at=timezone.now() + datetime.timedelta(hours=1))
    assert not shown(client, page)


@pytest.mark.parametrize("shown", SHOWN_BY.values(), ids=SHOWN_BY.keys())
def test_a_page_is_present_once_its_go_live_at_has_passed(client, tree, shown):
    page = _live_news(tree, go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    assert shown(client, page)


@pytest.mark.parametrize("shown", SHOWN_BY.values(), ids=SHOWN_BY.keys())
def test_a_page_is_absent_past_its_expire_at(client, tree, shown):
    page = _live_news(tree, expire_at=timezone.now() - datetime.timedelta(minutes=1))
    assert not shown(client, page)


@pytest.mark.parametrize("shown", SHOWN_BY.values(), ids=SHOWN_BY.keys())
def test_a_page_under_a_restricted_ancestor_is_absent(client, tree, shown):
    page = factories.make_news(tree.news_index, title="Actualité réservée")
    PageViewRestriction.objects.create(page=tree.news_index, restriction_type="login")
    assert not shown(client, page)


def test_one_page_and_a_queryset_get_the_same_answer(tree):
    now = timezone.now()
    hour = datetime.timedelta(hours=1)
    pages = [
        factories.make_news(tree.news_index),
        _live_news(tree, go_live_at=now + hour),
        _live_news(tree, expire_at=now - hour),
        factories.make_news(tree.news_index, publish=False),
    ]
    restricted = factories.make_news(tree.dossier_index)
    PageViewRestriction.objects.create(page=restricted, restriction_type="groups")
    pages.append(restricted)
    restrictions = Restrictions()
    one_by_one = {page.pk for page in pages if restrictions.is_public(page, now)}
    queried = set(
        filter_public_pages(NewsPage.objects.filter(pk__in=[p.pk for p in pages]), now).values_list(
            "pk", flat=True
        )
    )
    assert one_by_one == queried == {pages[0].pk}


def test_the_next_go_live_at_or_expire_at_of_a_live_page_is_when_public_pages_change(tree):
    now = timezone.now()
    _live_news(tree, expire_at=now + datetime.timedelta(hours=2))
    _live_news(tree, go_live_at=now + datetime.timedelta(hours=1))
    assert next_publication_change(now) == now + datetime.timedelta(hours=1)

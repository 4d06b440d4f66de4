"""``/sitemap.xml``: every live, public, unexpired page of the requested site, with lastmod."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site

from tests.factories import cms as factories

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _entries(client, **headers):
    response = client.get("/sitemap.xml", **headers)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in root.findall(f"{SITEMAP}url")
    }


def test_sitemap_is_xml(client, tree):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"


def test_sitemap_lists_live_pages_with_absolute_urls_and_lastmod(client, tree):
    news = factories.make_news(tree.news_index)
    event = factories.make_event(tree.event_index)

    entries = _entries(client)

    for page in (tree.home, tree.news_index, tree.blog_index, tree.event_index, news, event):
        url = page.get_full_url()
        assert url.startswith("http://localhost/")
        assert url in entries
    page_lastmod = timezone.localtime(news.last_published_at).date().isoformat()
    assert entries[news.get_full_url()] == page_lastmod


def test_sitemap_leaves_out_drafts(client, tree):
    draft = factories.make_news(tree.news_index, title="Brouillon", publish=False)

    assert not any(draft.slug in url for url in _entries(client))


def test_sitemap_leaves_out_private_pages_and_what_is_under_them(client, tree):
    private_index = tree.dossier_index
    dossier = factories.make_dossier(private_index)
    PageViewRestriction.objects.create(
        page=private_index, restriction_type=PageViewRestriction.LOGIN
    )
    private_news = factories.make_news(tree.news_index, title="Privée")
    PageViewRestriction.objects.create(
        page=private_news, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    public_news = factories.make_news(tree.news_index, title="Publique")

    entries = _entries(client)

    assert public_news.get_full_url() in entries
    for page in (private_index, dossier, private_news):
        assert page.get_full_url() not in entries


def test_sitemap_leaves_out_pages_past_their_expiry(client, tree):
    expired = factories.make_news(
        tree.news_index, expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    expiring_later = factories.make_news(
        tree.news_index, expire_at=timezone.now() + datetime.timedelta(days=1)
    )

    entries = _entries(client)

    assert expired.get_full_url() not in entries
    assert expiring_later.get_full_url() in entries


def test_sitemap_lists_the_pages_of_the_requested_site_only(client, tree):
    other_home = factories.add_page(
        Page.get_first_root_node(), factories.HomePage(title="Autre site", slug="autre-site")
    )
    Site.objects.create(hostname="autre.example", port=80, root_page=other_home)
    other_page = factories.make_standard(other_home, title="Ailleurs", slug="ailleurs")

    here = _entries(client)
    there = _entries(client, HTTP_HOST="autre.example")

    assert other_page.get_full_url() not in here
    assert set(there) == {"http://autre.example/", "http://autre.example/ailleurs/"}

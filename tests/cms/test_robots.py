"""``/robots.txt``: the public site is open, back offices and search results are not, and the
sitemap is given by its absolute URL."""

import pytest
from wagtail.models import Site

from tests.factories.cms import make_site_tree

pytestmark = pytest.mark.django_db


def _lines(client, **headers):
    response = client.get("/robots.txt", **headers)
    assert response.status_code == 200
    return [line for line in response.content.decode().splitlines() if line]


def test_robots_txt_is_plain_text(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"


def test_robots_txt_allows_the_site_and_disallows_back_offices_and_search_results(client):
    lines = _lines(client)

    assert lines[:2] == ["User-agent: *", "Allow: /"]
    assert [line for line in lines if line.startswith("Disallow:")] == [
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /extranet/",
        "Disallow: /api/extranet/",
        "Disallow: /recherche/?*",
    ]


def test_robots_txt_points_to_the_absolute_sitemap_url_of_the_site(client):
    make_site_tree()  # site "localhost", port 80

    assert _lines(client)[-1] == "Sitemap: http://localhost/sitemap.xml"


def test_robots_txt_without_site_uses_the_request_host(client):
    Site.objects.all().delete()  # Wagtail's migrations create a default "localhost" site

    assert _lines(client, HTTP_HOST="portail.example")[-1] == (
        "Sitemap: http://portail.example/sitemap.xml"
    )


def test_robots_txt_refuses_post(client):
    assert client.post("/robots.txt").status_code == 405

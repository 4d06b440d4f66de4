"""/api/v2/redirects/: the editors' redirects for a decoupled front, never revealing the
address of a page the API hides."""

import jsonschema
import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction, Site

from cms.api.openapi import document
from tests.factories import cms as factories

pytestmark = pytest.mark.django_db


def matches(component, answer):
    openapi = document()
    schema = {"$ref": f"#/components/schemas/{component}", "components": openapi["components"]}
    jsonschema.validate(answer, schema, cls=jsonschema.Draft202012Validator)


def listed(client):
    answer = client.get("/api/v2/redirects/").json()
    matches("RedirectListing", answer)
    return {item["old_path"]: item["location"] for item in answer["items"]}


def test_a_redirect_to_an_external_address_is_listed_with_its_location(client):
    Redirect.objects.create(old_path="/vieux-site", redirect_link="https://example.org/x")
    assert listed(client) == {"/vieux-site": "https://example.org/x"}


def test_a_redirect_to_a_public_page_gives_the_page_address(client):
    tree = factories.make_site_tree()
    news = factories.make_news(tree.news_index, title="Une actualité")
    Redirect.objects.create(old_path="/ancienne-actu", redirect_page=news)
    assert listed(client) == {"/ancienne-actu": news.url}


def test_a_redirect_to_a_draft_or_a_restricted_page_is_absent(client):
    tree = factories.make_site_tree()
    draft = factories.make_news(tree.news_index, title="Brouillon", publish=False)
    private = factories.make_news(tree.news_index, title="Réservée")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    hidden = [
        Redirect.objects.create(old_path="/vers-brouillon", redirect_page=draft),
        Redirect.objects.create(old_path="/vers-prive", redirect_page=private),
    ]
    assert listed(client) == {}
    for redirect in hidden:
        assert client.get(f"/api/v2/redirects/{redirect.pk}/").status_code == 404
        find = client.get(f"/api/v2/redirects/find/?html_path={redirect.old_path}/")
        assert find.status_code == 404


def test_find_answers_the_redirect_of_an_old_path(client):
    redirect = Redirect.objects.create(old_path="/vieux-site", redirect_link="https://example.org")
    response = client.get("/api/v2/redirects/find/?html_path=/vieux-site/")
    assert response.status_code == 302
    # Wagtail keeps the other query parameters: none here, an empty "?" remains.
    assert response["Location"].rstrip("?").endswith(f"/api/v2/redirects/{redirect.pk}/")
    detail = client.get(response["Location"]).json()
    matches("RedirectItem", detail)
    assert detail["location"] == "https://example.org"
    assert detail["is_permanent"] is True


def test_an_unknown_old_path_is_a_404(client):
    assert client.get("/api/v2/redirects/find/?html_path=/rien/").status_code == 404


def test_a_redirect_of_another_site_is_absent(client):
    tree = factories.make_site_tree()
    other = Site.objects.create(hostname="autre.example.org", root_page=tree.home)
    Redirect.objects.create(old_path="/ailleurs", redirect_link="https://example.org", site=other)
    Redirect.objects.create(old_path="/partout", redirect_link="https://example.org")
    assert listed(client) == {"/partout": "https://example.org"}

"""One test per visibility rule through the HTML page ``/recherche/``: results, the total in
the heading, facet counts and snippets (suggestions are the API's, tested there).

Corpus: tests/search/conftest.py (« laïcité » once per audience).
"""

import re

import pytest
from bs4 import BeautifulSoup

from extranet.spaces.models import Membership

pytestmark = pytest.mark.django_db

PAGE_URL = "/recherche/"


class Page:
    """What a visitor reads on the page, parsed from the HTML."""

    def __init__(self, response):
        assert response.status_code == 200, response.content[:500]
        self.soup = BeautifulSoup(response.content, "html.parser")

    @property
    def titles(self):
        return {a.get_text() for a in self.soup.select(".search-result__title a")}

    @property
    def total(self):
        heading = self.soup.find(id="resultats-titre").get_text(" ", strip=True)
        match = re.match(r"(\d+) résultats?", heading)
        return int(match.group(1)) if match else 0

    def facet(self, name):
        counts = {}
        for box in self.soup.select(f'input[type=checkbox][name="{name}"]'):
            label = self.soup.find("label", attrs={"for": box["id"]}).get_text(" ", strip=True)
            counts[box["value"]] = int(re.search(r"\((\d+)", label).group(1))
        return counts

    @property
    def snippets(self):
        return " ".join(p.get_text() for p in self.soup.select(".search-result__snippet"))

    @property
    def badges(self):
        return [span.get_text() for span in self.soup.select(".search-result .badge-private")]


def _page(client, q="laïcité", **params):
    return Page(client.get(PAGE_URL, {"q": q, **params}))


# --- anonymous ------------------------------------------------------------------------------


def test_anonymous_page_shows_public_documents_only(client, corpus):
    page = _page(client)
    assert page.titles == {corpus["public"].title}
    assert page.total == 1
    assert page.badges == []


def test_anonymous_page_facets_count_public_documents_only(client, corpus):
    page = _page(client)
    assert page.facet("kind") == {"actualite": 1}
    assert page.facet("theme") == {"laicite": 1}
    assert page.facet("territory") == {"31": 1}
    assert page.facet("space") == {}


def test_anonymous_page_snippets_come_from_public_documents_only(client, corpus):
    snippets = _page(client).snippets
    assert "Valeurs de la République" in snippets
    assert "formateur·rice·s" not in snippets
    assert "réseau PRE" not in snippets and "plan de formation" not in snippets


def test_anonymous_page_filtering_on_a_space_shows_nothing(client, corpus, space):
    page = _page(client, space=space.pk)
    assert page.titles == set() and page.total == 0
    assert space.name not in page.soup.get_text()


# --- members --------------------------------------------------------------------------------


def test_member_page_shows_their_space_with_its_badge(client, member, corpus, space):
    client.force_login(member)
    page = _page(client)
    assert page.titles == {corpus["public"].title, corpus["space"].title}
    assert page.total == 2
    assert page.badges == [f"Réservé aux membres de l'espace « {space.name} »"]


def test_member_page_facets_and_snippets_include_their_space_only(client, member, corpus, space):
    client.force_login(member)
    page = _page(client)
    assert page.facet("space") == {str(space.pk): 1}
    assert page.facet("kind") == {"actualite": 1, "sujet": 1}
    assert "formateur·rice·s" in page.snippets
    assert "réseau PRE" not in page.snippets


# --- outsiders ------------------------------------------------------------------------------


def test_outsider_page_excludes_a_space_they_are_not_in(client, outsider, corpus, space):
    client.force_login(outsider)
    page = _page(client)
    assert page.titles == {corpus["public"].title, corpus["other_space"].title}
    assert page.total == 2
    assert str(space.pk) not in page.facet("space")
    assert "formateur·rice·s" not in page.snippets
    assert space.name not in page.soup.get_text()


# --- removed members ------------------------------------------------------------------------


def test_removed_member_loses_the_space_on_the_next_page_view(client, member, corpus, space):
    client.force_login(member)
    assert _page(client).total == 2
    Membership.objects.filter(user=member, space=space).delete()
    page = _page(client)
    assert page.titles == {corpus["public"].title}
    assert page.total == 1
    assert page.facet("space") == {}
    assert "formateur·rice·s" not in page.snippets
    assert space.name not in page.soup.get_text()


# --- staff ----------------------------------------------------------------------------------


def test_staff_page_shows_restricted_pages_labelled_restricted_access(client, staff, corpus):
    client.force_login(staff)
    page = _page(client)
    assert page.titles == {corpus["public"].title, corpus["staff"].title}
    assert page.total == 2
    assert page.facet("territory") == {"31": 1, "34": 1}
    assert "plan de formation" in page.snippets
    assert page.badges == ["Accès restreint"]


def test_members_who_are_not_staff_never_see_staff_documents_on_the_page(
    client, member, outsider, corpus
):
    for user in (member, outsider):
        client.force_login(user)
        page = _page(client)
        assert corpus["staff"].title not in page.titles
        assert "plan de formation" not in page.snippets

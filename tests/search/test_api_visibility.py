"""One test per visibility rule through ``/api/search/`` and ``/api/search/suggest/``, for
results, totals, facets, snippets and suggestions.

The corpus (tests/search/conftest.py) holds « laïcité » once per audience: public, the
member's space, another space, staff. Callers are identified as the API identifies them:
anonymous, a browser session, or an ``Authorization: Token …`` header.
"""

import pytest
from rest_framework.authtoken.models import Token

from extranet.spaces.models import Membership

pytestmark = pytest.mark.django_db

SEARCH_URL = "/api/search/"
SUGGEST_URL = "/api/search/suggest/"


def _search(client, q="laïcité", **params):
    response = client.get(SEARCH_URL, {"q": q, **params})
    assert response.status_code == 200, response.content
    return response.json()


def _titles(data):
    return {result["title"] for result in data["results"]}


def _facet(data, name):
    return {facet["value"]: facet["count"] for facet in data["facets"][name]}


def _suggested(client, prefix="laïc"):
    response = client.get(SUGGEST_URL, {"q": prefix})
    assert response.status_code == 200, response.content
    return {suggestion["title"] for suggestion in response.json()["suggestions"]}


def _snippets(data):
    return " ".join(result["snippet"] for result in data["results"])


@pytest.fixture
def as_user(client):
    """A client logged in (session) as the given user."""

    def login(user):
        client.force_login(user)
        return client

    return login


# --- anonymous ------------------------------------------------------------------------------


def test_anonymous_api_results_are_public_documents_only(client, corpus):
    assert _titles(_search(client)) == {corpus["public"].title}


def test_anonymous_api_total_and_pages_count_public_documents_only(client, corpus):
    data = _search(client)
    assert data["total"] == 1 and data["pages"] == 1


def test_anonymous_api_facets_count_public_documents_only(client, corpus):
    data = _search(client)
    assert _facet(data, "kind") == {"actualite": 1}
    assert _facet(data, "theme") == {"laicite": 1}
    assert _facet(data, "territory") == {"31": 1}
    assert _facet(data, "space") == {}


def test_anonymous_api_snippets_come_from_public_documents_only(client, corpus):
    snippets = _snippets(_search(client))
    assert "<mark>laïcité</mark>" in snippets
    assert "formateur·rice·s" not in snippets  # the member space's text
    assert "réseau PRE" not in snippets and "plan de formation" not in snippets


def test_anonymous_api_suggestions_are_public_titles_only(client, corpus):
    assert _suggested(client) == {corpus["public"].title}


def test_anonymous_api_cannot_reach_a_space_by_filtering_on_it(client, corpus, space):
    data = _search(client, space=space.pk)
    assert data["results"] == [] and data["total"] == 0


def test_anonymous_api_browsing_without_query_sees_public_documents_only(client, corpus):
    data = _search(client, q="")
    assert _titles(data) == {corpus["public"].title} and data["total"] == 1


def test_anonymous_is_allowed_although_the_api_default_requires_login(client, corpus):
    # REST_FRAMEWORK's default permission is IsAuthenticated: search opts out explicitly.
    assert client.get(SEARCH_URL).status_code == 200
    assert client.get(SUGGEST_URL).status_code == 200


# --- members (session and token) ------------------------------------------------------------


def test_member_api_results_include_their_space(as_user, member, corpus):
    data = _search(as_user(member))
    assert _titles(data) == {corpus["public"].title, corpus["space"].title}


def test_member_api_total_and_facets_include_their_space_only(as_user, member, corpus, space):
    data = _search(as_user(member))
    assert data["total"] == 2
    assert _facet(data, "space") == {space.pk: 1}
    assert _facet(data, "kind") == {"actualite": 1, "sujet": 1}


def test_member_api_private_result_names_its_space(as_user, member, corpus, space):
    (private,) = [r for r in _search(as_user(member))["results"] if r["space_name"]]
    assert private["space_name"] == space.name
    assert private["restricted_label"] == f"Réservé aux membres de l'espace « {space.name} »"


def test_member_api_snippets_exclude_spaces_they_are_not_in(as_user, member, corpus):
    snippets = _snippets(_search(as_user(member)))
    assert "formateur·rice·s" in snippets
    assert "réseau PRE" not in snippets and "plan de formation" not in snippets


def test_member_api_suggestions_include_their_space(as_user, member, corpus):
    assert _suggested(as_user(member)) == {corpus["public"].title, corpus["space"].title}


def test_member_with_a_token_sees_their_space(client, member, corpus):
    token = Token.objects.create(user=member)
    response = client.get(SEARCH_URL, {"q": "laïcité"}, HTTP_AUTHORIZATION=f"Token {token.key}")
    assert _titles(response.json()) == {corpus["public"].title, corpus["space"].title}
    response = client.get(SUGGEST_URL, {"q": "laïc"}, HTTP_AUTHORIZATION=f"Token {token.key}")
    assert {s["title"] for s in response.json()["suggestions"]} == {
        corpus["public"].title,
        corpus["space"].title,
    }


def test_a_bad_token_is_refused_rather_than_served_as_anonymous(client, corpus):
    response = client.get(SEARCH_URL, {"q": "laïcité"}, HTTP_AUTHORIZATION="Token faux")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


# --- outsiders ------------------------------------------------------------------------------


def test_outsider_api_results_exclude_a_space_they_are_not_in(as_user, outsider, corpus):
    assert _titles(_search(as_user(outsider))) == {
        corpus["public"].title,
        corpus["other_space"].title,
    }


def test_outsider_api_total_facets_snippets_and_suggestions_exclude_that_space(
    as_user, outsider, corpus, space
):
    client = as_user(outsider)
    data = _search(client)
    assert data["total"] == 2
    assert space.pk not in _facet(data, "space")
    assert "formateur·rice·s" not in _snippets(data)
    assert corpus["space"].title not in _suggested(client)


def test_outsider_api_filtering_on_a_space_they_are_not_in_gets_nothing(
    as_user, outsider, corpus, space
):
    data = _search(as_user(outsider), q="", space=space.pk)
    assert data["total"] == 0 and data["results"] == []


# --- removed members ------------------------------------------------------------------------


def test_removed_member_loses_the_space_on_the_next_api_query(as_user, member, corpus, space):
    client = as_user(member)
    assert _search(client)["total"] == 2
    Membership.objects.filter(user=member, space=space).delete()
    data = _search(client)
    assert _titles(data) == {corpus["public"].title}
    assert data["total"] == 1
    assert _facet(data, "space") == {}
    assert "formateur·rice·s" not in _snippets(data)
    assert _suggested(client) == {corpus["public"].title}


# --- staff ----------------------------------------------------------------------------------


def test_staff_api_results_total_facets_and_suggestions_include_staff_documents(
    as_user, staff, corpus
):
    client = as_user(staff)
    data = _search(client)
    assert _titles(data) == {corpus["public"].title, corpus["staff"].title}
    assert data["total"] == 2
    assert _facet(data, "territory") == {"31": 1, "34": 1}
    assert "plan de formation" in _snippets(data)
    assert corpus["staff"].title in _suggested(client)


def test_a_restricted_page_api_result_is_labelled_restricted_access(as_user, staff, corpus):
    (reserved,) = [r for r in _search(as_user(staff))["results"] if r["restricted_label"]]
    assert reserved["restricted_label"] == "Accès restreint"
    assert reserved["space_name"] is None


def test_members_who_are_not_staff_never_see_staff_documents_in_the_api(
    client, member, outsider, corpus
):
    for user in (member, outsider):
        client.force_login(user)
        assert corpus["staff"].title not in _titles(_search(client))
        assert corpus["staff"].title not in _suggested(client)

"""One test per visibility rule, for results, counts, facets, snippets and suggestions.

The corpus holds the word « laïcité » once per audience: public, the caller's space, another
space, staff (see conftest.py).
"""

import pytest

from extranet.spaces.models import Membership
from search.models import SearchDocument, space_audience
from search.service import _restricted_label, search, suggest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_engine")]


def _titles(response):
    return {result.title for result in response.results}


def _facet(response, name):
    return {facet.value: facet.count for facet in response.facets[name]}


def _suggested(user, prefix="laïc"):
    return {suggestion["title"] for suggestion in suggest(user, prefix)}


# --- anonymous ------------------------------------------------------------------------------


def test_anonymous_results_are_public_documents_only(anonymous, corpus):
    assert _titles(search(anonymous, "laïcité")) == {corpus["public"].title}


def test_anonymous_total_counts_public_documents_only(anonymous, corpus):
    assert search(anonymous, "laïcité").total == 1


def test_anonymous_facets_count_public_documents_only(anonymous, corpus):
    response = search(anonymous, "laïcité")
    assert _facet(response, "kind") == {"actualite": 1}
    assert _facet(response, "theme") == {"laicite": 1}
    assert _facet(response, "territory") == {"31": 1}
    assert _facet(response, "space") == {}


def test_anonymous_browsing_without_query_sees_public_documents_only(anonymous, corpus):
    response = search(anonymous, "")
    assert _titles(response) == {corpus["public"].title}
    assert response.total == 1


def test_anonymous_suggestions_are_public_titles_only(anonymous, corpus):
    assert _suggested(anonymous) == {corpus["public"].title}


def test_anonymous_cannot_reach_a_space_by_filtering_on_it(anonymous, corpus, space):
    response = search(anonymous, "laïcité", filters={"space": [space.pk]})
    assert response.results == [] and response.total == 0


# --- members --------------------------------------------------------------------------------


def test_member_results_include_their_space(member, corpus):
    assert _titles(search(member, "laïcité")) == {corpus["public"].title, corpus["space"].title}


def test_member_total_and_facets_include_their_space_only(member, corpus, space):
    response = search(member, "laïcité")
    assert response.total == 2
    assert _facet(response, "space") == {space.pk: 1}
    assert _facet(response, "kind") == {"actualite": 1, "sujet": 1}
    assert _facet(response, "theme") == {"laicite": 2}


def test_private_result_names_its_space(member, corpus):
    (private,) = [r for r in search(member, "laïcité").results if r.space_name]
    # The space is named « Réseau VRL Occitanie »: the label does not say « réseau » twice.
    assert private.restricted_label == "Réservé aux membres de l'espace « Réseau VRL Occitanie »"


@pytest.mark.parametrize(
    ("space_name", "label"),
    [
        ("Réseau VRL Occitanie", "Réservé aux membres de l'espace « Réseau VRL Occitanie »"),
        ("Forum du réseau PRE", "Réservé aux membres de l'espace « Forum du réseau PRE »"),
        ("Groupe de travail GUSP", "Réservé aux membres de l'espace « Groupe de travail GUSP »"),
        ("", "Réservé aux membres de l'espace"),
    ],
)
def test_the_private_label_reads_well_whatever_the_space_is_called(space_name, label):
    document = SearchDocument(audience=space_audience(3), space_id=3, space_name=space_name)
    assert _restricted_label(document) == label
    words = label.lower().replace("«", " ").split()
    assert all(a != b for a, b in zip(words, words[1:], strict=False))


def test_member_suggestions_include_their_space(member, corpus):
    assert _suggested(member) == {corpus["public"].title, corpus["space"].title}


def test_member_snippets_come_from_visible_documents_only(member, corpus):
    snippets = " ".join(str(r.snippet) for r in search(member, "laïcité").results)
    assert "réseau PRE" not in snippets
    assert "note interne" not in snippets.lower()


# --- outsiders (members of another space) ---------------------------------------------------


def test_outsider_results_exclude_a_space_they_are_not_in(outsider, corpus):
    titles = _titles(search(outsider, "laïcité"))
    assert corpus["space"].title not in titles
    assert titles == {corpus["public"].title, corpus["other_space"].title}


def test_outsider_total_facets_and_suggestions_exclude_that_space(outsider, corpus, space):
    response = search(outsider, "laïcité")
    assert response.total == 2
    assert space.pk not in _facet(response, "space")
    assert corpus["space"].title not in _suggested(outsider)


def test_outsider_filtering_on_a_space_they_are_not_in_gets_nothing(outsider, corpus, space):
    response = search(outsider, "", filters={"space": [space.pk]})
    assert response.total == 0 and response.results == []


# --- removed members ------------------------------------------------------------------------


def test_removed_member_loses_the_space_on_the_next_query(member, corpus, space):
    assert search(member, "laïcité").total == 2
    Membership.objects.filter(user=member, space=space).delete()
    response = search(member, "laïcité")
    assert _titles(response) == {corpus["public"].title}
    assert response.total == 1
    assert _facet(response, "space") == {}
    assert _suggested(member) == {corpus["public"].title}


# --- staff ----------------------------------------------------------------------------------


def test_staff_results_include_staff_documents(staff, corpus):
    assert _titles(search(staff, "laïcité")) == {corpus["public"].title, corpus["staff"].title}


def test_staff_total_facets_and_suggestions_include_staff_documents(staff, corpus):
    response = search(staff, "laïcité")
    assert response.total == 2
    assert _facet(response, "territory") == {"31": 1, "34": 1}
    assert corpus["staff"].title in _suggested(staff)


def test_a_restricted_page_result_is_labelled_restricted_access(staff, corpus):
    (reserved,) = [r for r in search(staff, "laïcité").results if r.restricted_label]
    assert reserved.restricted_label == "Accès restreint"


def test_members_who_are_not_staff_never_see_staff_documents(member, outsider, corpus):
    for user in (member, outsider):
        assert corpus["staff"].title not in _titles(search(user, "laïcité"))
        assert corpus["staff"].title not in _suggested(user)

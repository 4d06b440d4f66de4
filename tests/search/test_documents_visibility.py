"""What becomes searchable, per source rule: drafts, unpublished and view-restricted pages,
private collections, space documents. Asserted through the service, as people see it."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import Page, PageViewRestriction

from search import sync
from search.models import (
    PUBLIC,
    Kind,
    SearchDocument,
    readers_audience,
    restricted_audience,
    space_audience,
)
from search.service import search
from tests.factories.cms import make_document as make_wagtail_document
from tests.factories.cms import make_news, make_private_collection, make_site_tree
from tests.factories.extranet import SpaceFactory, make_member
from tests.factories.extranet import make_document as make_space_document
from tests.factories.search import make_document
from tests.factories.users import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_engine")]


@pytest.fixture
def tree():
    return make_site_tree()


def _titles(user, q):
    return {result.title for result in search(user, q).results}


def _page_document(page):
    return SearchDocument.objects.filter(
        content_type=ContentType.objects.get_for_model(Page), object_id=str(page.pk)
    ).first()


def test_published_page_is_public_with_its_kind_url_and_themes(tree, anonymous):
    page = make_news(tree.news_index, title="Laïcité : retour sur la journée")
    sync.process_pending()
    document = _page_document(page)
    assert (document.kind, document.audience) == (Kind.NEWS, "public")
    assert document.url == page.get_url()
    assert "acteur·rice·s" in document.body  # intro and body blocks are indexed
    assert _titles(anonymous, "laïcité journée") == {page.title}


def test_draft_page_is_not_searchable(tree, anonymous, staff):
    make_news(tree.news_index, title="Laïcité : brouillon", publish=False)
    sync.process_pending()
    assert _titles(anonymous, "brouillon") == set()
    assert _titles(staff, "brouillon") == set()


def test_unpublished_page_leaves_the_index(tree, anonymous):
    page = make_news(tree.news_index, title="Laïcité : dépublication")
    sync.process_pending()
    assert _titles(anonymous, "dépublication") == {page.title}
    page.unpublish()
    sync.process_pending()
    assert _titles(anonymous, "dépublication") == set()
    assert _page_document(page) is None


def test_page_under_a_view_restriction_has_the_audience_of_its_restricted_section(
    tree, anonymous, member, staff
):
    page = make_news(tree.news_index, title="Laïcité : page réservée")
    PageViewRestriction.objects.create(page=tree.news_index, restriction_type="password")
    sync.process_pending()
    assert _page_document(page).audience == restricted_audience(page.path, tree.news_index.path)
    assert _titles(anonymous, "réservée") == set()
    assert _titles(member, "réservée") == set()  # a password is given per session
    assert _titles(staff, "réservée") == {page.title}


def test_removing_the_restriction_makes_the_page_public_again(tree, anonymous):
    page = make_news(tree.news_index, title="Laïcité : restriction levée")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="login")
    sync.process_pending()
    assert _titles(anonymous, "restriction levée") == set()
    restriction.delete()
    sync.process_pending()
    assert _titles(anonymous, "restriction levée") == {page.title}


def test_listing_pages_are_not_results(tree, anonymous):
    sync.rebuild()
    assert _titles(anonymous, "actualités") == set()


def test_private_collection_document_is_not_searchable(anonymous, staff):
    public = make_wagtail_document("Vademecum laïcité")
    make_wagtail_document("Laïcité : document privé", collection=make_private_collection())
    sync.process_pending()
    assert _titles(anonymous, "laïcité") == {public.title}
    assert _titles(staff, "laïcité") == {public.title}


def test_space_document_is_for_that_space_only(anonymous):
    space = SpaceFactory(name="Réseau PRE", slug="pre")
    member = make_member(space)
    outsider = UserFactory()
    document = make_space_document(space, title="Laïcité : compte rendu partagé")
    sync.process_pending()
    stored = SearchDocument.objects.get(kind=Kind.DOCUMENT, title=document.title)
    assert stored.audience == space_audience(space.pk)
    assert _titles(member, "compte rendu partagé") == {document.title}
    assert _titles(outsider, "compte rendu partagé") == set()
    assert _titles(anonymous, "compte rendu partagé") == set()


def test_document_leaves_search_when_its_collection_becomes_private(anonymous):
    from wagtail.models import CollectionViewRestriction

    collection = make_private_collection()
    CollectionViewRestriction.objects.filter(collection=collection).delete()
    document = make_wagtail_document("Laïcité : guide", collection=collection)
    sync.process_pending()
    assert _titles(anonymous, "guide") == {document.title}
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    sync.process_pending()
    assert _titles(anonymous, "guide") == set()


def _audience_statement(space_count):
    from search.models import DocumentEntry

    tokens = {PUBLIC, *(space_audience(n) for n in range(space_count))}
    tokens.add(readers_audience("0001"))
    sql, params = DocumentEntry.objects.for_audience(tokens).query.sql_with_params()
    return sql, params


def test_the_audience_filter_takes_the_same_statement_for_any_number_of_spaces_on_postgresql():
    # psycopg keeps a statement's parsed form up to 50 parameters: a member's spaces must not
    # push the search statement past them (``search.models.AnyOf``).
    if connection.vendor != "postgresql":
        pytest.skip("the array form is PostgreSQL's")
    two, fifty = _audience_statement(2), _audience_statement(50)
    assert two[0] == fifty[0]
    assert len(two[1]) == len(fifty[1])
    assert sorted(fifty[1][0]) == sorted([PUBLIC, *(space_audience(n) for n in range(50))])


def test_the_audience_filter_reads_the_documents_of_each_token_and_no_other():
    tokens = {PUBLIC, space_audience(3), readers_audience("0001")}
    made = {
        audience: make_document(f"Fiche {audience}", audience=audience, index=False)
        for audience in (
            PUBLIC,
            space_audience(3),
            space_audience(30),
            restricted_audience("0001", "0001"),
            restricted_audience("000100020003", "0001"),
            restricted_audience("00010002", "00010002"),
            restricted_audience("0002", "0002"),
        )
    }
    readable = set(SearchDocument.objects.for_audience(tokens).values_list("audience", flat=True))
    assert readable == {
        PUBLIC,
        space_audience(3),
        restricted_audience("0001", "0001"),
        restricted_audience("000100020003", "0001"),
    }
    assert len(made) == 7


def test_the_audience_lookup_takes_a_subquery_as_in_does():
    readable = make_document("Fiche publique", index=False)
    make_document("Fiche d'espace", audience=space_audience(4), index=False)
    public = SearchDocument.objects.filter(pk=readable.pk).values("audience")
    assert list(SearchDocument.objects.filter(audience__any_of=public)) == [readable]

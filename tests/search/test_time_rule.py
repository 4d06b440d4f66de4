"""The time rule, checked when searching: a page is found from its ``go_live_at`` until its
``expire_at``, whatever the index holds and whether or not ``publish_scheduled`` has run yet.

Results, totals, facets and suggestions (service and ``/api/search/suggest/``), on every
engine (``search_engine``). The clock moves forward (``clock``): nothing is re-indexed in
between, so only the search itself can apply the rule.
"""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page

from search import sync
from search.models import SearchDocument
from search.service import search, suggest
from tests.factories.cms import make_news, make_site_tree
from tests.factories.search import make_document

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_engine")]

SUGGEST_URL = "/api/search/suggest/"


def _titles(user, q):
    return {result.title for result in search(user, q).results}


def _suggested(user, prefix):
    return {suggestion["title"] for suggestion in suggest(user, prefix)}


def _api_suggested(client, prefix):
    response = client.get(SUGGEST_URL, {"q": prefix})
    assert response.status_code == 200, response.content
    return {suggestion["title"] for suggestion in response.json()["suggestions"]}


def _in_an_hour():
    return timezone.now() + datetime.timedelta(hours=1)


@pytest.fixture
def tree():
    return make_site_tree()


def test_a_page_past_its_expiry_date_is_not_found_before_the_scheduler_unpublishes_it(
    tree, anonymous, staff, clock
):
    page = make_news(tree.news_index, title="Laïcité : appel à projets", expire_at=_in_an_hour())
    sync.process_pending()
    assert _titles(anonymous, "appel à projets") == {page.title}
    clock.advance(hours=2)
    assert Page.objects.get(pk=page.pk).live  # publish_scheduled has not run
    assert _titles(anonymous, "appel à projets") == set()
    assert _titles(staff, "appel à projets") == set()
    assert search(anonymous, "").total == 0  # browsing without words neither


def test_a_live_page_before_its_go_live_date_is_not_found_until_then(tree, anonymous, clock):
    page = make_news(tree.news_index, title="Laïcité : journée d'étude")
    Page.objects.filter(pk=page.pk).update(go_live_at=_in_an_hour())
    sync.record(page)
    sync.process_pending()
    assert _titles(anonymous, "journée d'étude") == set()
    clock.advance(hours=2)
    assert _titles(anonymous, "journée d'étude") == {page.title}


def test_an_expired_document_leaves_totals_facets_and_suggestions(anonymous, clock):
    make_document("Laïcité : formation permanente", themes=[("laicite", "Laïcité")])
    make_document(
        "Laïcité : formation de printemps",
        themes=[("laicite", "Laïcité")],
        territories=[("31", "Haute-Garonne")],
        visible_until=_in_an_hour(),
    )
    assert search(anonymous, "laïcité").total == 2
    clock.advance(hours=2)
    response = search(anonymous, "laïcité")
    assert response.total == 1
    assert {f.value: f.count for f in response.facets["theme"]} == {"laicite": 1}
    assert response.facets["territory"] == []
    assert {f.value: f.count for f in response.facets["kind"]} == {"actualite": 1}
    assert _suggested(anonymous, "laïcité form") == {"Laïcité : formation permanente"}


def test_a_document_before_its_go_live_date_is_in_no_count_and_no_suggestion(anonymous, clock):
    make_document("Laïcité : programme annoncé", visible_from=_in_an_hour())
    response = search(anonymous, "laïcité programme")
    assert (response.total, response.results, response.facets["kind"]) == (0, [], [])
    assert _suggested(anonymous, "laïcité prog") == set()
    clock.advance(hours=2)
    assert search(anonymous, "laïcité programme").total == 1
    assert _suggested(anonymous, "laïcité prog") == {"Laïcité : programme annoncé"}


def test_the_suggest_api_leaves_out_an_expired_page(tree, client, clock):
    page = make_news(tree.news_index, title="Laïcité : colloque régional", expire_at=_in_an_hour())
    sync.process_pending()
    assert _api_suggested(client, "colloque") == {page.title}
    clock.advance(hours=2)
    assert _api_suggested(client, "colloque") == set()


def test_a_page_already_expired_when_indexed_has_no_document(tree, anonymous):
    page = make_news(tree.news_index, title="Laïcité : archive", expire_at=_in_an_hour())
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(1))
    sync.record(page)
    sync.process_pending()
    assert _titles(anonymous, "archive") == set()
    page_type = ContentType.objects.get_for_model(Page)
    assert not SearchDocument.objects.filter(content_type=page_type, object_id=str(page.pk))

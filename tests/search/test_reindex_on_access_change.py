"""A change that changes who may see something re-indexes everything under it: a topic moved
to another space takes all its posts along, a collection moved under a private one takes its
documents out of search (and back when it moves out), a view restriction added to or removed
from a page changes the audience of every page under it. On every engine (``search_engine``):
each test applies the outbox as the task would, then asks the search."""

import pytest
from wagtail.models import Collection, PageViewRestriction

from search import sync
from search.service import search
from tests.factories.cms import make_document, make_news, make_private_collection, make_site_tree
from tests.factories.extranet import SpaceFactory, make_member, make_reply, make_topic

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_engine")]


def _found(user, q):
    response = search(user, q)
    return sorted(result.url for result in response.results), response.total


def test_a_topic_moved_to_another_space_takes_all_its_posts_along(space, member):
    other = SpaceFactory(name="Réseau PRE", slug="pre")
    other_member = make_member(other)
    topic = make_topic(space, author=member, title="Parentalité : outils", body="Des outils")
    for n in (1, 2):
        make_reply(topic, author=member, body=f"Témoignage de parentalité numéro {n}")
    sync.process_pending()
    assert _found(member, "témoignage") == ([topic.get_absolute_url()], 1)
    topic.space = other
    topic.save()  # as the Django admin moves it
    sync.process_pending()
    assert _found(member, "témoignage") == ([], 0)
    assert _found(member, "parentalité") == ([], 0)
    response = search(other_member, "témoignage")  # the replies' words, in the topic's result
    (result,) = response.results
    assert result.url == topic.get_absolute_url()
    assert result.url.startswith(f"/extranet/{other.slug}/")
    assert result.replies.count == 2


def test_a_collection_moved_under_a_private_one_takes_its_documents_out_of_search(anonymous):
    collection = Collection.get_first_root_node().add_child(name="Guides")
    nested = collection.add_child(name="Guides détaillés")
    documents = [
        make_document("Guide laïcité pour les collectivités", collection=collection),
        make_document("Guide laïcité détaillé", collection=nested),
    ]
    private = make_private_collection()
    sync.process_pending()
    assert _found(anonymous, "guide laïcité")[1] == 2
    Collection.objects.get(pk=collection.pk).move(private, pos="sorted-child")
    sync.process_pending()
    assert _found(anonymous, "guide laïcité") == ([], 0)
    Collection.objects.get(pk=collection.pk).move(Collection.get_first_root_node(), "sorted-child")
    sync.process_pending()
    assert _found(anonymous, "guide laïcité") == (sorted(d.url for d in documents), 2)


def test_a_restriction_added_to_a_page_makes_every_page_under_it_reserved(anonymous, staff):
    tree = make_site_tree()
    page = make_news(tree.news_index, title="Radicalisation : ressources")
    sync.process_pending()
    assert _found(anonymous, "radicalisation")[1] == 1
    restriction = PageViewRestriction.objects.create(page=tree.news_index, restriction_type="login")
    sync.process_pending()
    assert _found(anonymous, "radicalisation") == ([], 0)
    assert _found(staff, "radicalisation")[1] == 1  # still found by the team
    restriction.delete()
    sync.process_pending()
    assert _found(anonymous, "radicalisation") == ([page.get_url()], 1)

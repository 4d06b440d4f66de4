"""The rebuild and the outbox processing read what builders need per chunk: the number of
queries does not grow with the number of sources. Runs on SQLite and PostgreSQL."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.conf import get_app_config
from wagtail.models import Page, PageViewRestriction

from extranet.forum.services import hide_post
from search import sync
from search.documents.forum import TopicBuilder
from search.documents.pages import PageBuilder
from search.models import DocumentEntry, Kind, SearchDocument, restricted_audience
from tests.factories.cms import make_event, make_news, make_site_tree, make_territory, make_theme
from tests.factories.extranet import SpaceFactory, make_member, make_reply, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    return make_site_tree()


@pytest.fixture
def taxonomy():
    return [make_theme("Éducation"), make_theme("Laïcité")], [make_territory("Hérault")]


@pytest.fixture
def space():
    return SpaceFactory(name="Réseau VRL", slug="vrl")


def _add_pages(tree, taxonomy, count):
    themes, territories = taxonomy
    for n in range(count):
        make_news(tree.news_index, title=f"Actualité {n}", themes=themes, territories=territories)
        make_event(tree.event_index, title=f"Rencontre {n}", themes=themes[:1])


def _add_forum(space, count):
    author = make_member(space)
    for n in range(count):
        topic = make_topic(space, author=author, title=f"Sujet {n}")
        make_reply(topic, author=author, body=f"Réponse {n}")


def _rebuild_queries(from_empty):
    if from_empty:
        SearchDocument.objects.all().delete()  # and, on PostgreSQL, their entries
        get_app_config().get_model("IndexEntry").objects.all().delete()
    with CaptureQueriesContext(connection) as captured:
        sync.rebuild(chunk_size=1000)
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "from_empty",
    [
        True,
        # Over an existing index, modelsearch's SQLite writer updates entries one by one;
        # ours for PostgreSQL writes them in one statement.
        pytest.param(
            False,
            marks=pytest.mark.skipif(
                connection.vendor != "postgresql", reason="SQLite entries: modelsearch's writer"
            ),
        ),
    ],
)
def test_a_rebuild_costs_the_same_queries_for_few_or_many_sources(
    tree, taxonomy, space, from_empty
):
    _add_pages(tree, taxonomy, 2)
    _add_forum(space, 2)
    sync.rebuild(chunk_size=1000)  # caches (content types, site root paths) warm
    few = _rebuild_queries(from_empty)
    _add_pages(tree, taxonomy, 6)
    _add_forum(space, 6)
    many = _rebuild_queries(from_empty)
    assert SearchDocument.objects.filter(kind=Kind.NEWS).count() == 8
    # Two posts per topic, both in their topic's document.
    assert SearchDocument.objects.filter(kind=Kind.TOPIC).count() == 8
    assert many == few


def test_a_chunk_of_pages_is_built_in_a_constant_number_of_queries(tree, taxonomy):
    def build_queries():
        pages = list(PageBuilder().queryset().order_by("pk"))
        with CaptureQueriesContext(connection) as captured:
            built = PageBuilder().build_many(pages)
        return len(captured.captured_queries), built

    _add_pages(tree, taxonomy, 1)
    build_queries()  # the site root paths cached, as after the first chunk
    few, _ = build_queries()
    _add_pages(tree, taxonomy, 5)
    many, built = build_queries()
    assert many == few
    news = [data for page, data in built if data and data.kind == Kind.NEWS]
    assert len(news) == 6
    themes, territories = taxonomy
    assert all(
        {slug for slug, _ in data.themes} == {theme.slug for theme in themes}
        and [slug for slug, _ in data.territories] == [territories[0].slug]
        for data in news
    )


def test_chunk_building_gives_what_building_one_page_gives(tree, taxonomy):
    _add_pages(tree, taxonomy, 2)
    private = make_news(tree.news_index, title="Réservé")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    pages = list(PageBuilder().queryset().order_by("pk"))
    one_by_one = [PageBuilder().build(page) for page in pages]
    in_a_chunk = [data for _, data in PageBuilder().build_many(pages)]
    assert in_a_chunk == one_by_one
    reserved = [data.audience for data in in_a_chunk if data and data.title == "Réservé"]
    assert reserved == [restricted_audience(private.path, private.path)]


def test_a_topic_is_indexed_with_its_first_visible_post(space):
    author = make_member(space)
    topic = make_topic(space, author=author, title="Laïcité", body="Premier message masqué")
    make_reply(topic, author=author, body="La première réponse visible")
    moderator = make_member(space, role="moderator")
    hide_post(topic.posts.order_by("created_at", "pk").first(), moderator, "hors sujet")
    (annotated,) = TopicBuilder().queryset().filter(pk=topic.pk)
    assert TopicBuilder().build(annotated).body == "La première réponse visible"
    # The same for a topic that did not come from the builder's queryset.
    plain = type(topic).objects.get(pk=topic.pk)
    assert TopicBuilder().build(plain).body == "La première réponse visible"


def _has_index_entry(document):
    """PostgreSQL: our entry table; SQLite: modelsearch's entries (and their FTS rows)."""
    if connection.vendor == "postgresql":
        return DocumentEntry.objects.filter(pk=document.pk).exists()
    entries = get_app_config().get_model("IndexEntry").objects
    content_type = ContentType.objects.get_for_model(SearchDocument)
    return entries.filter(content_type=content_type, object_id=str(document.pk)).exists()


def test_a_rebuild_removes_orphans_and_their_index_entries(space):
    _add_forum(space, 2)
    sync.process_pending()
    orphan = SearchDocument.objects.create(
        content_type=ContentType.objects.get_for_model(Page),
        object_id="987654",
        kind=Kind.PAGE,
        title="Page disparue",
        url="/disparue/",
        audience="public",
    )
    sync.indexing.push([orphan])
    assert _has_index_entry(orphan)
    _progress, removed = sync.rebuild(chunk_size=1)
    assert removed == 1
    assert not SearchDocument.objects.filter(pk=orphan.pk).exists()
    assert not _has_index_entry(orphan)
    assert SearchDocument.objects.filter(kind=Kind.TOPIC).count() == 2  # each with its reply

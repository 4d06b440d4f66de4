"""Migrations that re-index: ``search.0004`` (PostgreSQL only: the ``portal_simple``
configuration, and every search document put back in the outbox to be indexed with it) and
``search.0005`` (every database: the analysis changed), both ways; ``search.0006`` copies
the facet values' slugs onto the documents; ``search.0009`` re-queues the forum posts (opening
posts are no longer results of their own); ``search.0010`` moves the documents' PostgreSQL
index entries into their own table, and back; ``search.0011`` re-queues the page documents
(they get their go-live and expiry dates); ``search.0012`` those of the former ``staff``
audience (they get their page's path); ``search.0016`` the forum's documents (a topic and
its replies become one document). Each test leaves the database at the last migration."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from search.models import IndexChange, SearchDocument
from tests.factories.search import make_document

pytestmark = pytest.mark.django_db(transaction=True)
POSTGRES = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL configurations")

BEFORE, AFTER = "0003_postgres_search_indexes", "0004_portal_simple_text_search"
REQUEUED = "0005_reindex_for_gendered_forms"
SLUGS = "0006_search_document_facet_slugs"
COVERING = "0007_covering_indexes_with_facet_slugs"
VECTORS_INLINE = "0008_index_entry_vectors_inline"
OPENING_POSTS = "0009_reindex_opening_posts"
ENTRIES = "0010_document_entries"
VISIBLE_FROM_UNTIL = "0011_documents_visible_from_until"
STAFF_PATHS = "0012_audience_of_staff_pages"
LATEST = "0013_audience_of_restricted_pages"
VOCABULARY = "0015_documents_updated_at_indexes"
FORUM_THREADS = "0016_forum_threads_as_one_document"


def _head():
    from django.db.migrations.loader import MigrationLoader

    # No database: the graph of the migration files alone.
    (leaf,) = MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes("search")
    return leaf[1]


#: Where every test leaves the database: the last migration, so that the tests run after
#: these find every table (``SearchWord`` came with 0014).
HEAD = _head()


def _migrate(name):
    executor = MigrationExecutor(connection)
    executor.migrate([("search", name)])


def _config_exists():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = 'portal_simple'")
        return cursor.fetchone() is not None


def _queued(document):
    return set(
        IndexChange.objects.filter(
            content_type_id=document.content_type_id, object_id=document.object_id
        ).values_list("action", flat=True)
    )


@POSTGRES
def test_migration_0004_requeues_every_document_and_reverses():
    documents = [make_document("Panorama de presse", index=False), make_document("Le PRE")]
    try:
        _migrate(AFTER)
        IndexChange.objects.all().delete()
        _migrate(BEFORE)
        assert not _config_exists()
        assert all(_queued(document) == {"upsert"} for document in documents)
        IndexChange.objects.all().delete()
        _migrate(AFTER)
        assert _config_exists()
        assert all(_queued(document) == {"upsert"} for document in documents)
        assert IndexChange.objects.count() == len(documents)
    finally:
        _migrate(HEAD)


def test_migration_0005_requeues_every_document_and_reverses():
    documents = [make_document("Les conseillères", index=False), make_document("Les élu·e·s")]
    try:
        IndexChange.objects.all().delete()
        _migrate(AFTER)
        assert all(_queued(document) == {"upsert"} for document in documents)
        IndexChange.objects.all().delete()
        _migrate(REQUEUED)
        assert all(_queued(document) == {"upsert"} for document in documents)
        assert IndexChange.objects.count() == len(documents)
    finally:
        _migrate(HEAD)


@POSTGRES
def test_portal_simple_folds_accents_and_does_not_stem():
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('portal_simple', 'pres Laïcité acteurs le')::text")
        assert cursor.fetchone()[0] == "'acteurs':3 'laicite':2 'le':4 'pres':1"


def test_a_source_already_waiting_in_the_outbox_is_not_queued_twice():
    documents = [make_document("Les conseillères", index=False), make_document("Les élu·e·s")]
    try:
        _migrate(AFTER)
        IndexChange.objects.all().delete()
        waiting = documents[0]
        IndexChange.objects.create(
            content_type_id=waiting.content_type_id, object_id=waiting.object_id, action="upsert"
        )
        _migrate(REQUEUED)
        assert IndexChange.objects.count() == len(documents)
        assert all(_queued(document) == {"upsert"} for document in documents)
    finally:
        _migrate(HEAD)


def test_migration_0006_copies_the_facet_values_slugs_onto_the_documents():
    tagged = make_document(
        "Tagged",
        themes=[("education", "Éducation"), ("sante", "Santé")],
        territories=[("lyon", "Lyon")],
        index=False,
    )
    bare = make_document("Bare", index=False)
    try:
        _migrate(REQUEUED)
        _migrate(SLUGS)
        # Only the columns of that state (later migrations add more).
        rows = SearchDocument.objects.only("themes", "territories")
        tagged, bare = (rows.get(pk=d.pk) for d in (tagged, bare))
        assert sorted(tagged.themes) == ["education", "sante"]
        assert tagged.territories == ["lyon"]
        assert (bare.themes, bare.territories) == ([], [])
    finally:
        _migrate(HEAD)


def _storage():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute WHERE attrelid = "
            "'wagtailsearch_indexentry'::regclass AND attname IN ('title', 'body')"
        )
        return dict(cursor.fetchall())


@POSTGRES
def test_migration_0008_keeps_the_vectors_in_their_rows_and_reverses():
    try:
        assert _storage() == {"title": "m", "body": "m"}
        _migrate(COVERING)
        assert _storage() == {"title": "x", "body": "x"}
    finally:
        _migrate(HEAD)
    assert _storage() == {"title": "m", "body": "m"}


def _forum_document(model_name, object_id, kind):
    """A forum document as the migrations found them (``message``: a reply's, before 0016)."""
    from django.contrib.contenttypes.models import ContentType

    from extranet.forum import models

    url = "/extranet/espaces/peps/sujets/4242/"
    return SearchDocument.objects.create(
        content_type=ContentType.objects.get_for_model(getattr(models, model_name)),
        object_id=object_id,
        kind=kind,
        title="Dérives sectaires",
        url=url if kind == "sujet" else f"{url}#message-{object_id}",
        audience="space:1",
    )


def test_migration_0009_requeues_the_forum_posts_only():
    post = _forum_document("Post", "424242", "message")
    page = make_document("Le PRE", index=False)
    try:
        _migrate(VECTORS_INLINE)
        IndexChange.objects.all().delete()
        _migrate(LATEST)
        assert _queued(post) == {"upsert"}
        assert _queued(page) == set()
    finally:
        _migrate(HEAD)


def _generic_vectors(content_type_id):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT object_id, title::text, body::text, autocomplete::text, title_norm "
            "FROM wagtailsearch_indexentry WHERE content_type_id = %s",
            [content_type_id],
        )
        return {int(row[0]): row[1:] for row in cursor.fetchall()}


def _entry_rows():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT document_id, title::text, body::text, autocomplete::text, title_norm, "
            "audience, kind, space_id, space_name, themes FROM search_documententry"
        )
        return {row[0]: row[1:] for row in cursor.fetchall()}


@POSTGRES
def test_migration_0010_moves_the_entries_into_their_own_table_and_back():
    from django.contrib.contenttypes.models import ContentType

    from search.models import space_audience

    content_type = ContentType.objects.get_for_model(SearchDocument).pk
    public = make_document("Le PRE à Toulouse", "Réussite éducative.", themes=[("pre", "PRE")])
    private = make_document(
        "Compte rendu", "Des élu·e·s.", audience=space_audience(7), space_id=7, space_name="VRL"
    )
    before = _entry_rows()
    try:
        _migrate(OPENING_POSTS)
        generic = _generic_vectors(content_type)
        # Back in modelsearch's table: the same vectors and norms, nothing lost.
        assert generic == {pk: row[:4] for pk, row in before.items()}
        assert set(generic) == {public.pk, private.pk}
        _migrate(LATEST)
        after = _entry_rows()
        assert after == before
        assert after[private.pk][4:8] == (space_audience(7), "actualite", 7, "VRL")
        assert after[public.pk][-1] == "pre"
        assert _generic_vectors(content_type) == {}
        assert [r.title for r in _search_anonymously("PRE")] == ["Le PRE à Toulouse"]
    finally:
        _migrate(HEAD)


def _search_anonymously(q):
    from django.contrib.auth.models import AnonymousUser

    from search.service import search

    return search(AnonymousUser(), q).results


def test_migration_0011_requeues_the_page_documents_only():
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    from search.models import Kind

    page = SearchDocument.objects.create(
        content_type=ContentType.objects.get_for_model(Page),
        object_id="424243",
        kind=Kind.NEWS,
        title="Appel à projets",
        url="/actualites/appel/",
        audience="public",
    )
    other = make_document("Le PRE", index=False)
    try:
        _migrate(ENTRIES)
        IndexChange.objects.all().delete()
        _migrate(VISIBLE_FROM_UNTIL)
        assert _queued(page) == {"upsert"}
        assert _queued(other) == set()
    finally:
        _migrate(HEAD)


def test_migration_0012_requeues_the_documents_of_the_former_staff_audience():
    staff = make_document("Note interne", audience="staff", index=False)
    public = make_document("Le PRE", index=False)
    try:
        _migrate(VISIBLE_FROM_UNTIL)
        IndexChange.objects.all().delete()
        _migrate(STAFF_PATHS)
        assert _queued(staff) == {"upsert"}
        assert _queued(public) == set()
    finally:
        _migrate(HEAD)


def test_migration_0013_requeues_the_pages_of_the_former_staff_path_audience():
    restricted = make_document("Note interne", audience="staff:00010002", index=False)
    public = make_document("Le PRE", index=False)
    try:
        _migrate(STAFF_PATHS)
        IndexChange.objects.all().delete()
        _migrate(LATEST)
        assert _queued(restricted) == {"upsert"}
        assert _queued(public) == set()
    finally:
        _migrate(HEAD)


def test_migration_0016_requeues_the_forum_documents_only():
    """Topics are re-indexed with their replies' text; the replies' own documents (kind
    ``message``) are re-queued so that the outbox deletes them."""
    topic = _forum_document("Topic", "4242", "sujet")
    reply = _forum_document("Post", "424242", "message")
    page = make_document("Le PRE", index=False)
    try:
        _migrate(VOCABULARY)
        IndexChange.objects.all().delete()
        _migrate(FORUM_THREADS)
        assert _queued(topic) == {"upsert"}
        assert _queued(reply) == {"upsert"}
        assert _queued(page) == set()
    finally:
        _migrate(HEAD)

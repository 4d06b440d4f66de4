"""Our one-statement writer of the documents' PostgreSQL index entries (``DocumentEntry``)
computes what modelsearch's writer computes (vectors, weights, title norms), both with the
non-stemming ``portal_simple`` configuration (our terms are stemmed already), while
Wagtail's pages keep ``portal_french`` in modelsearch's table; whoever indexes documents
through the backend writes our table; a rebuild reads the average title length once instead
of after every chunk. PostgreSQL only."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models.expressions import RawSQL
from django.test.utils import CaptureQueriesContext
from modelsearch.backends import get_search_backend
from modelsearch.backends.database.postgres.postgres import PostgresIndex
from modelsearch.conf import get_app_config

from search import indexing, sync
from search.analysis import analyse
from search.engines import engine_for
from search.models import DocumentEntry, SearchDocument, space_audience
from tests.factories.extranet import SpaceFactory, make_member, make_reply, make_topic
from tests.factories.search import make_document

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL index entries"),
]


TEXTS = {"title_s": "title", "body_s": "body", "auto_s": "autocomplete"}


def _as_text(rows):
    return rows.annotate(**{name: RawSQL(f"{column}::text", []) for name, column in TEXTS.items()})


def _entries():
    """Our entries, by document id (as text, like modelsearch's object ids)."""
    return {str(row.pk): row for row in _as_text(DocumentEntry.objects.all())}


def _generic_entries():
    """modelsearch's own index entries of search documents."""
    content_type = ContentType.objects.get_for_model(SearchDocument)
    rows = get_app_config().get_model("IndexEntry").objects.filter(content_type=content_type)
    return {row.object_id: row for row in _as_text(rows)}


def _snapshot(entries):
    return {object_id: (row.title_s, row.auto_s, row.body_s) for object_id, row in entries.items()}


@pytest.fixture
def documents():
    return [
        make_document(
            "Rencontre des acteur·rice·s de la réussite éducative",
            "Le PRE et les QPV : l'insertion des jeunes, la laïcité à l'école.",
            themes=[("education", "Éducation"), ("laicite", "Laïcité")],
            territories=[("31", "Haute-Garonne")],
            index=False,
        ),
        make_document(
            "Compte rendu",
            "Des élu·e·s et des habitant·e·s.",
            audience=space_audience(3),
            space_id=3,
            space_name="Réseau VRL",
            index=False,
        ),
        make_document("Sans texte", "", index=False),
    ]


def test_our_entries_hold_what_modelsearchs_writer_computes(documents):
    backend = get_search_backend()
    indexing.write_postgres_entries(backend, documents)
    PostgresIndex(backend.with_config("portal_simple")).add_items(SearchDocument, documents)
    ours, theirs = _entries(), _generic_entries()
    assert _snapshot(ours) == _snapshot(theirs)
    assert set(ours) == {str(document.pk) for document in documents}
    # Title norms: lavg / length(title) both ways (modelsearch averages after inserting).
    for object_id, row in theirs.items():
        assert ours[object_id].title_norm == pytest.approx(row.title_norm, rel=1e-6)


def test_an_entry_carries_the_columns_of_its_document(documents):
    indexing.write_postgres_entries(get_search_backend(), documents)
    for document in documents:
        entry = DocumentEntry.objects.get(pk=document.pk)
        copied = ("audience", "kind", "year", "date", "space_id", "space_name")
        assert [getattr(entry, c) for c in copied] == [getattr(document, c) for c in copied]
        assert entry.themes.split() == document.themes
        assert entry.territories.split() == document.territories


def test_indexing_documents_through_the_backend_writes_our_entries_only(documents):
    """What Wagtail's ``update_index`` does (``add_bulk``, ``delete``, ``reset``)."""
    backend = get_search_backend()
    backend.add_bulk(SearchDocument, documents)
    assert set(_entries()) == {str(document.pk) for document in documents}
    assert _generic_entries() == {}
    backend.delete(documents[0])
    assert set(_entries()) == {str(document.pk) for document in documents[1:]}
    backend.get_index_for_model(SearchDocument).reset()
    assert _entries() == {}


def test_a_document_without_title_terms_keeps_a_neutral_norm():
    document = make_document("Le", "du texte", index=False)  # only a stop word
    indexing.write_postgres_entries(get_search_backend(), [document], title_average=None)
    assert _entries()[str(document.pk)].title_norm == 1.0


def test_a_rebuild_reads_the_average_title_length_once():
    space = SpaceFactory(name="Réseau PRE", slug="pre")
    author = make_member(space)
    for n in range(6):
        make_reply(make_topic(space, author=author, title=f"Sujet {n}"), author=author)
    with CaptureQueriesContext(connection) as captured:
        sync.rebuild(chunk_size=2)  # 3 chunks of topics (and Wagtail's root page)
    averages = [q for q in captured.captured_queries if "AVG(length(title))" in q["sql"]]
    assert len(averages) == 1
    assert len(_entries()) == 6  # 6 topics, each with its posts (#10 §2)


# --- one stemming only: ours --------------------------------------------------------------


def _lexemes(object_id, column, content_type=None):
    with connection.cursor() as cursor:
        if content_type is None:  # a search document: our table
            cursor.execute(
                f"SELECT tsvector_to_array({column}) FROM {DocumentEntry._meta.db_table} "
                "WHERE document_id = %s",
                [object_id],
            )
        else:
            entries = get_app_config().get_model("IndexEntry")
            cursor.execute(
                f"SELECT tsvector_to_array({column}) FROM {entries._meta.db_table} "
                "WHERE content_type_id = %s AND object_id = %s",
                [content_type.pk, str(object_id)],
            )
        return set(cursor.fetchone()[0])


TITLE, BODY = "Panorama de presse : les coordinatrices", "Le PRE et la presse régionale."


@pytest.mark.parametrize("writer", ["ours", "backend"])
def test_stored_lexemes_are_our_terms_stemmed_once(writer):
    """Under a second stemming ``presse`` (our term ``pres``) became ``pre``, the term of
    ``PRE``: they must not share a lexeme, whichever writer wrote the entry."""
    document = make_document(TITLE, BODY, index=False)
    backend = get_search_backend()
    if writer == "ours":
        indexing.write_postgres_entries(backend, [document])
    else:
        backend.add_bulk(SearchDocument, [document])
    title, body = _lexemes(document.pk, "title"), _lexemes(document.pk, "body")
    assert title == set(analyse(TITLE))
    assert body == set(analyse(BODY))
    (press,) = analyse("presse")
    (pre,) = analyse("PRE")
    assert press != pre
    assert press in title and pre not in title
    assert {press, pre} <= body


def test_search_documents_use_portal_simple_and_other_models_portal_french():
    from wagtail.models import Page

    backend = get_search_backend()
    assert backend.config_for_model(SearchDocument) == "portal_simple"
    assert backend.config_for_model(Page) == "portal_french"
    assert engine_for(backend).search_config == "portal_simple"


def test_the_query_matches_our_terms_as_they_are():
    make_document(TITLE, "Revue de presse de la semaine.")
    pre = make_document("Rencontre PRE", "Le programme de réussite éducative.")
    titles = [result.title for result in _search("PRE")]
    assert titles == [pre.title]
    assert [result.title for result in _search("presse")] == [TITLE]


def test_wagtail_pages_are_still_indexed_and_searched_with_french_stemming():
    """The admin page search keeps ``portal_french``: a page titled « Panorama de presse »
    is found by « presses », which only French stemming relates to « presse »."""
    from wagtail.models import Page

    root = Page.get_first_root_node()
    page = root.add_child(instance=Page(title="Panorama de presse", slug="panorama-presse"))
    backend = get_search_backend()
    backend.add(page)
    content_type = ContentType.objects.get_for_model(Page)
    lexemes = _lexemes(page.pk, "title", content_type)
    with connection.cursor() as cursor:
        cursor.execute("SELECT tsvector_to_array(to_tsvector('portal_french', %s))", [page.title])
        assert lexemes == set(cursor.fetchone()[0])
    assert page.pk in [found.pk for found in backend.search("presses", Page)]


def _search(q):
    from django.contrib.auth.models import AnonymousUser

    from search.service import search

    return search(AnonymousUser(), q).results

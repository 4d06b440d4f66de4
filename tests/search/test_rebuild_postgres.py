"""Our one-statement writer of PostgreSQL index entries writes what modelsearch's writer
writes (vectors, weights, texts, title norms), and a rebuild reads the average title length
once instead of after every chunk. PostgreSQL only."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models.expressions import RawSQL
from django.test.utils import CaptureQueriesContext
from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config

from search import indexing, sync
from search.models import SearchDocument, space_audience
from tests.factories.extranet import SpaceFactory, make_member, make_reply, make_topic
from tests.factories.search import make_document

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL index entries"),
]


TEXTS = {"title_s": "title", "body_s": "body", "auto_s": "autocomplete"}


def _entries():
    content_type = ContentType.objects.get_for_model(SearchDocument)
    rows = get_app_config().get_model("IndexEntry").objects.filter(content_type=content_type)
    as_text = {name: RawSQL(f"{column}::text", []) for name, column in TEXTS.items()}
    return {row.object_id: row for row in rows.annotate(**as_text)}


def _snapshot():
    return {
        object_id: (row.title_s, row.auto_s, row.body_s, row.title_text, row.body_text)
        for object_id, row in _entries().items()
    }


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


def test_our_entries_are_modelsearchs_entries(documents):
    backend = get_search_backend()
    indexing.write_postgres_entries(backend, documents)
    ours = _snapshot()
    ours_norms = {object_id: row.title_norm for object_id, row in _entries().items()}
    get_app_config().get_model("IndexEntry").objects.all().delete()

    backend.add_bulk(SearchDocument, documents)  # modelsearch's own writer
    theirs = _snapshot()
    assert ours == theirs
    assert set(ours) == {str(document.pk) for document in documents}
    # Title norms: lavg / length(title) both ways (modelsearch averages after inserting).
    for object_id, row in _entries().items():
        assert ours_norms[object_id] == pytest.approx(row.title_norm, rel=1e-6)


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
        sync.rebuild(chunk_size=2)  # 9 chunks of topics and posts
    averages = [q for q in captured.captured_queries if "AVG(length(title))" in q["sql"]]
    assert len(averages) == 1
    assert len(_entries()) == 18

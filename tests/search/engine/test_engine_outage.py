"""When the live engine cannot answer: writes still succeed, searches answer degraded from the
database (never a 500), and once it is back ``search_resync`` restores every change, compared
document by document. An engine error of our making (a request it rejects) is a 400 with a
French message. Marked ``engine``.

The outage is the engine's address refusing connections (the backend pointed at a closed
port): what the portal sees of a stopped node, without stopping the node other test workers
share.
"""

import socket

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from search import engines, service, sync
from search.analysis.queries import Alternative, Clause, QueryPlan
from search.engines import EngineRejected, SearchRequest, default_engine
from search.forms import InvalidSearch
from search.models import IndexChange, SearchDocument
from tests.factories.cms import make_news, make_site_tree
from tests.factories.extranet import SpaceFactory, make_member, make_reply, make_topic
from tests.factories.search import make_document
from tests.search.live_engine import current_backend, database_ids, engine_ids, engine_settings

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.engine,
    pytest.mark.faults,
    pytest.mark.usefixtures("live"),
]


def _closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again when the probe goes: connection refused


@pytest.fixture
def engine_down():
    """The engine unreachable for the duration of the ``with`` block."""
    return override_settings(
        WAGTAILSEARCH_BACKENDS=engine_settings(url=f"http://127.0.0.1:{_closed_port()}")
    )


def _engine_documents():
    """``{id: (title, audience, kind)}`` as the engine stores them."""
    backend = current_backend()
    ids = sorted(engine_ids())
    if not ids:
        return {}
    mapping = backend.mapping_class(SearchDocument)
    title = mapping.get_field_column_name(
        next(f for f in SearchDocument.get_search_fields() if f.field_name == "title")
    )
    fields = {
        name: mapping.get_field_column_name(field)
        for field in SearchDocument.get_filterable_search_fields()
        for name in ("audience", "kind")
        if field.field_name == name
    }
    response = backend.es.mget(
        index=backend.get_index_for_model(SearchDocument).name, body={"ids": ids}
    )
    return {
        doc["_id"]: (
            doc["_source"][title],
            doc["_source"][fields["audience"]],
            doc["_source"][fields["kind"]],
        )
        for doc in response["docs"]
    }


def _database_documents():
    return {
        str(document.pk): (document.engine_text("title"), document.audience, document.kind)
        for document in SearchDocument.objects.all()
    }


@pytest.fixture
def space():
    return SpaceFactory(name="Réseau PEPS", slug="peps")


def test_writes_succeed_and_are_kept_in_the_outbox_while_the_engine_is_down(engine_down, space):
    with engine_down:
        topic = make_topic(space, title="Dérives sectaires : ressources")
        report = sync.process_pending()
    assert report.failed == 1
    assert IndexChange.objects.exists()
    assert topic.pk  # the write itself succeeded


def test_search_answers_degraded_from_the_database_while_the_engine_is_down(engine_down, anonymous):
    make_document("Complotisme : ressources pédagogiques")
    with engine_down:
        response = service.search(anonymous, "complotisme")
    assert response.degraded
    assert [result.title for result in response.results] == [
        "Complotisme : ressources pédagogiques"
    ]


def test_the_api_answers_200_degraded_while_the_engine_is_down(engine_down, client):
    make_document("Complotisme : ressources pédagogiques")
    with engine_down:
        response = client.get(reverse("search:api"), {"q": "complotisme"})
    assert response.status_code == 200
    assert response.json()["degraded"] is True


def test_suggestions_come_from_the_database_while_the_engine_is_down(engine_down, anonymous):
    make_document("Complotisme : ressources pédagogiques")
    with engine_down:
        suggestions = service.suggest(anonymous, "complot")
    assert [s["title"] for s in suggestions] == ["Complotisme : ressources pédagogiques"]


def test_resync_after_the_outage_restores_every_change_document_by_document(engine_down, space):
    tree = make_site_tree()
    before = make_news(tree.news_index, title="Avant la panne")
    topic = make_topic(space, title="Prévention : échanges")
    sync.process_pending()
    with engine_down:
        make_news(tree.news_index, title="Pendant la panne")
        make_reply(topic, body="Une réponse écrite pendant la panne")
        before.unpublish()
        topic.title = "Prévention : échanges renommés"
        topic.save()
        sync.process_pending()
        assert IndexChange.objects.exists()
    call_command("search_resync", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not IndexChange.objects.exists()
    assert engine_ids() == database_ids()
    assert _engine_documents() == _database_documents()


# --- engine errors --------------------------------------------------------------------------


def _plan_of(words):
    clauses = [Clause((Alternative((word,), word),)) for word in words]
    return QueryPlan(clauses=clauses)


TOO_MANY = [f"mot{n}" for n in range(1100)]  # beyond the engine's 1,024 boolean clauses


def test_a_query_the_engine_rejects_is_engine_rejected_not_unavailable():
    make_document("Laïcité")
    request = SearchRequest(audience=frozenset({"public"}), plan=_plan_of(TOO_MANY))
    with pytest.raises(EngineRejected):
        default_engine().search(request)


def test_a_rejected_query_is_a_400_with_a_french_message(client, monkeypatch):
    make_document("Laïcité")
    monkeypatch.setattr(service, "parse", lambda q: _plan_of(TOO_MANY))
    response = client.get(reverse("search:api"), {"q": "laïcité"})
    assert response.status_code == 400
    assert response.json()["errors"]["q"] == [service.ENGINE_REJECTED]


def test_a_rejected_query_on_the_search_page_shows_the_french_message(client, monkeypatch):
    make_document("Laïcité")
    monkeypatch.setattr(service, "parse", lambda q: _plan_of(TOO_MANY))
    response = client.get(reverse("search:page"), {"q": "laïcité"})
    assert response.status_code == 400
    assert "simplifiez-la" in response.content.decode()


def test_a_rejected_query_never_falls_back_to_the_database(monkeypatch, anonymous):
    make_document("Laïcité")
    monkeypatch.setattr(service, "parse", lambda q: _plan_of(TOO_MANY))
    monkeypatch.setattr(
        engines.FallbackEngine, "search", lambda self, request: pytest.fail("fallback used")
    )
    with pytest.raises(InvalidSearch):
        service.search(anonymous, "laïcité")


def test_member_of_a_space_finds_its_post_again_after_resync(engine_down, space):
    member = make_member(space)
    with engine_down:
        topic = make_topic(space, title="Complotisme : atelier")
        sync.process_pending()
    sync.resync()
    titles = {result.title for result in service.search(member, "atelier").results}
    assert titles == {topic.title}


def test_a_post_hidden_while_the_engine_is_down_is_not_in_the_degraded_results(engine_down, space):
    from extranet.forum.services import hide_post

    member = make_member(space)
    moderator = make_member(space, role="moderator")
    topic = make_topic(space, title="Échanges")
    post = make_reply(topic, body="Un message sur le complotisme, hors charte")
    sync.process_pending()
    with engine_down:
        hide_post(post, moderator, "hors charte")
        sync.process_pending()
        response = service.search(member, "complotisme")
    assert response.degraded
    assert response.results == [] and response.total == 0
    sync.resync()
    assert engine_ids() == database_ids()


def test_a_page_unpublished_while_the_engine_is_down_is_not_in_the_degraded_results(
    engine_down, anonymous
):
    tree = make_site_tree()
    page = make_news(tree.news_index, title="Cohésion sociale : page retirée")
    published = make_news(tree.news_index, title="Cohésion sociale : page publiée")
    sync.process_pending()
    with engine_down:
        page.unpublish()
        sync.process_pending()
        response = service.search(anonymous, "cohésion sociale")
    assert response.degraded
    assert [result.title for result in response.results] == [published.title]

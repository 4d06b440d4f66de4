"""``search_rebuild --from-documents``: the engine's index filled from the stored documents,
without building them again (``search.engine_reindex``). Same engine documents as the
rebuild from the sources, no gap in answers, the writes made meanwhile replayed, pending
changes restored by ``search_resync``. Marked ``engine``."""

import datetime
import io
import json
import socket

import pytest
from django.core.management import call_command
from django.db.models import F
from django.test import override_settings

from search import engine_indexes, engine_reindex, sync
from search.engines import EngineUnavailable
from search.models import IndexChange, SearchDocument
from tests.factories.cms import make_news, make_site_tree
from tests.factories.extranet import SpaceFactory, make_reply, make_topic
from tests.search.live_engine import (
    database_ids,
    engine_ids,
    engine_settings,
    engine_titles,
    published_news,
    refresh,
)

pytestmark = [pytest.mark.django_db, pytest.mark.engine, pytest.mark.usefixtures("live")]


@pytest.fixture
def tree():
    return make_site_tree()


def _instants(source):
    """A document's ``_source`` with its dates read as instants: a document pushed from its
    source carries the source's time zone, one read back from the database UTC."""
    return {
        key: datetime.datetime.fromisoformat(value)
        if key.endswith("_filter") and isinstance(value, str) and value[:4].isdigit()
        else value
        for key, value in source.items()
    }


def _sources(backend):
    """``{id: _source}`` of every document the engine holds (dates as instants)."""
    ids = sorted(engine_ids())
    alias = engine_indexes.alias_of(backend).name
    docs = backend.es.mget(index=alias, body={"ids": ids})["docs"]
    return {doc["_id"]: _instants(doc["_source"]) for doc in docs}


def _stored_as_engine_documents(backend):
    """``{id: _source}`` the stored documents make, through the client's serializer."""
    mapping = backend.mapping_class(SearchDocument)
    dumps = backend.es.transport.serializer.dumps
    documents = SearchDocument.objects.prefetch_related("facet_values")
    return {str(d.pk): _instants(json.loads(dumps(mapping.get_document(d)))) for d in documents}


def _alias_targets(backend):
    alias = engine_indexes.alias_of(backend).name
    return sorted(backend.es.indices.get_alias(name=alias))


def test_the_index_filled_from_the_documents_holds_what_the_rebuild_from_the_sources_sends(
    live, tree
):
    published_news(tree, 3, "Laïcité : les acteur·rice·s de l'école")
    topic = make_topic(SpaceFactory(name="Réseau PEP’S"), title="Socio-linguistique, Conf'At")
    make_reply(topic, body="Les élu·e·s du réseau PEP’S répondent.")
    sync.process_pending()
    sync.rebuild(reset_engine=True)
    from_sources = _sources(live)
    before = _alias_targets(live)
    engine_reindex.rebuild_engines(chunk_size=2)
    assert _alias_targets(live) != before  # a new index, behind the alias
    assert not live.es.indices.exists(index=before[0])
    assert _sources(live) == from_sources
    assert len(from_sources) == SearchDocument.objects.count() == 4


def test_searches_answer_in_full_at_every_step_of_a_rebuild_from_the_documents(
    live, tree, anonymous
):
    titles = {page.title for page in published_news(tree, 9, "Laïcité, fiche")}
    seen = []

    def search_meanwhile(progress):
        refresh()
        seen.append(engine_titles(anonymous, "laïcité"))

    engine_reindex.rebuild_engines(chunk_size=2, on_progress=search_meanwhile)
    assert len(seen) == 5  # 9 documents, 2 a chunk: searched while the new index filled up
    assert all(answer == titles for answer in seen)
    assert engine_titles(anonymous, "laïcité") == titles


def test_changes_made_during_a_rebuild_from_the_documents_are_in_the_rebuilt_index(
    live, tree, anonymous
):
    pages = published_news(tree, 6, "Décrochage scolaire, fiche")
    # Written well before the rebuild, outside the window it replays anyway
    # (``engine_indexes.replay_from``): only the changes made meanwhile are sent again.
    SearchDocument.objects.update(
        updated_at=F("updated_at") - engine_indexes.REPLAY_MARGIN - datetime.timedelta(minutes=1)
    )
    changes = {}

    def change_once(progress):
        if changes:
            return
        # Applied through the outbox to the index searches read at that moment (the old one),
        # after the new one received the documents as they were.
        changes["added"] = make_news(tree.news_index, title="Décrochage : nouvelle fiche")
        pages[-1].title = "Décrochage : fiche révisée"
        pages[-1].save_revision().publish()
        changes["gone"] = pages[1].title
        pages[1].unpublish()
        sync.process_pending()

    result = engine_reindex.rebuild_engines(chunk_size=2, on_progress=change_once)
    _progress, reconciliation = result
    assert engine_ids() == database_ids()
    found = engine_titles(anonymous, "décrochage")
    assert "Décrochage : nouvelle fiche" in found
    assert "Décrochage : fiche révisée" in found
    assert "Décrochage scolaire, fiche 5" not in found
    assert changes["gone"] not in found
    assert len(found) == 6
    assert reconciliation.pushed == 2  # the new page and the retitled one
    assert reconciliation.removed == 1  # the unpublished page, sent before it went


def _closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_changes_kept_by_an_outage_reach_the_rebuilt_index_at_the_next_resync(live, tree):
    topic = make_topic(SpaceFactory(name="Réseau VRL"), title="Prévention : échanges")
    page = published_news(tree, 1, "Avant la panne")[0]
    with override_settings(
        WAGTAILSEARCH_BACKENDS=engine_settings(url=f"http://127.0.0.1:{_closed_port()}")
    ):
        make_news(tree.news_index, title="Pendant la panne")
        make_reply(topic, body="Une réponse écrite pendant la panne")
        page.unpublish()
        sync.process_pending()
    assert IndexChange.objects.exists()
    engine_reindex.rebuild_engines()
    call_command("search_resync", stdout=io.StringIO())
    assert not IndexChange.objects.exists()
    assert engine_ids() == database_ids()
    assert _sources(live) == _stored_as_engine_documents(live)


def test_an_engine_that_refuses_a_document_stops_the_rebuild_and_the_old_index_answers(
    live, tree, anonymous, monkeypatch
):
    published_news(tree, 3, "Laïcité, fiche")
    before = _alias_targets(live)

    bulk_body = engine_reindex.bulk_body

    def refusing(backend, index_name, documents):
        body = bulk_body(backend, index_name, documents)
        return body.replace(b'"kind_filter":"actualite"', b'"kind_filter":{"x":1}', 1)

    monkeypatch.setattr(engine_reindex, "bulk_body", refusing)
    with pytest.raises(EngineUnavailable, match="refused"):
        engine_reindex.rebuild_engines(chunk_size=2)
    assert _alias_targets(live) == before
    assert len(engine_titles(anonymous, "laïcité")) == 3


def test_the_command_from_documents_rebuilds_the_engines_index_only(live, tree):
    published_news(tree, 2, "Laïcité, fiche")
    written = dict(SearchDocument.objects.values_list("pk", "updated_at"))
    out = io.StringIO()
    call_command("search_rebuild", "--from-documents", stdout=out)
    assert "2 document(s) envoyé(s) au moteur" in out.getvalue()
    assert dict(SearchDocument.objects.values_list("pk", "updated_at")) == written  # untouched
    assert engine_ids() == database_ids()

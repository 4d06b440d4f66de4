"""The real outage: the OpenSearch node of bin/opensearch stopped, then started again.

While it is down, writes succeed and searches answer degraded; once it is back,
``search_resync`` restores every change, compared document by document. It stops the node
that other tests use, so it runs alone, only when asked (``.ci/run`` does, after the suite):

    OPENSEARCH_RESTART_TEST=1 OPENSEARCH_TEST_URL=http://127.0.0.1:9200 \\
        PYTEST_WORKERS=0 bin/test -m engine_restart
"""

import os
import subprocess
from pathlib import Path

import pytest

from search import service, sync
from search.models import IndexChange
from tests.factories.cms import make_news, make_site_tree
from tests.factories.extranet import SpaceFactory, make_member, make_reply, make_topic
from tests.search.engine.test_engine_outage import _database_documents, _engine_documents
from tests.search.live_engine import database_ids, engine_ids

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.engine_restart,
    pytest.mark.skipif(
        os.environ.get("OPENSEARCH_RESTART_TEST") != "1",
        reason="stops the shared OpenSearch node: only with OPENSEARCH_RESTART_TEST=1",
    ),
    pytest.mark.usefixtures("live"),
]

BIN_OPENSEARCH = Path(__file__).resolve().parents[3] / "bin" / "opensearch"


def _node(command):
    completed = subprocess.run(
        [str(BIN_OPENSEARCH), command], capture_output=True, text=True, timeout=300, check=False
    )
    assert completed.returncode == 0, completed.stderr[-2000:]


def test_a_stopped_node_loses_nothing_and_resync_restores_every_change(anonymous):
    space = SpaceFactory(name="Réseau PRE", slug="pre")
    member = make_member(space)
    tree = make_site_tree()
    before = make_news(tree.news_index, title="Réussite éducative : avant l'arrêt")
    topic = make_topic(space, title="Parentalité : échanges")
    sync.process_pending()
    _node("stop")
    try:
        during = make_news(tree.news_index, title="Réussite éducative : pendant l'arrêt")
        make_reply(topic, body="Une réponse écrite pendant l'arrêt du moteur")
        before.unpublish()
        report = sync.process_pending()
        assert report.failed == 1 and IndexChange.objects.exists()
        response = service.search(anonymous, "réussite éducative")
        assert response.degraded
        assert {result.title for result in response.results} == {during.title}
    finally:
        _node("start")
    sync.resync()
    assert not IndexChange.objects.exists()
    assert engine_ids() == database_ids()
    assert _engine_documents() == _database_documents()
    response = service.search(member, "pendant l'arrêt")
    assert not response.degraded
    assert {result.title for result in response.results} == {
        during.title,
        topic.title,
    }

"""The rebuild interleaves source types in proportion to their size: the mix stays the same
from start to end, so the rate and the remaining time it reports hold all along."""

import pytest

from search import sync
from tests.factories.extranet import SpaceFactory, make_member, make_topic
from tests.factories.extranet import make_document as make_library_document

TOPIC, DOCUMENT = "forum.Topic", "documents_extranet.Document"

pytestmark = pytest.mark.django_db


def test_a_rebuild_interleaves_source_types_in_proportion_to_their_size():
    space = SpaceFactory(name="Réseau PRE", slug="pre")
    author = make_member(space)
    for n in range(6):
        make_topic(space, author=author, title=f"Sujet {n}")
    for n in range(2):
        make_library_document(space, uploader=author, name=f"Compte rendu {n}.pdf")
    # 6 topics, 2 library documents: one document per three topics.
    progress = []
    final, _removed = sync.rebuild(chunk_size=1, on_progress=progress.append)
    # (Wagtail's root page is a source too, of its own type.)
    sources = [step.source for step in progress if step.source in (TOPIC, DOCUMENT)]
    assert sources.count(TOPIC) == 6 and sources.count(DOCUMENT) == 2
    for half in range(2):
        chunk = sources[half * 4 : half * 4 + 4]
        assert chunk.count(TOPIC) == 3 and chunk.count(DOCUMENT) == 1
    assert [step.done for step in progress] == list(range(1, len(progress) + 1))
    assert final.done == final.total == len(progress)

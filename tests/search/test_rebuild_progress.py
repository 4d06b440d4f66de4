"""The rebuild interleaves source types in proportion to their size: the mix stays the same
from start to end, so the rate and the remaining time it reports hold all along."""

import pytest

from search import sync
from tests.factories.extranet import SpaceFactory, make_member, make_reply, make_topic

pytestmark = pytest.mark.django_db


def test_a_rebuild_interleaves_source_types_in_proportion_to_their_size():
    space = SpaceFactory(name="Réseau PRE", slug="pre")
    author = make_member(space)
    for n in range(4):
        topic = make_topic(space, author=author, title=f"Sujet {n}")
        for _ in range(2):
            make_reply(topic, author=author)
    # 4 topics, 12 posts (each topic opens with a post): one topic chunk per three posts.
    progress = []
    final, _removed = sync.rebuild(chunk_size=1, on_progress=progress.append)
    # (Wagtail's root page is a source too, of its own type.)
    sources = [step.source for step in progress if step.source.startswith("forum.")]
    assert sources.count("forum.Topic") == 4 and sources.count("forum.Post") == 12
    for quarter in range(4):
        chunk = sources[quarter * 4 : quarter * 4 + 4]
        assert chunk.count("forum.Topic") == 1 and chunk.count("forum.Post") == 3
    assert [step.done for step in progress] == list(range(1, len(progress) + 1))
    assert final.done == final.total == len(progress)

"""``PushAhead``: the engine's write of one chunk runs while the next is built, one at a time,
and an engine's error stops the caller."""

import threading

import pytest

from search.engines import EngineUnavailable
from search.push_ahead import PushAhead


def test_a_chunk_is_handed_over_only_once_the_previous_one_is_written():
    written, in_flight, most = [], [0], [0]
    lock = threading.Lock()

    def write(chunk):
        with lock:
            in_flight[0] += 1
            most[0] = max(most[0], in_flight[0])
        written.append(chunk)
        with lock:
            in_flight[0] -= 1

    with PushAhead() as ahead:
        for chunk in range(20):
            ahead.submit(write, chunk)
    assert written == list(range(20))  # in order, all of them, done when the block ends
    assert most[0] == 1


def test_the_engines_error_reaches_the_caller_at_the_next_chunk():
    def fail(chunk):
        raise EngineUnavailable(f"default: chunk {chunk} refused")

    ahead = PushAhead()
    ahead.submit(fail, 1)
    with pytest.raises(EngineUnavailable, match="chunk 1"):
        ahead.submit(fail, 2)
    ahead.close()


def test_the_last_chunks_error_is_raised_when_the_rebuild_closes_it():
    def fail(chunk):
        raise EngineUnavailable("default: timeout")

    with pytest.raises(EngineUnavailable), PushAhead() as ahead:
        ahead.submit(fail, 1)

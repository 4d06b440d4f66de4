"""Sending a rebuild's documents to the engine while the next chunk is being built.

A rebuild alternates two waits: Python builds and stores a chunk of documents (database
reads, text rewriting), then the engine node analyses it (French analysis of every text,
the edge n-grams of titles), each leaving the other idle. ``PushAhead`` hands the engine's
write of chunk *n* to one background thread and returns at once, so the node analyses it
while Python builds chunk *n + 1*; before handing over the next chunk it waits for the
previous one, so that at most one chunk is in flight (memory stays bounded, and an engine
that fails stops the rebuild at the next chunk, with the engine's error).

The thread only turns documents into engine requests and sends them: what it reads of the
documents (their facet values) is prefetched by the caller, so it never touches the
database (``indexing.push`` does that before handing the chunk over).
"""

from concurrent.futures import ThreadPoolExecutor


class PushAhead:
    def __init__(self):
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-push")
        self._pending = None

    def submit(self, function, *args, **kwargs):
        """Run ``function(*args, **kwargs)`` in the background once the previous call is done
        (its error, if any, is raised here)."""
        self.wait()
        self._pending = self._executor.submit(function, *args, **kwargs)

    def wait(self):
        """Wait for the call in flight; raise its error."""
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def close(self):
        """Wait for the call in flight (raising its error) and stop the thread."""
        try:
            self.wait()
        finally:
            self._executor.shutdown(wait=True)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, traceback):
        if exc_type is None:
            self.close()
        else:  # already failing: stop the thread without hiding the first error
            self._executor.shutdown(wait=True, cancel_futures=True)

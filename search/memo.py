"""Pure functions of a text kept for the process, read at C speed once warm.

``Memo(function, limit)`` is a dict whose misses are computed (``__missing__``): its bound
``__getitem__`` is one C lookup for a key seen before, so that ``map(memo.__getitem__, keys)``
runs no Python per key. For functions of their argument alone (no data that a write could
change: nothing to invalidate). Bounded: past ``limit`` entries it starts afresh.

Without ``function``, values are computed by the caller and kept with ``remember``: for
values whose computation needs more than the key (``PostgresEngine._narrowing``).
"""


class Memo(dict):
    def __init__(self, function=None, *, limit):
        super().__init__()
        self.function, self.limit = function, limit

    def __missing__(self, key):
        if self.function is None:
            raise KeyError(key)
        return self.remember(key, self.function(key))

    def remember(self, key, value):
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value

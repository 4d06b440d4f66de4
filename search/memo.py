"""Pure functions of a text kept for the process, read at C speed once warm.

``Memo(function, limit)`` is a dict whose misses are computed (``__missing__``): its bound
``__getitem__`` is one C lookup for a key seen before, so that ``map(memo.__getitem__, keys)``
runs no Python per key. For functions of their argument alone (no data that a write could
change: nothing to invalidate). Bounded: past ``limit`` entries it starts afresh.
"""


class Memo(dict):
    def __init__(self, function, limit):
        super().__init__()
        self.function, self.limit = function, limit

    def __missing__(self, key):
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.function(key)
        return value

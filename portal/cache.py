"""The shared cache (Redis) is an accelerator, never a dependency: when Redis cannot be reached,
every cache call answers as a miss (or, for a cache declared with ``OUTAGE_FALLBACK: "local"``,
from this process's memory) and the page is computed, never a 500.

What must hold while Redis is unreachable (refused, reset, timed out):

- **No error reaches a caller.** ``get``/``get_many`` answer the default, ``has_key`` and
  ``add`` ``False``, ``incr`` raises ``ValueError`` as for a missing key, writes are skipped;
  ``set_many`` names every key as failed. Other Redis errors (a wrong type, a bad command) are
  bugs and still raise.
- **It costs milliseconds.** Connections time out quickly (``socket_connect_timeout`` and
  ``socket_timeout`` in the settings' ``OPTIONS``), and after a failure the process stops
  trying for ``RETRY_AFTER`` seconds: every call answers at once, then one call tries again.
- **Logged once per outage** (and per process): a warning when Redis becomes unreachable, an
  info line with the duration when it answers again; nothing per request.
- **Nothing stale comes back.** A write skipped during the outage (a logout deleting its
  session, a changed value) leaves Redis holding the value from before. So the process notes
  the keys it could not write and deletes them, before anything else, as soon as Redis answers
  again (all keys, ``clear()``, if more than ``MAX_LOST_KEYS`` were missed or a ``clear()``
  was). A process restarted during the outage has forgotten its list: see docs/operations.md.

``OUTAGE_FALLBACK: "local"`` is for state that must keep working, approximately, during an
outage (the login lock-out, ``extranet.accounts.lockout``): calls go to a memory cache of this
process instead of answering misses. Each process then counts on its own.

The outage state is per process and per Redis address, shared by every alias and thread that
uses it (Django makes one backend object per alias and per thread).
"""

import logging
import threading
import time

import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

# What "Redis is unreachable" means (BusyLoadingError, a restarting server, is a
# ConnectionError). Nothing else is swallowed.
UNREACHABLE = (redis.ConnectionError, redis.TimeoutError)

RETRY_AFTER = 5.0
MAX_LOST_KEYS = 10_000
FALLBACKS = ("miss", "local")
ALL = object()  # "every key": a clear() that did not reach Redis


class Outage:
    """What this process knows about one Redis address being unreachable."""

    def __init__(self, location):
        self.location = location
        self.lock = threading.RLock()
        self.since = None  # time.time() of the first failure; None while Redis answers
        self.retry_at = 0.0  # time.monotonic() before which nothing is tried
        self.lost = set()  # Redis keys written (or deleted) while unreachable
        self.lost_everything = False

    @property
    def down(self):
        return self.since is not None

    def waiting(self):
        return self.down and time.monotonic() < self.retry_at

    def failed(self, error, retry_after):
        with self.lock:
            first = not self.down
            if first:
                self.since = time.time()
            self.retry_at = time.monotonic() + retry_after
        if first:
            logger.warning(
                "Cache Redis injoignable (%s) : les pages sont calculées sans cache jusqu'à son "
                "retour (%s)",
                self.location,
                error,
            )

    def lose(self, keys):
        if not keys:
            return
        with self.lock:
            if keys is ALL or len(self.lost) + len(keys) > MAX_LOST_KEYS:
                self.lost_everything = True
                self.lost.clear()
            elif not self.lost_everything:
                self.lost.update(keys)

    def recover(self, client):
        """Forget, in Redis, what was written elsewhere during the outage, then mark Redis as
        answering. Raises UNREACHABLE (and stays down) if Redis still does not answer."""
        with self.lock:
            if not self.down:
                return
            if self.lost_everything:
                client.clear()
                forgotten = "toutes les clés"
            else:
                keys = list(self.lost)
                for start in range(0, len(keys), 500):
                    client.delete_many(keys[start : start + 500])
                forgotten = f"{len(keys)} clé(s)"
            duration = time.time() - self.since
            self.since, self.lost, self.lost_everything = None, set(), False
        logger.info(
            "Cache Redis de nouveau joignable (%s) après %.0f s ; %s écrite(s) pendant la panne "
            "effacée(s)",
            self.location,
            duration,
            forgotten,
        )


_outages = {}
_outages_lock = threading.Lock()


def outage_of(location):
    with _outages_lock:
        return _outages.setdefault(location, Outage(location))


class ResilientRedisCache(RedisCache):
    """Django's RedisCache that degrades to misses (or to process memory) when Redis is
    unreachable; see the module docstring. Extra ``OPTIONS`` (the others go to redis-py):
    ``OUTAGE_FALLBACK`` (``"miss"`` or ``"local"``), ``RETRY_AFTER`` (seconds)."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self.outage_fallback = options.pop("OUTAGE_FALLBACK", "miss")
        if self.outage_fallback not in FALLBACKS:
            raise ValueError(f"OUTAGE_FALLBACK must be one of {FALLBACKS}")
        self.retry_after = float(options.pop("RETRY_AFTER", RETRY_AFTER))
        super().__init__(server, {**params, "OPTIONS": options})
        self.outage = outage_of(",".join(self._servers))
        self.local = None
        if self.outage_fallback == "local":
            local_params = {k: v for k, v in params.items() if k != "OPTIONS"}
            self.local = LocMemCache(f"portal.cache:{self.outage.location}", local_params)

    def _run(self, call, fallback, written=()):
        """``call()`` on Redis, or ``fallback()`` when Redis is unreachable (``written``: the
        Redis keys ``call`` writes, to forget when Redis answers again)."""
        outage = self.outage
        if outage.down:
            if outage.waiting():
                outage.lose(written)
                return fallback()
            try:
                outage.recover(self._cache)
            except UNREACHABLE as error:
                outage.failed(error, self.retry_after)
                outage.lose(written)
                return fallback()
        try:
            return call()
        except UNREACHABLE as error:
            outage.failed(error, self.retry_after)
            outage.lose(written)
            return fallback()

    def _keys(self, keys, version):
        return [self.make_and_validate_key(key, version=version) for key in keys]

    def _local_or(self, method, *args, otherwise=lambda: None, **kwargs):
        """During an outage: the local memory cache's answer, or ``otherwise()``."""
        if self.local is None:
            return otherwise()
        return getattr(self.local, method)(*args, **kwargs)

    # --- reads ---------------------------------------------------------------------------------

    def get(self, key, default=None, version=None):
        return self._run(
            lambda: super(ResilientRedisCache, self).get(key, default, version),
            lambda: self._local_or("get", key, default, version=version, otherwise=lambda: default),
        )

    def get_many(self, keys, version=None):
        return self._run(
            lambda: super(ResilientRedisCache, self).get_many(keys, version),
            lambda: self._local_or("get_many", keys, version=version, otherwise=dict),
        )

    def has_key(self, key, version=None):
        return self._run(
            lambda: super(ResilientRedisCache, self).has_key(key, version),
            lambda: self._local_or("has_key", key, version=version, otherwise=lambda: False),
        )

    # --- writes --------------------------------------------------------------------------------

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # Not a lost write: add() never replaces what Redis holds.
        return self._run(
            lambda: super(ResilientRedisCache, self).add(key, value, timeout, version),
            lambda: self._local_or(
                "add", key, value, timeout, version=version, otherwise=lambda: False
            ),
        )

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._run(
            lambda: super(ResilientRedisCache, self).set(key, value, timeout, version),
            lambda: self._local_or("set", key, value, timeout, version=version),
            written=self._keys([key], version),
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._run(
            lambda: super(ResilientRedisCache, self).touch(key, timeout, version),
            lambda: self._local_or("touch", key, timeout, version=version, otherwise=lambda: False),
            written=self._keys([key], version),
        )

    def delete(self, key, version=None):
        return self._run(
            lambda: super(ResilientRedisCache, self).delete(key, version),
            lambda: self._local_or("delete", key, version=version, otherwise=lambda: False),
            written=self._keys([key], version),
        )

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found.")

        return self._run(
            lambda: super(ResilientRedisCache, self).incr(key, delta, version),
            lambda: self._local_or("incr", key, delta, version=version, otherwise=missing),
            written=self._keys([key], version),
        )

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._run(
            lambda: super(ResilientRedisCache, self).set_many(data, timeout, version),
            lambda: self._local_or(
                "set_many", data, timeout, version=version, otherwise=lambda: list(data)
            ),
            written=self._keys(data, version),
        )

    def delete_many(self, keys, version=None):
        keys = list(keys)
        self._run(
            lambda: super(ResilientRedisCache, self).delete_many(keys, version),
            lambda: self._local_or("delete_many", keys, version=version),
            written=self._keys(keys, version),
        )

    def clear(self):
        return self._run(
            lambda: super(ResilientRedisCache, self).clear(),
            lambda: self._local_or("clear", otherwise=lambda: False),
            written=ALL,
        )

"""Login rate limiting: after LOGIN_MAX_FAILURES failed logins for one e-mail or one IP
address, further attempts from it are refused for LOGIN_LOCKOUT_SECONDS.

State lives in the ``lockout`` cache (Redis in production so every worker shares it; while
Redis is unreachable, each process counts in its own memory, ``portal.cache``: the limit then
holds per process, never lifted altogether). Failures are counted
in fixed buckets of LOGIN_LOCKOUT_SECONDS, and the current and previous buckets are added, so
any N failures within one window lock, whatever the bucket boundaries. Reaching the limit sets a
lock holding its end time and resets the counters, so the person starts afresh once it ends.
The e-mail lock protects an account from a distributed guess; the IP lock stops one client
spraying many accounts.

Behind reverse proxies REMOTE_ADDR is the nearest proxy's address, shared by every visitor:
keyed on it, five failures from five clients would lock out everyone. With
TRUSTED_PROXY_COUNT = N, the client is the address the outermost of the N trusted proxies saw,
the N-th entry from the right of X-Forwarded-For (each proxy appends its peer's address; what
the client itself wrote stands further left and is never believed).
"""

import hashlib
import ipaddress
import math
import time

from django.conf import settings
from django.core.cache import caches

CACHE_ALIAS = "lockout"

# The clock is a module attribute so tests can move time forward instead of sleeping.
clock = time.time


def lockout_message():
    minutes = math.ceil(settings.LOGIN_LOCKOUT_SECONDS / 60)
    return (
        "Trop de tentatives de connexion ont échoué. Par sécurité, la connexion est "
        f"bloquée pendant {minutes} minute{'s' if minutes > 1 else ''}. Réessayez plus tard, "
        "ou réinitialisez votre mot de passe avec « Mot de passe oublié »."
    )


def client_ip(request):
    if request is None:
        return ""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    chain = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    chain = [address for address in chain if address]
    if len(chain) < proxies:
        # Fewer hops than trusted proxies: the request did not come through them all.
        return remote
    candidate = chain[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def _identities(email, ip):
    if email:
        yield "email", email.strip().lower()
    if ip:
        yield "ip", ip


def _digest(kind, value):
    # Hashed so that cache keys hold no e-mail address and stay valid memcached keys.
    return hashlib.sha256(f"{kind}:{value}".encode()).hexdigest()


def _bucket(now):
    return int(now // settings.LOGIN_LOCKOUT_SECONDS)


def _counter_keys(ident, now):
    current = _bucket(now)
    return [f"login-fail:{ident}:{current}", f"login-fail:{ident}:{current - 1}"]


def _cache():
    return caches[CACHE_ALIAS]


def is_locked(email, ip) -> bool:
    cache = _cache()
    now = clock()
    for kind, value in _identities(email, ip):
        until = cache.get(f"login-lock:{_digest(kind, value)}")
        if until is not None and now < until:
            return True
    return False


def record_failure(email, ip) -> None:
    cache = _cache()
    now = clock()
    window = settings.LOGIN_LOCKOUT_SECONDS
    for kind, value in _identities(email, ip):
        ident = _digest(kind, value)
        current_key, previous_key = _counter_keys(ident, now)
        cache.add(current_key, 0, timeout=2 * window)
        try:
            count = cache.incr(current_key)
        except ValueError:  # expired between add and incr
            cache.set(current_key, 1, timeout=2 * window)
            count = 1
        count += cache.get(previous_key, 0)
        if count >= settings.LOGIN_MAX_FAILURES:
            cache.set(f"login-lock:{ident}", now + window, timeout=window)
            cache.delete_many([current_key, previous_key])


def clear_failures(email) -> None:
    """A successful login forgets the e-mail's failures (not the IP's: one success must not
    reset a client that is spraying other accounts)."""
    for kind, value in _identities(email, None):
        _cache().delete_many(_counter_keys(_digest(kind, value), clock()))

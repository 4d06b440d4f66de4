"""Version counters: what the cached fragments of the extranet pages are keyed on.

A page fragment (``extranet.web.fragments``) is cached under a key built from the *versions*
of every row it shows, read from the database by one lean query at each request. The
counters live in the database (not in the cache), so a cache that is lost, evicted or local
to one process can never serve a fragment the database says is stale.

Which write bumps which counter is declared in one place, ``portal.fragments.registry``
(``Space.version``, ``Membership.version``, ``Topic.version``, and what each fragment shows),
and bumped from there for every write path: saves and deletions through the signals
(``portal.fragments.wiring``), ``update()`` and ``bulk_create()`` through
``portal.fragments.writes``. No writer bumps anything itself.

What stays here is a row's own counter on ``save()`` (``BumpOnSave``): incremented DB-side in
the same UPDATE, so no increment is lost and a stale instance never writes an old number
back. A counter only ever grows, so a key can never come back to an old value.
"""

from django.db.models import F

FIELD = "version"


class BumpOnSave:
    """Model mixin: saving an existing row increments its ``version`` in the same UPDATE.

    Creation keeps the field's default. After the save, the attribute holds an expression,
    so it is dropped (deferred): reading it reloads it, and a later ``save()`` of the same
    instance increments it again rather than writing back a number read earlier.
    """

    #: The registry's wiring leaves a row's own version to this ``save()``.
    bumps_own_version = True

    def save(self, *args, **kwargs):
        if self._state.adding:
            return super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, FIELD}
        setattr(self, FIELD, F(FIELD) + 1)
        try:
            return super().save(*args, **kwargs)
        finally:
            self.__dict__.pop(FIELD, None)

"""Version counters: what the cached fragments of the extranet pages are keyed on.

A page fragment (``extranet.web.fragments``) is cached under a key built from the *versions*
of every row it shows, read from the database by one lean query at each request. Every write
that changes what a fragment shows increments one of these counters, in the same transaction
as the change, so the next request reads a new key and renders afresh; an old entry is simply
never read again. The counters live in the database (not in the cache), so a cache that is
lost, evicted or local to one process can never serve a fragment the database says is stale.

Counters (each a ``version`` column):
- ``Space.version``: the space's own fields (name, slug, kind, archived…), its memberships
  (the members count shown in "my spaces") and its forum activity (topics created, moved or
  deleted, replies, posts hidden, restored or deleted: last activity and unread counts);
- ``Membership.version``: the member's role, arrival date and read marks in the space (their
  unread counts);
- ``Topic.version``: anything a topic page shows (title, flags, counters, each post's text,
  state and author's name).

Two ways of bumping, both DB-side (``version = version + 1``, no lost increment):
- ``save()`` of a model using ``BumpOnSave`` bumps its counter itself (the admin, Wagtail
  snippets, forms), and leaves the attribute deferred afterwards, so a later ``save()`` of the
  same instance never writes back a stale number;
- ``QuerySet.update()`` skips ``save()``: the services that use it add
  ``**bumped()`` to the update (``Topic.objects.filter(…).update(title=…, **bumped())``) or call
  ``bump(queryset)``.

A counter only ever grows, so a key can never come back to an old value.
"""

from django.db.models import F

FIELD = "version"


def bumped(field=FIELD):
    """Keyword arguments of ``QuerySet.update()`` that increment the counter."""
    return {field: F(field) + 1}


def bump(queryset, field=FIELD):
    """Increment the counter of every row of ``queryset`` (one UPDATE)."""
    return queryset.update(**bumped(field))


class BumpOnSave:
    """Model mixin: saving an existing row increments its ``version`` in the same UPDATE.

    Creation keeps the field's default. After the save, the attribute holds an expression,
    so it is dropped (deferred): reading it reloads it, and a later ``save()`` of the same
    instance increments it again rather than writing back a number read earlier.
    """

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

"""The counters a cached fragment is keyed on, and how a write bumps them.

Three kinds, one per way the portal invalidates:

- ``RowVersion``: the ``version`` column of rows of one model (``extranet.versions``), read by
  the fragment's lean key query at each request. A write bumps the rows it affects, found
  from the written row by ``Rows`` (``UPDATE … SET version = version + 1``, DB-side, in the
  writer's transaction: never the new data with the old version once committed).
- ``UserEntries``: a value cached per member under a key of its own (the unread count of
  the header), dropped for the members a write affects, once the write commits (a request
  reading meanwhile would store the old value again).
- ``Generation``: a named content generation (``cms.generation``), bumped in the writer's
  transaction and again on commit. The CMS's triggers (``cms.api.cache.connect_signals``,
  ``cms.invalidation``) bump them; the registry declares which fragments depend on them.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Q

VERSION = "version"


@dataclass(frozen=True)
class Rows:
    """Which rows of a counter's model a written row affects: ``counter lookup → attribute
    of the written row``, all required (``Rows(user_id="user_id", space__topics="topic_id")``:
    the member's membership in the space of the topic read), or, with ``any_of``, each
    lookup alone (the topics showing a member: as author, or of a post of theirs…).
    ``Rows(pk="pk")``: the written row itself."""

    lookups: tuple = ()
    any_of: bool = False

    @classmethod
    def where(cls, **lookups):
        return cls(tuple(lookups.items()))

    @classmethod
    def any(cls, **lookups):
        return cls(tuple(lookups.items()), any_of=True)

    @property
    def is_self(self):
        return self.lookups == (("pk", "pk"),)

    @property
    def attributes(self):
        return {attribute for _, attribute in self.lookups}

    def of_instance(self, instance, values=None) -> Q:
        """The rows affected by ``instance`` (``values``: attribute values to use instead of
        the instance's, e.g. those it had before a move)."""
        values = values or {}
        parts = [
            Q(**{lookup: values.get(attribute, getattr(instance, attribute))})
            for lookup, attribute in self.lookups
        ]
        return self._combine(parts)

    def of_queryset(self, queryset) -> Q:
        """The rows affected by every row of ``queryset`` (subqueries: no query of its own)."""
        parts = [
            Q(**{f"{lookup}__in": queryset.order_by().values(attribute)})
            for lookup, attribute in self.lookups
        ]
        return self._combine(parts)

    def _combine(self, parts):
        combined = parts[0]
        for part in parts[1:]:
            combined = combined | part if self.any_of else combined & part
        return combined


@dataclass(frozen=True)
class RowVersion:
    """The ``version`` column of ``model`` (an app label, ``"forum.Topic"``)."""

    model: str

    @property
    def name(self):
        return f"{self.model}.{VERSION}"

    def bump(self, rows: Q) -> None:
        model = apps.get_model(self.model)
        # ``distinct`` joins (``space__topics``) make Django update through ``pk IN (…)``.
        model._base_manager.filter(rows).update(**{VERSION: F(VERSION) + 1})

    def state(self, rows: Q):
        """What a key reading these rows would see: their ids, versions and creation."""
        model = apps.get_model(self.model)
        return sorted(model._base_manager.filter(rows).values_list("pk", VERSION).distinct())


@dataclass(frozen=True)
class UserEntries:
    """A value cached per member under ``"<prefix>:<user id>"``; ``users``: where the
    members affected by a written row are found (``model`` rows matching
    ``lookup = attribute of the written row``, their ``user_id``), or ``None`` when the
    written row names its member itself (``user_id``)."""

    prefix: str

    @property
    def name(self):
        return self.prefix

    def key(self, user_id) -> str:
        return f"{self.prefix}:{user_id}"

    def forget(self, user_ids) -> None:
        keys = [self.key(user_id) for user_id in set(user_ids)]
        if keys:
            # After the commit: a request reading meanwhile would store the old value again.
            transaction.on_commit(lambda: cache.delete_many(keys))


@dataclass(frozen=True)
class Users:
    """The members a written row concerns, for ``UserEntries``: the ``user_id`` of the rows
    of ``model`` whose ``lookup`` is the written row's ``attribute`` (``model=None``: the
    written row's own ``user_id``)."""

    model: str | None = None
    lookup: str = ""
    attribute: str = "pk"
    #: Members are never "the written row itself".
    is_self = False

    @property
    def attributes(self):
        return {"user_id"} if self.model is None else {self.attribute}

    def of_instance(self, instance, values=None) -> list:
        values = values or {}
        if self.model is None:
            return [values.get("user_id", instance.user_id)]
        value = values.get(self.attribute, getattr(instance, self.attribute))
        rows = apps.get_model(self.model)._base_manager.filter(**{self.lookup: value})
        return list(rows.values_list("user_id", flat=True).distinct())

    def of_queryset(self, queryset) -> list:
        if self.model is None:
            return list(queryset.order_by().values_list("user_id", flat=True).distinct())
        rows = apps.get_model(self.model)._base_manager.filter(
            **{f"{self.lookup}__in": queryset.order_by().values(self.attribute)}
        )
        return list(rows.values_list("user_id", flat=True).distinct())


@dataclass(frozen=True)
class Generation:
    """A named content generation of ``cms.generation`` (``content``, ``type:…``)."""

    scope: str
    bumped_by: str = field(default="cms.api.cache.connect_signals", compare=False)

    @property
    def name(self):
        return f"generation:{self.scope}"

"""Writes that send no signal (``QuerySet.update()``, ``bulk_create()``), declared: they bump
what ``portal.fragments.registry`` says, as a save or a deletion does through
``portal.fragments.wiring``. Every such write to a declared model goes through here
(``tests/portal/test_fragment_keys.py`` fails on one that does not).
"""

from django.db import transaction
from django.db.models import F

from .counters import VERSION
from .registry import sources_of
from .wiring import bump, skipped_on_creation, touches


def _sources(model):
    return [source for source in sources_of(model._meta.label) if source.rows is not None]


def _moves_with(source, changes) -> bool:
    """Whether ``changes`` rewrite an attribute through which ``source`` finds its rows."""
    names = {name.removesuffix("_id") for name in changes}
    return source.moves and any(
        attribute.removesuffix("_id") in names for attribute in source.rows.attributes
    )


def update(queryset, **changes) -> int:
    """``queryset.update(**changes)`` that bumps the declared counters of its rows: a row's
    own version in the same statement, the others in the same transaction.

    The rows are found before the write (a filter on what the update changes, e.g. the
    unread notifications being read, matches none after it) and, for a source whose rows
    move with the change, after it too.
    """
    sources = [source for source in _sources(queryset.model) if touches(source, changes)]
    if any(source.rows.is_self for source in sources):
        changes[VERSION] = F(VERSION) + 1
    others = [source for source in sources if not source.rows.is_self]
    with transaction.atomic(using=queryset.db, savepoint=False):
        moving = [source for source in others if _moves_with(source, changes)]
        if moving:
            # The same rows after the write: by id, whatever the update changes.
            ids = list(queryset.values_list("pk", flat=True))
        bump((source, source.rows.of_queryset(queryset)) for source in others)
        count = queryset.update(**changes)
        if moving:
            after = queryset.model._base_manager.filter(pk__in=ids)
            bump((source, source.rows.of_queryset(after)) for source in moving)
    return count


def bulk_create(model, objects, **kwargs) -> list:
    """``model.objects.bulk_create(objects, **kwargs)`` that bumps what the new (or, with
    ``update_conflicts``, updated) rows affect."""
    objects = list(objects)
    created = model._default_manager.bulk_create(objects, **kwargs)
    updating = kwargs.get("update_conflicts", False)
    pairs = []
    for source in _sources(model):
        if source.rows.is_self or (not updating and skipped_on_creation(source)):
            continue
        if updating and not touches(source, kwargs.get("update_fields")):
            continue
        for instance in objects:
            pairs.append((source, source.rows.of_instance(instance)))
    bump(pairs)
    return created
